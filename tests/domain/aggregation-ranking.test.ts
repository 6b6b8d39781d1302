import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, isDiscrepant, markProblem, scoreTeam, spread, type SchemeCriterion } from '#app/domain/aggregation.ts';
import { rankTeams, type RankEntry } from '#app/domain/ranking.ts';
import { distinctCodes, drawOrder, seededRandom } from '#app/domain/draw.ts';

const mark = fc.integer({ min: 0, max: 200 }).map((n) => n / 10);

describe('aggregation', () => {
  it('takes the mean, the trimmed mean and the median', () => {
    expect(aggregate([7, 8, 9], 'mean')).toBe(8);
    expect(aggregate([1, 7, 8, 9, 20], 'trimmed_mean')).toBe(8);
    expect(aggregate([7, 8, 9, 10], 'trimmed_mean')).toBe(8.5); // fewer than five judges: the mean
    expect(aggregate([9, 1, 8], 'median')).toBe(8);
    expect(aggregate([1, 2, 3, 10], 'median')).toBe(2.5);
    expect(aggregate([], 'mean')).toBeNull();
    expect(aggregate([0.1, 0.2], 'mean')).toBe(0.15);
  });

  it('flags only judgement criteria whose spread exceeds the threshold', () => {
    expect(isDiscrepant('judgement', [5, 8.5], 3)).toBe(true);
    expect(isDiscrepant('judgement', [5, 8], 3)).toBe(false);
    expect(isDiscrepant('measurement', [0, 10], 3)).toBe(false);
    expect(isDiscrepant('judgement', [1], 0)).toBe(false);
    expect(spread([4, 9, 6])).toBe(5);
  });

  it('checks a mark against the criterion’s range, decimals and all-or-nothing', () => {
    const c = { maxMarks: 10, decimals: 1, allOrNothing: false };
    expect(markProblem(9.5, c)).toBeNull();
    expect(markProblem(10.1, c)).toBe('out_of_range');
    expect(markProblem(-0.5, c)).toBe('out_of_range');
    expect(markProblem(9.55, c)).toBe('too_many_decimals');
    expect(markProblem(0.3, { ...c, decimals: 1 })).toBeNull();
    expect(markProblem(1, { maxMarks: 2, decimals: 0, allOrNothing: true })).toBe('all_or_nothing');
    expect(markProblem(2, { maxMarks: 2, decimals: 0, allOrNothing: true })).toBeNull();
    expect(markProblem(Number.NaN, c)).toBe('out_of_range');
  });

  it('property: adding a judge whose mark is the median never changes a median aggregate', () => {
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 9 }).filter((xs) => xs.length % 2 === 1), (xs) => {
        const m = aggregate(xs, 'median')!;
        expect(aggregate([...xs, m], 'median')).toBe(m);
      }),
    );
  });

  it('property: every aggregate lies between the lowest and the highest mark', () => {
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 12 }), fc.constantFrom('mean', 'trimmed_mean', 'median' as const), (xs, method) => {
        const v = aggregate(xs, method)!;
        expect(v).toBeGreaterThanOrEqual(Math.min(...xs) - 0.005);
        expect(v).toBeLessThanOrEqual(Math.max(...xs) + 0.005);
      }),
    );
  });

  it('property: a total never exceeds the scheme’s total', () => {
    const scheme: SchemeCriterion[] = [
      { id: 1, moduleId: 1, maxMarks: 10, kind: 'measurement' },
      { id: 2, moduleId: 1, maxMarks: 20, kind: 'judgement' },
      { id: 3, moduleId: 2, maxMarks: 70, kind: 'judgement' },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 7 }), (judges) => {
        const marks = new Map(scheme.map((c, i) => [c.id, judges.map((j) => Math.round(j[i] * c.maxMarks * 10) / 10)]));
        const score = scoreTeam(scheme, marks, 'mean', 3);
        expect(score.total).toBeLessThanOrEqual(100);
        expect(score.complete).toBe(true);
        expect([...score.modules.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(score.total, 6);
      }),
    );
  });
});

const scoreOf = (total: number, m1 = 0, c1 = 0) => ({
  total,
  complete: true,
  modules: new Map([[1, m1]]),
  criteria: [{ criterionId: 7, value: c1, spread: 0, discrepant: false, marks: 1 }],
});
const entry = (teamId: number, total: number, extra: Partial<RankEntry> = {}, m1 = 0, c1 = 0): RankEntry => ({
  teamId,
  absent: false,
  score: scoreOf(total, m1, c1),
  completionSeconds: null,
  ...extra,
});

describe('ranking', () => {
  it('orders by total, gives equal keys an equal rank, and puts absent teams last unranked', () => {
    const ranked = rankTeams([entry(1, 80), entry(2, 90), entry(3, 80), { ...entry(4, 0), absent: true, score: null }], [], false);
    expect(ranked.map((r) => [r.teamId, r.rank])).toEqual([[2, 1], [1, 2], [3, 2], [4, null]]);
  });

  it('breaks ties by the event’s ordered tie-breaks, then by shorter completion time', () => {
    const tieBreaks = [{ kind: 'module' as const, id: 1 }, { kind: 'criterion' as const, id: 7 }];
    const ranked = rankTeams(
      [entry(1, 80, {}, 40, 5), entry(2, 80, {}, 50, 1), entry(3, 80, { completionSeconds: 100 }, 40, 6), entry(4, 80, { completionSeconds: 90 }, 40, 6)],
      tieBreaks,
      true,
    );
    expect(ranked.map((r) => r.teamId)).toEqual([2, 4, 3, 1]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    // Without the completion time, 3 and 4 share a rank.
    expect(rankTeams([entry(3, 80, {}, 40, 6), entry(4, 80, {}, 40, 6)], tieBreaks, false).map((r) => r.rank)).toEqual([1, 1]);
  });

  it('property: ranks do not depend on the order teams come in, and a better key never ranks lower', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }), fc.integer(), (totals, salt) => {
        const entries = totals.map((t, i) => entry(i + 1, t));
        const shuffled = drawOrder(entries.map((e) => e.teamId), String(salt)).map((id) => entries[id - 1]);
        const a = new Map(rankTeams(entries, [], false).map((r) => [r.teamId, r.rank]));
        const b = new Map(rankTeams(shuffled, [], false).map((r) => [r.teamId, r.rank]));
        expect(b).toEqual(a);
        for (const x of entries) for (const y of entries) {
          if (x.score!.total > y.score!.total) expect(a.get(x.teamId)!).toBeLessThan(a.get(y.teamId)!);
          if (x.score!.total === y.score!.total) expect(a.get(x.teamId)).toBe(a.get(y.teamId));
        }
      }),
    );
  });
});

describe('draw and codes', () => {
  it('replays the same draw from the same seed, whatever the input order', () => {
    expect(drawOrder([5, 3, 9, 1], 'seed-1')).toEqual(drawOrder([1, 9, 3, 5], 'seed-1'));
    expect(drawOrder([1, 2, 3, 4, 5, 6, 7, 8], 'a')).not.toEqual(drawOrder([1, 2, 3, 4, 5, 6, 7, 8], 'b'));
  });

  it('makes distinct codes of the asked shape', () => {
    const codes = distinctCodes(200, 'W', 4, seededRandom('x'));
    expect(new Set(codes).size).toBe(200);
    expect(codes.every((c) => /^W\d{4}$/.test(c))).toBe(true);
  });
});
