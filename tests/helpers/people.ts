import { idNumberCheckChar } from '#app/domain/id-number.ts';

let sequence = 100;
/** A valid 身份证号 for a birth date (YYYYMMDD); odd sequence for men, even for women. */
export function idNumber(birth: string, gender: 'male' | 'female' = 'male'): string {
  const seq = sequence++;
  // 500 sequence codes per district, 98 districts: 49,000 different people per birth date.
  const region = `4301${String(2 + (Math.floor(seq / 500) % 98)).padStart(2, '0')}`;
  const order = ((seq % 500) * 2 + (gender === 'male' ? 1 : 0)).toString().padStart(3, '0');
  const first17 = `${region}${birth}${order}`;
  return first17 + idNumberCheckChar(first17);
}

export const contestant = (name: string, birth = '20050315', gender: 'male' | 'female' = 'male') => ({
  name,
  idNumber: idNumber(birth, gender),
  studentNumber: '2023001',
  major: '工业机器人技术',
  phone: '13900001111',
});

export const advisor = (name: string, phone = '13800002222') => ({ name, title: '讲师', phone });
