/**
 * Exact scores. A mark has at most two decimals (a criterion's `decimals` is 0–2), so every mark,
 * aggregate and total is held as a whole number of hundredths of a mark (百分之一分). Sums are
 * exact integer additions; the only division, an aggregate across judges, is rounded once by the
 * declared rule below. Binary floats appear only where a number is shown or sent as JSON.
 */

/** Hundredths of a mark: an integer. */
export type Hundredths = number;

/** The one rounding rule: each criterion's aggregate to 2 decimals, half up; the total is their sum. */
export const SCORE_ROUNDING = { decimals: 2, mode: 'half_up' } as const;

export const MAX_MARK_DECIMALS = 2;
const SCALE = 10 ** MAX_MARK_DECIMALS;

/**
 * A decimal as hundredths, or null when it has more than two decimals or is not a finite number.
 * `6.1 * 100` is 609.9999…; rounding recovers 610, and the check refuses 6.105 rather than guess.
 */
export function toHundredths(value: number): Hundredths | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * SCALE);
  return Math.abs(scaled - value * SCALE) < 1e-6 * Math.max(1, Math.abs(value)) ? scaled : null;
}

/** Like `toHundredths`, for values already known to be valid (stored maxima and thresholds). */
export function hundredthsOf(value: number): Hundredths {
  const h = toHundredths(value);
  if (h === null) throw new RangeError(`not a score with at most ${MAX_MARK_DECIMALS} decimals: ${value}`);
  return h;
}

/** For display and JSON only. */
export const fromHundredths = (h: Hundredths): number => h / SCALE;
export const fromOrNull = (h: Hundredths | null | undefined): number | null => (h === null || h === undefined ? null : h / SCALE);

/** `numerator / denominator` rounded half up, both non-negative integers. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`divideHalfUp(${numerator}, ${denominator})`);
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** A score as people read it, always with the two decimals it is kept to: 89.00, 80.10, 92.14. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(SCORE_ROUNDING.decimals);
}
