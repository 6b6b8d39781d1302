/**
 * What a round's ranking counts when it is not its own total alone: a declared weighted combination
 * of rounds (e.g. 30 % 省赛 + 70 % 选拔赛), exact as every score is — weights in basis points, the
 * combined total rounded once, half up, to hundredths. Pure: no I/O.
 */
import { divideHalfUp, type Hundredths } from './exact.ts';

export type RoundWeight = { roundId: number; weightBp: number };

/** Why weights cannot be used, as an error code, or null: each above 0, rounds once each, 100 % in all. */
export function weightsProblem(weights: readonly RoundWeight[]): string | null {
  if (weights.length === 0) return 'round_weights_empty';
  if (weights.some((w) => !Number.isInteger(w.weightBp) || w.weightBp <= 0)) return 'round_weights_invalid';
  if (new Set(weights.map((w) => w.roundId)).size !== weights.length) return 'round_weights_invalid';
  if (weights.reduce((a, w) => a + w.weightBp, 0) !== 10_000) return 'round_weights_sum';
  return null;
}

/**
 * Σ weight × total over the rounds, for those with a total in every round (one missing a round
 * has no combined total: it did not take part in all that is counted).
 */
export function combineTotals(parts: readonly { weightBp: number; totals: ReadonlyMap<string, Hundredths> }[]): Map<string, Hundredths> {
  const out = new Map<string, Hundredths>();
  if (!parts.length) return out;
  for (const key of parts[0].totals.keys()) {
    if (!parts.every((p) => p.totals.has(key))) continue;
    out.set(key, divideHalfUp(parts.reduce((acc, p) => acc + p.totals.get(key)! * p.weightBp, 0), 10_000));
  }
  return out;
}

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function rankTotals(totals: ReadonlyMap<string, Hundredths>): Map<string, number> {
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ranks = new Map<string, number>();
  sorted.forEach(([key, total], i) => ranks.set(key, i > 0 && sorted[i - 1][1] === total ? ranks.get(sorted[i - 1][0])! : i + 1));
  return ranks;
}

/** The combination in words: “省赛 30% + 选拔赛第一阶段 70%”. */
export function describeWeights(weights: readonly RoundWeight[], nameOf: (roundId: number) => string): string {
  return weights.map((w) => `${nameOf(w.roundId)} ${w.weightBp / 100}%`).join(' + ');
}
