import { describe, expect, it } from 'vitest';
import { ageOn, idNumberCheckChar, isValidPhone, maskIdNumber, maskPhone, parseIdNumber } from '#app/domain/id-number.ts';

const TODAY = new Date('2026-11-23T00:00:00Z');
/** The worked example of GB 11643-1999. */
const STANDARD = '11010519491231002X';

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard example and reads birth date and gender from it', () => {
    const r = parseIdNumber(STANDARD, TODAY);
    expect(r).toEqual({ ok: true, info: { idNumber: STANDARD, birthDate: '1949-12-31', gender: 'female', regionCode: '110105' } });
  });

  it('reads an odd sequence digit as male', () => {
    const first17 = '43010220050315001';
    const r = parseIdNumber(first17 + idNumberCheckChar(first17), TODAY);
    expect(r.ok && r.info.gender).toBe('male');
    expect(r.ok && r.info.birthDate).toBe('2005-03-15');
  });

  it('accepts a lower-case x and normalises it', () => {
    const r = parseIdNumber(STANDARD.toLowerCase(), TODAY);
    expect(r.ok && r.info.idNumber).toBe(STANDARD);
  });

  it.each([
    ['1101051949123100', 'length'],
    ['11010519491231002XX', 'length'],
    ['1101051949123100AX', 'format'],
    ['01010519491231002X', 'region'],
    ['110105194902300021', 'birth_date'],
    ['110105203001010021', 'birth_date'],
    ['110105189912310021', 'birth_date'],
  ])('refuses %s (%s)', (value, problem) => {
    expect(parseIdNumber(value, TODAY)).toEqual({ ok: false, problem });
  });

  it('refuses every wrong check character', () => {
    for (const c of '0123456789X') {
      const id = STANDARD.slice(0, 17) + c;
      expect(parseIdNumber(id, TODAY).ok).toBe(c === 'X');
    }
  });

  it('computes ages in full years on a given day', () => {
    expect(ageOn('2005-03-15', '2026-03-14')).toBe(20);
    expect(ageOn('2005-03-15', '2026-03-15')).toBe(21);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });

  it('masks personal data', () => {
    expect(maskIdNumber(STANDARD)).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('knows valid phone numbers', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('0731-88888888')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
  });
});
