import { idNumberCheckChar } from '#app/domain/id-number.ts';

let sequence = 100;
/** A valid 身份证号 for a birth date (YYYYMMDD); odd sequence for men, even for women. */
export function idNumber(birth: string, gender: 'male' | 'female' = 'male', region = '430102'): string {
  const order = ((sequence++ % 500) * 2 + (gender === 'male' ? 1 : 0)).toString().padStart(3, '0');
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
