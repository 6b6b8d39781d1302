/** An entry's score from its reviewers (#16): exact aggregation, z-score normalisation, disagreement flags. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, DEFAULT_REVIEW_RULES, normalised, scoreEntries, type ReviewTotal } from '#app/domain/review-scores.ts';

const t = (entryId: number, reviewerId: number, total: number): ReviewTotal => ({ entryId, reviewerId, total });

describe('aggregating reviewers’ totals', () => {
  it('drops the highest and lowest then averages, exactly, rounded once half up', () => {
    expect(aggregate([8000, 9000, 8550, 7000, 9999], 'trimmed_mean')).toBe(divide(8000 + 8550 + 9000, 3));
    expect(aggregate([8001, 8002, 9999, 1], 'trimmed_mean')).toBe(8002); // (8001 + 8002) / 2 = 8001.5 → 8002
    // With two reviewers there is nothing to drop.
    expect(aggregate([8000, 9001], 'trimmed_mean')).toBe(8501);
    expect(aggregate([8000, 9001, 7000], 'mean')).toBe(8000);
    expect(aggregate([8000, 9001, 7000], 'median')).toBe(8000);
    expect(aggregate([8000, 9001, 7000, 9999], 'median')).toBe(8501);
  });

  it('flags an entry whose reviewers disagree by more than the threshold, for the chief reviewer', () => {
    const scores = scoreEntries([t(1, 1, 9000), t(1, 2, 8800), t(1, 3, 7400), t(2, 1, 8000), t(2, 2, 8100), t(2, 3, 8200)], DEFAULT_REVIEW_RULES);
    expect(scores.get(1)).toMatchObject({ spread: 1600, flagged: true, reviewers: 3, total: 8800 });
    expect(scores.get(2)).toMatchObject({ spread: 200, flagged: false, total: 8100 });
  });

  it('puts a harsh and a lenient reviewer on one scale when they saw different entries', () => {
    // Reviewer 1 marks everyone 20 points below reviewer 2; each saw a different, equally good half.
    const harsh = [6000, 6500, 7000].map((v, i) => t(i + 1, 1, v));
    const lenient = [8000, 8500, 9000].map((v, i) => t(i + 4, 2, v));
    const plain = scoreEntries([...harsh, ...lenient], { ...DEFAULT_REVIEW_RULES, normalise: false });
    expect(plain.get(3)!.total).toBeLessThan(plain.get(4)!.total);
    const fair = scoreEntries([...harsh, ...lenient], { ...DEFAULT_REVIEW_RULES, normalise: true });
    // The best of each half now scores the same, as do the middles and the lowest.
    expect(fair.get(3)!.total).toBe(fair.get(6)!.total);
    expect(fair.get(2)!.total).toBe(fair.get(5)!.total);
    expect(fair.get(1)!.total).toBe(fair.get(4)!.total);
    // A reviewer who gave everyone the same keeps the overall mean for them.
    expect(normalised([t(1, 1, 5000), t(2, 1, 5000), t(3, 2, 9000), t(4, 2, 7000)]).map((x) => x.total).slice(0, 2)).toEqual([6500, 6500]);
  });

  it('gives the same scores whatever order the totals come in, whole hundredths every one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ entryId: fc.integer({ min: 1, max: 8 }), reviewerId: fc.integer({ min: 1, max: 5 }), total: fc.integer({ min: 0, max: 10_000 }) }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom('trimmed_mean' as const, 'mean' as const, 'median' as const),
        (rows, normalise, method) => {
          const rules = { method, normalise, flagSpread: 1500 };
          const a = scoreEntries(rows, rules);
          const b = scoreEntries([...rows].reverse(), rules);
          expect(new Map([...b].sort((x, y) => x[0] - y[0]))).toEqual(new Map([...a].sort((x, y) => x[0] - y[0])));
          for (const s of a.values()) expect(Number.isInteger(s.total) && s.total >= 0).toBe(true);
        },
      ),
    );
  });
});

function divide(n: number, d: number) {
  return Math.floor((2 * n + d) / (2 * d));
}
