/**
 * An entry's score from its reviewers (网评, #16): the reviewers' totals aggregated by the category's
 * method — drop the highest and lowest then average (default), mean, or median — exactly, in
 * hundredths rounded once half up as every score is; optionally each reviewer's totals first turned
 * into z-scores within their own set and put back on the common scale (for reviewers who saw
 * different entries, some harsher than others); and a flag for the chief reviewer where the
 * reviewers disagree by more than the category's threshold. Pure: no I/O.
 */
import { divideHalfUp, type Hundredths } from './exact.ts';

export const REVIEW_AGGREGATIONS = ['trimmed_mean', 'mean', 'median'] as const;
export type ReviewAggregation = (typeof REVIEW_AGGREGATIONS)[number];

export type ReviewTotal = { entryId: number; reviewerId: number; total: Hundredths };
export type EntryScore = { total: Hundredths; reviewers: number; spread: Hundredths; flagged: boolean };
export type ReviewRules = { method: ReviewAggregation; normalise: boolean; flagSpread: Hundredths };

export const DEFAULT_REVIEW_RULES: ReviewRules = { method: 'trimmed_mean', normalise: false, flagSpread: 1500 };

/** The method on whole hundredths (non-negative integers), rounded once. Trimming needs three or more. */
export function aggregate(values: readonly number[], method: ReviewAggregation): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  switch (method) {
    case 'median': {
      const mid = Math.floor(n / 2);
      return n % 2 ? sorted[mid] : divideHalfUp(sorted[mid - 1] + sorted[mid], 2);
    }
    case 'trimmed_mean':
      return n >= 3 ? divideHalfUp(sum(sorted.slice(1, -1)), n - 2) : divideHalfUp(sum(sorted), n);
    case 'mean':
      return divideHalfUp(sum(sorted), n);
  }
}

/** Mean and (population) standard deviation, summed in sorted order so that input order never matters. */
function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const sd = Math.sqrt(sorted.map((v) => (v - mean) ** 2).sort((a, b) => a - b).reduce((a, b) => a + b, 0) / sorted.length);
  return { mean, sd };
}

/**
 * Each reviewer's totals as z-scores within their own set, put back on the scale of all totals
 * (the overall mean and spread): x′ = M + S × (x − mᵣ) / sᵣ, rounded to whole hundredths, never
 * below zero. A reviewer who gave everyone the same total keeps the overall mean for them.
 */
export function normalised(totals: readonly ReviewTotal[]): ReviewTotal[] {
  if (!totals.length) return [];
  const all = meanSd(totals.map((t) => t.total));
  const byReviewer = new Map<number, number[]>();
  for (const t of totals) (byReviewer.get(t.reviewerId) ?? byReviewer.set(t.reviewerId, []).get(t.reviewerId)!).push(t.total);
  const own = new Map([...byReviewer].map(([id, xs]) => [id, meanSd(xs)]));
  return totals.map((t) => {
    const r = own.get(t.reviewerId)!;
    const z = r.sd === 0 ? 0 : (t.total - r.mean) / r.sd;
    return { ...t, total: Math.max(0, Math.round(all.mean + all.sd * z)) };
  });
}

/** Every entry's score, flagged where its reviewers' own totals differ by more than the threshold. */
export function scoreEntries(totals: readonly ReviewTotal[], rules: ReviewRules): Map<number, EntryScore> {
  const counted = rules.normalise ? normalised(totals) : totals;
  const raw = new Map<number, number[]>();
  const used = new Map<number, number[]>();
  totals.forEach((t, i) => {
    (raw.get(t.entryId) ?? raw.set(t.entryId, []).get(t.entryId)!).push(t.total);
    (used.get(t.entryId) ?? used.set(t.entryId, []).get(t.entryId)!).push(counted[i].total);
  });
  const out = new Map<number, EntryScore>();
  for (const [entryId, values] of used) {
    const own = raw.get(entryId)!;
    const spread = Math.max(...own) - Math.min(...own);
    out.set(entryId, { total: aggregate(values, rules.method), reviewers: values.length, spread, flagged: spread > rules.flagSpread });
  }
  return out;
}
