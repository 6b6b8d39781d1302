import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, aggregationProblem, isDiscrepant, markProblem, scoreTeam, sheetProgress, spread, type SchemeCriterion } from '#app/domain/aggregation.ts';
import { divideHalfUp, formatScore, hundredthsOf, sum, toHundredths } from '#app/domain/exact.ts';
import { rankTeams, type RankEntry } from '#app/domain/ranking.ts';
import { distinctCodes, drawOrder, seededRandom } from '#app/domain/draw.ts';

// Marks in hundredths of a mark (0.0–20.0 in tenths here), as the domain holds them.
const mark = fc.integer({ min: 0, max: 200 }).map((n) => n * 10);
const h = (x: number) => hundredthsOf(x);

describe('exact scores', () => {
  it('reads decimals as whole hundredths and refuses a third decimal', () => {
    expect(toHundredths(6.1)).toBe(610);
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(80.15)).toBe(8015);
    expect(toHundredths(6.105)).toBeNull();
    expect(toHundredths(1e400)).toBeNull();
    expect(divideHalfUp(26300, 4)).toBe(6575);
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 3)).toBe(1);
    expect(formatScore(89)).toBe('89.00');
    expect(formatScore(80.1)).toBe('80.10');
  });

  it('regression: two panels whose means are both exactly 6.575 get the same aggregate (float noise gave 6.57 and 6.58)', () => {
    const p = aggregate([6.1, 6.6, 6.7, 6.9].map(h), 'mean');
    const q = aggregate([6.0, 6.3, 7.0, 7.0].map(h), 'mean');
    expect(p).toBe(658); // 6.575 rounded half up
    expect(q).toBe(p);
    const scheme: SchemeCriterion[] = [{ id: 1, moduleId: 1, maxMarks: h(7), kind: 'judgement' }];
    const P = scoreTeam(scheme, new Map([[1, [6.1, 6.6, 6.7, 6.9].map(h)]]), 'mean', h(3));
    const Q = scoreTeam(scheme, new Map([[1, [6.0, 6.3, 7.0, 7.0].map(h)]]), 'mean', h(3));
    expect(P.total).toBe(Q.total);
    const ranked = rankTeams([{ teamId: 1, absent: false, score: P, completionSeconds: null }, { teamId: 2, absent: false, score: Q, completionSeconds: null }], [], false);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('property: equal exact means give equal aggregates, whatever the marks', () => {
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 9 }), fc.array(mark, { minLength: 1, maxLength: 9 }), (xs, ys) => {
        // Compare the means as fractions: sum(xs)/|xs| = sum(ys)/|ys|.
        const same = sum(xs) * ys.length === sum(ys) * xs.length;
        if (same) expect(aggregate(xs, 'mean')).toBe(aggregate(ys, 'mean'));
      }),
    );
    // The generator seldom hits equal means by chance, so also build them: the same multiset scaled in count.
    fc.assert(
      fc.property(fc.array(mark, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 4 }), (xs, k) => {
        expect(aggregate(xs.flatMap((x) => Array(k).fill(x)), 'mean')).toBe(aggregate(xs, 'mean'));
      }),
    );
  });

  it('property: a total never depends on the order of the judges or of the criteria', () => {
    const scheme: SchemeCriterion[] = [1, 2, 3, 4].map((id) => ({ id, moduleId: id % 2, maxMarks: h(20), kind: 'judgement' as const }));
    fc.assert(
      fc.property(fc.array(fc.array(mark, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 7 }), fc.constantFrom('mean', 'trimmed_mean', 'median' as const), (judges, method) => {
        const byCriterion = (js: number[][]) => new Map(scheme.map((c, i) => [c.id, js.map((j) => j[i])]));
        const a = scoreTeam(scheme, byCriterion(judges), method, h(3));
        const b = scoreTeam([...scheme].reverse(), byCriterion([...judges].reverse()), method, h(3));
        expect(b.total).toBe(a.total);
        expect(a.total).toBe(sum(a.criteria.map((c) => c.value ?? 0)));
      }),
    );
  });
});

describe('aggregation', () => {
  it('takes the mean, the trimmed mean and the median', () => {
    expect(aggregate([7, 8, 9].map(h), 'mean')).toBe(h(8));
    expect(aggregate([1, 7, 8, 9, 20].map(h), 'trimmed_mean')).toBe(h(8));
    expect(aggregate([9, 1, 8].map(h), 'median')).toBe(h(8));
    expect(aggregate([1, 2, 3, 10].map(h), 'median')).toBe(h(2.5));
    expect(aggregate([], 'mean')).toBeNull();
    expect(aggregate([0.1, 0.2].map(h), 'mean')).toBe(h(0.15));
  });

  it('refuses a trimmed mean for a panel under five where the panel is settled', () => {
    expect(aggregationProblem('trimmed_mean', 4)).toBe('trimmed_mean_needs_five');
    expect(aggregationProblem('trimmed_mean', 5)).toBeNull();
    expect(aggregationProblem('mean', 1)).toBeNull();
  });

  it('flags only judgement criteria whose spread exceeds the threshold', () => {
    expect(isDiscrepant('judgement', [5, 8.5].map(h), h(3))).toBe(true);
    expect(isDiscrepant('judgement', [5, 8].map(h), h(3))).toBe(false);
    expect(isDiscrepant('measurement', [0, 10].map(h), h(3))).toBe(false);
    expect(isDiscrepant('judgement', [1].map(h), 0)).toBe(false);
    expect(spread([4, 9, 6].map(h))).toBe(h(5));
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
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(v).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  it('property: a total never exceeds the scheme’s total, and is the sum of its modules', () => {
    const scheme: SchemeCriterion[] = [
      { id: 1, moduleId: 1, maxMarks: h(10), kind: 'measurement' },
      { id: 2, moduleId: 1, maxMarks: h(20), kind: 'judgement' },
      { id: 3, moduleId: 2, maxMarks: h(70), kind: 'judgement' },
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 7 }), (judges) => {
        const marks = new Map(scheme.map((c, i) => [c.id, judges.map((j) => Math.round(j[i] * c.maxMarks / 10) * 10)]));
        const score = scoreTeam(scheme, marks, 'mean', h(3));
        expect(score.total).toBeLessThanOrEqual(h(100));
        expect(score.complete).toBe(true);
        expect(sum([...score.modules.values()])).toBe(score.total);
      }),
    );
  });
});

const scoreOf = (total: number, m1 = 0, c1 = 0) => ({
  total,
  complete: true,
  scored: true,
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

  it('regression: a present team with no mark yet is unranked (未评分) below the ranked ones, never tied on 0', () => {
    const unscored: RankEntry = { ...entry(5, 0), score: { ...scoreOf(0), complete: false, scored: false } };
    const partial: RankEntry = { ...entry(6, 30), score: { ...scoreOf(30), complete: false } };
    const ranked = rankTeams([entry(1, 80), unscored, partial, { ...entry(4, 0), absent: true, score: null }, entry(2, 0)], [], false);
    expect(ranked.map((r) => [r.teamId, r.rank, r.unscored, r.partial])).toEqual([
      [1, 1, false, false],
      [6, 2, false, true],
      [2, 3, false, false],
      [5, null, true, false],
      [4, null, false, false],
    ]);
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

describe('a judge’s sheet as it is filled in', () => {
  const criteria = [{ id: 1, maxMarks: 10 }, { id: 2, maxMarks: 15.5 }, { id: 3, maxMarks: 4.25 }];
  it('counts the valid marks and adds them exactly', () => {
    expect(sheetProgress(criteria, {})).toEqual({ marked: 0, of: 3, total: 0, max: 29.75 });
    // 0.1 + 0.2 is not 0.30000000000000004 on a judge's sheet.
    expect(sheetProgress(criteria, { 1: '0.1', 2: '0.2' })).toEqual({ marked: 2, of: 3, total: 0.3, max: 29.75 });
    expect(sheetProgress(criteria, { 1: 10, 2: '15.5', 3: '4.25' })).toMatchObject({ marked: 3, total: 29.75 });
  });
  it('leaves out what is not a valid mark: blank, text, too many decimals, over the maximum', () => {
    expect(sheetProgress(criteria, { 1: '', 2: 'abc', 3: '1.234' })).toMatchObject({ marked: 0, total: 0 });
    expect(sheetProgress(criteria, { 1: '11', 2: '-1' })).toMatchObject({ marked: 0, total: 0 });
  });
});
