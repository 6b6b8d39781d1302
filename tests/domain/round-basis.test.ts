/** Weighted combinations of rounds and standardised scores (#15): exact, explained, order-free. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore } from '#app/domain/exact.ts';
import { combineTotals, describeWeights, rankTotals, weightsProblem } from '#app/domain/round-basis.ts';
import { describeStandardisation, standardise } from '#app/domain/standardise.ts';

const totals = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('a weighted combination of rounds', () => {
  it('is 30 % of one plus 70 % of the other, rounded once to hundredths', () => {
    const provincial = totals({ a: 9_001, b: 8_000, c: 7_777 });
    const selection = totals({ a: 8_000, b: 9_000, c: 9_999 });
    const combined = combineTotals([{ weightBp: 3000, totals: provincial }, { weightBp: 7000, totals: selection }]);
    // a: 0.3 × 90.01 + 0.7 × 80.00 = 27.003 + 56 = 83.003 → 83.00
    expect(combined.get('a')).toBe(8_300);
    // b: 24 + 63 = 87.00; c: 23.331 + 69.993 = 93.324 → 93.32
    expect(combined.get('b')).toBe(8_700);
    expect(combined.get('c')).toBe(9_332);
    expect([...rankTotals(combined)]).toEqual([['c', 1], ['b', 2], ['a', 3]]);
  });

  it('leaves out whoever has no total in one of the rounds counted', () => {
    const combined = combineTotals([{ weightBp: 5000, totals: totals({ a: 100, b: 200 }) }, { weightBp: 5000, totals: totals({ a: 300 }) }]);
    expect([...combined.keys()]).toEqual(['a']);
  });

  it('shares a rank between equal totals and skips the places they take', () => {
    expect([...rankTotals(totals({ a: 5, b: 9, c: 9, d: 1 }))]).toEqual([['b', 1], ['c', 1], ['a', 3], ['d', 4]]);
  });

  it('must come to exactly 100 %, each round once and above 0', () => {
    expect(weightsProblem([{ roundId: 1, weightBp: 3000 }, { roundId: 2, weightBp: 7000 }])).toBeNull();
    expect(weightsProblem([{ roundId: 1, weightBp: 3000 }, { roundId: 2, weightBp: 6999 }])).toBe('round_weights_sum');
    expect(weightsProblem([{ roundId: 1, weightBp: 5000 }, { roundId: 1, weightBp: 5000 }])).toBe('round_weights_invalid');
    expect(weightsProblem([{ roundId: 1, weightBp: 0 }, { roundId: 2, weightBp: 10_000 }])).toBe('round_weights_invalid');
    expect(weightsProblem([])).toBe('round_weights_empty');
    expect(describeWeights([{ roundId: 1, weightBp: 3000 }, { roundId: 2, weightBp: 7000 }], (id) => (id === 1 ? '省赛' : '选拔赛'))).toBe('省赛 30% + 选拔赛 70%');
  });

  it('gives the same combined ranks whatever order the entrants come in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })), { maxLength: 25 }), fc.integer({ min: 1, max: 9_999 }), (rows, w) => {
        const a = rows.map(([x], i) => [`k${i}`, x] as const);
        const b = rows.map(([, y], i) => [`k${i}`, y] as const);
        const forward = rankTotals(combineTotals([{ weightBp: w, totals: new Map(a) }, { weightBp: 10_000 - w, totals: new Map(b) }]));
        const backward = rankTotals(combineTotals([{ weightBp: w, totals: new Map([...a].reverse()) }, { weightBp: 10_000 - w, totals: new Map([...b].reverse()) }]));
        expect(new Map([...backward].sort())).toEqual(new Map([...forward].sort()));
        for (const v of combineTotals([{ weightBp: w, totals: new Map(a) }, { weightBp: 10_000 - w, totals: new Map(b) }]).values()) expect(Number.isInteger(v)).toBe(true);
      }),
    );
  });
});

describe('standardised scores', () => {
  it('puts the median at 700 and the interquartile range at 100 points', () => {
    // Eight totals: nearest-rank Q1 = 2nd (70.00), median = 4th (80.00), Q3 = 6th (90.00).
    const s = standardise(totals({ a: 6_000, b: 7_000, c: 7_500, d: 8_000, e: 8_500, f: 9_000, g: 9_500, h: 10_000 }))!;
    expect([s.q1, s.median, s.q3]).toEqual([7_000, 8_000, 9_000]);
    expect(s.scores.get('d')).toBe(70_000);
    expect(s.scores.get('f')).toBe(75_000); // 700 + 100 × 10 / 20
    expect(s.scores.get('a')).toBe(60_000);
    expect(s.scores.get('e')).toBe(72_500);
    expect(describeStandardisation(s, (h) => formatScore(h / 100))).toBe('标准分 = 700 + 100 ×（总分 − 中位数 80.00）÷ 四分位距 20.00（Q3 90.00 − Q1 70.00），四舍五入至两位小数。');
  });

  it('rounds half away from zero, the same above and below the median', () => {
    const s = standardise(totals({ a: 0, b: 3, c: 3, d: 6, e: 7 }))!;
    // Q1 = 3, median = 3, Q3 = 6: iqr 3. a: 700 + 100 × (−3)/3 = 600; e: 700 + 400/3 = 833.33…
    expect(s.scores.get('a')).toBe(60_000);
    expect(s.scores.get('e')).toBe(83_333);
    const halves = standardise(totals({ a: 1, b: 8, c: 9, d: 9, e: 17 }))!; // q1 8, median 9, q3 9: iqr 1
    expect(halves.scores.get('a')).toBe(-10_000 * 8 + 70_000);
  });

  it('gives everyone 700 when the middle half scored the same', () => {
    const s = standardise(totals({ a: 5_000, b: 5_000, c: 5_000, d: 9_000 }))!;
    expect([...s.scores.values()]).toEqual([70_000, 70_000, 70_000, 70_000]);
    expect(describeStandardisation(s, (h) => formatScore(h / 100))).toContain('标准分均记 700');
    expect(standardise(new Map())).toBeNull();
  });

  it('keeps each event’s order: a higher total never gets a lower standard score', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const s = standardise(new Map(values.map((v, i) => [`k${i}`, v])))!;
        for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (values[i] > values[j]) expect(s.scores.get(`k${i}`)!).toBeGreaterThanOrEqual(s.scores.get(`k${j}`)!);
      }),
    );
  });
});
