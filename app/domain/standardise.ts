/**
 * Standardised scores across events (WorldSkills-style), so that province-wide honours and the
 * order of nomination can compare contestants of different events: each event's totals are set on a
 * common scale where the event's median is 700 and its interquartile range is 100 points.
 * Median and quartiles are taken by nearest rank (always one of the totals), so the arithmetic is
 * exact: standard = 700 + 100 × (total − median) ÷ (Q3 − Q1), rounded once, half away from zero,
 * to hundredths. An event whose middle half all scored the same gives everyone 700. Pure: no I/O.
 */
import type { Hundredths } from './exact.ts';

export const STANDARD_CENTRE = 700;
export const STANDARD_SPREAD = 100;

export type Standardisation = { median: Hundredths; q1: Hundredths; q3: Hundredths; scores: Map<string, Hundredths> };

/** The value at nearest rank ⌈p·n⌉ of sorted values (p as a fraction num/den). */
function nearestRank(sorted: readonly number[], num: number, den: number): number {
  return sorted[Math.max(0, Math.ceil((sorted.length * num) / den) - 1)];
}

/** n / d rounded half away from zero, integers (d > 0). */
function roundHalfAway(n: number, d: number): number {
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
  return n < 0 ? -q : q;
}

export function standardise(totals: ReadonlyMap<string, Hundredths>): Standardisation | null {
  if (totals.size === 0) return null;
  const sorted = [...totals.values()].sort((a, b) => a - b);
  const median = nearestRank(sorted, 1, 2);
  const q1 = nearestRank(sorted, 1, 4);
  const q3 = nearestRank(sorted, 3, 4);
  const iqr = q3 - q1;
  const scores = new Map<string, Hundredths>();
  // In hundredths: 700.00 + 100 × (t − m) / iqr points.
  for (const [key, total] of totals) scores.set(key, STANDARD_CENTRE * 100 + (iqr === 0 ? 0 : roundHalfAway(STANDARD_SPREAD * 100 * (total - median), iqr)));
  return { median, q1, q3, scores };
}

/** The method in words, with the event's figures. */
export function describeStandardisation(s: Standardisation, format: (h: Hundredths) => string): string {
  const iqr = s.q3 - s.q1;
  return iqr === 0
    ? `本赛项中间一半选手总分相同（${format(s.q1)}），标准分均记 ${STANDARD_CENTRE}。`
    : `标准分 = ${STANDARD_CENTRE} + ${STANDARD_SPREAD} ×（总分 − 中位数 ${format(s.median)}）÷ 四分位距 ${format(iqr)}（Q3 ${format(s.q3)} − Q1 ${format(s.q1)}），四舍五入至两位小数。`;
}
