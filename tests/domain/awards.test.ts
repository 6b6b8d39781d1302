import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAwards, TIERS, type AwardRules, type AwardTier, type RankedTeam } from '#app/domain/awards.ts';

const DEFAULT: AwardRules = { ratios: { first: 0.1, second: 0.2, third: 0.3 }, tieAtBoundary: 'down', minTotal: null };

/** Teams ranked from totals (in marks; held as hundredths): equal totals share a rank. */
function ranked(totals: number[], absent: number[] = []): RankedTeam[] {
  const sorted = [...totals].sort((a, b) => b - a);
  return totals.map((total, i) => ({ teamId: i + 1, total: total * 100, rank: absent.includes(i + 1) ? null : sorted.indexOf(total) + 1, absent: absent.includes(i + 1) }));
}
/** Prizes per tier, first to third (a skills event gives no 优秀奖: its tests below). */
const tierCounts = (awards: Map<number, AwardTier>) => TIERS.filter((t) => t !== 'merit').map((t) => [...awards.values()].filter((a) => a === t).length);

describe('drawing the award tiers', () => {
  it('gives 10 %, 20 % and 30 % of 20 distinct teams', () => {
    const { awards, explanation } = drawAwards(ranked(Array.from({ length: 20 }, (_, i) => 100 - i)), DEFAULT);
    expect(tierCounts(awards)).toEqual([2, 4, 6]);
    expect(awards.get(1)).toBe('first');
    expect(awards.get(3)).toBe('second');
    expect(awards.get(13)).toBeUndefined();
    expect(explanation[0]).toBe('参赛队 20 支（缺赛不计）。');
  });

  it('sends a tie at a boundary down by default, and up when the rules say so', () => {
    // 10 teams: first prize is one place, but two teams share first.
    const totals = [95, 95, 90, 85, 80, 75, 70, 65, 60, 55];
    const down = drawAwards(ranked(totals), DEFAULT);
    expect(down.awards.get(1)).toBe('second');
    expect(down.awards.get(2)).toBe('second');
    expect(tierCounts(down.awards)).toEqual([0, 3, 3]);
    expect(down.explanation.join('')).toContain('整体下靠');
    const up = drawAwards(ranked(totals), { ...DEFAULT, tieAtBoundary: 'up' });
    expect(up.awards.get(1)).toBe('first');
    expect(up.awards.get(2)).toBe('first');
    expect(tierCounts(up.awards)).toEqual([2, 1, 3]);
    expect(up.explanation.join('')).toContain('整体上靠');
  });

  it('leaves absent teams out of the count and the awards', () => {
    const { awards, explanation } = drawAwards(ranked([90, 80, 70, 60, 50, 40, 30, 20, 10, 0, 99], [11]), DEFAULT);
    expect(explanation[0]).toBe('参赛队 10 支（缺赛不计）。');
    expect(awards.has(11)).toBe(false);
    expect(tierCounts(awards)).toEqual([1, 2, 3]);
  });

  it('keeps teams below the minimum total from any award', () => {
    const { awards, explanation } = drawAwards(ranked([90, 80, 70, 60, 50, 40, 30, 20, 10, 5]), { ...DEFAULT, minTotal: 5500 });
    expect([...awards.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(explanation.join('')).toContain('低于最低获奖分 55');
  });

  it.each([
    [1, [0, 0, 1]],
    [2, [0, 1, 0]],
    [3, [0, 1, 1]],
    [5, [1, 1, 1]],
    [9, [1, 2, 2]],
  ])('draws a small event of %i teams', (n, counts) => {
    const { awards } = drawAwards(ranked(Array.from({ length: n }, (_, i) => 100 - i)), DEFAULT);
    expect(tierCounts(awards)).toEqual(counts);
  });
});

describe('award properties', () => {
  const teams = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }).map((totals) => ranked(totals));
  const order = (t: AwardTier | undefined) => (t ? TIERS.indexOf(t) : TIERS.length);

  it('never gives a tier more than its cumulative share when ties go down', () => {
    fc.assert(
      fc.property(teams, (ts) => {
        const { awards } = drawAwards(ts, DEFAULT);
        let share = 0;
        let cumulative = 0;
        TIERS.filter((t) => t !== 'merit').forEach((tier, i) => {
          share += DEFAULT.ratios[tier] ?? 0;
          cumulative += tierCounts(awards)[i];
          expect(cumulative).toBeLessThanOrEqual(Math.round(ts.length * share + 1e-9));
        });
      }),
    );
  });

  it('follows the order of ranks, and gives equal totals equal awards', () => {
    fc.assert(
      fc.property(teams, fc.constantFrom<'down' | 'up'>('down', 'up'), (ts, tieAtBoundary) => {
        const { awards } = drawAwards(ts, { ...DEFAULT, tieAtBoundary });
        for (const a of ts) {
          for (const b of ts) {
            if (a.rank! < b.rank!) expect(order(awards.get(a.teamId))).toBeLessThanOrEqual(order(awards.get(b.teamId)));
            if (a.total === b.total) expect(awards.get(a.teamId)).toBe(awards.get(b.teamId));
          }
        }
      }),
    );
  });

  it('gives 优秀奖 after the third prize where the rules give it a share, and none where they do not', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ teamId: i + 1, rank: i + 1, total: 10_000 - i * 100, absent: false }));
    const works = drawAwards(twenty, { ratios: { first: 0.05, second: 0.15, third: 0.2, merit: 0.2 }, tieAtBoundary: 'down', minTotal: null });
    const count = (tier: AwardTier) => [...works.awards.values()].filter((a) => a === tier).length;
    expect([count('first'), count('second'), count('third'), count('merit')]).toEqual([1, 3, 4, 4]);
    // The merit awards are the four after the third prizes: ranks 9 to 12.
    expect([...works.awards].filter(([, a]) => a === 'merit').map(([id]) => id)).toEqual([9, 10, 11, 12]);
    expect(works.explanation.some((line) => line.startsWith('优秀奖'))).toBe(true);
    const skills = drawAwards(twenty, { ratios: { first: 0.1, second: 0.2, third: 0.3 }, tieAtBoundary: 'down', minTotal: null });
    expect([...skills.awards.values()].includes('merit')).toBe(false);
  });

  it('draws by fixed count (名额) where the rules give counts, whatever the field’s size, a tie kept down', () => {
    const teams = Array.from({ length: 12 }, (_, i) => ({ teamId: i + 1, rank: i === 3 ? 3 : i + 1, total: 10_000 - i * 100, absent: false }));
    const outcome = drawAwards(teams, { ratios: { first: 0.1, second: 0.2, third: 0.3 }, counts: { first: 1, second: 2, third: 3, merit: 2 }, tieAtBoundary: 'down', minTotal: null });
    const of = (tier: AwardTier) => [...outcome.awards].filter(([, a]) => a === tier).map(([id]) => id);
    // Ranks 3 and 3 (teams 3 and 4) straddle the second prize's boundary (3 places): both go down to third.
    expect([of('first'), of('second'), of('third'), of('merit')]).toEqual([[1], [2], [3, 4, 5, 6], [7, 8]]);
    expect(outcome.explanation.some((line) => line.includes('固定名额'))).toBe(true);
    // More places than teams: everyone placed, no more.
    const few = drawAwards(teams.slice(0, 2), { ratios: { first: 0, second: 0, third: 0 }, counts: { first: 5, second: 5, third: 5 }, tieAtBoundary: 'down', minTotal: null });
    expect([...few.awards.values()]).toEqual(['first', 'first']);
  });
});
