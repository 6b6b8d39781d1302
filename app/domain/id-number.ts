/** 身份证号 (GB 11643-1999): 18 characters, checksum, birth date and gender read from it. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'format' | 'region' | 'birth_date' | 'checksum';

export type IdNumberInfo = {
  idNumber: string;
  /** ISO date, YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
  regionCode: string;
};

export type IdNumberCheck = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Reads a 身份证号, normalising a lower-case x; `today` bounds the birth date (no one is born tomorrow). */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const idNumber = raw.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' };
  // Province codes run from 11 (北京) to 82 (澳门); a leading 0 or 9 is never issued.
  const province = Number(idNumber.slice(0, 2));
  if (province < 11 || province > 82) return { ok: false, problem: 'region' };

  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return { ok: false, problem: 'birth_date' };

  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' };

  return {
    ok: true,
    info: {
      idNumber,
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      // The 17th digit (sequence code) is odd for men and even for women.
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: idNumber.slice(0, 6),
    },
  };
}

/** Full years between a birth date and a day, both ISO dates: the age on that day. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 110105********123X: region and birth year stay legible, the rest is hidden. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Mainland mobile numbers, and landlines with an area code (0731-88888888). */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}
