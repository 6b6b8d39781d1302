/** 组织奖: schools and prefectures by points from their prizes; ties decided by prizes, then kept together at the boundary; order-free. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, type AwardTier } from '#app/domain/awards.ts';
import { DEFAULT_ORGANISATION_RULE, organisationAwards, organisationRuleProblem, type PrizeRow } from '#app/domain/organisation-awards.ts';

const row = (schoolId: number, prefectureId: number, tier: AwardTier): PrizeRow => ({ schoolId, school: `学校${schoolId}`, prefectureId, prefecture: `市州${prefectureId}`, tier });

describe('organisation awards', () => {
  it('ranks by points (5/3/2/1), then by first, second and third prizes, and awards the first places', () => {
    const rows = [row(1, 1, 'first'), row(1, 1, 'merit'), row(2, 1, 'second'), row(2, 1, 'second'), row(3, 2, 'third'), row(3, 2, 'third'), row(3, 2, 'merit'), row(3, 2, 'merit'), row(4, 3, 'merit')];
    const { schools, prefectures } = organisationAwards(rows, { ...DEFAULT_ORGANISATION_RULE, schools: 2, prefectures: 1 });
    // 学校1: 5+1 = 6; 学校2: 3+3 = 6 (fewer first prizes); 学校3: 2+2+1+1 = 6 (no first or second); 学校4: 1.
    expect(schools.map((s) => [s.name, s.points, s.rank, s.awarded])).toEqual([
      ['学校1', 6, 1, true],
      ['学校2', 6, 2, true],
      ['学校3', 6, 3, false],
      ['学校4', 1, 4, false],
    ]);
    expect(prefectures.map((p) => [p.name, p.points, p.awarded])).toEqual([['市州1', 12, true], ['市州2', 6, false], ['市州3', 1, false]]);
  });

  it('keeps a tie at the boundary together, and gives nothing to those without points', () => {
    const rows = [row(1, 1, 'first'), row(2, 1, 'first'), row(3, 1, 'first'), row(4, 2, 'second')];
    const { schools } = organisationAwards(rows, { ...DEFAULT_ORGANISATION_RULE, schools: 2, points: { first: 5, second: 0, third: 0, merit: 0 } });
    expect(schools.filter((s) => s.awarded).map((s) => s.name)).toEqual(['学校1', '学校2', '学校3']);
    expect(schools.some((s) => s.name === '学校4')).toBe(false);
  });

  it('gives the same standings whatever the order of the prizes', () => {
    const prize = fc.record({ schoolId: fc.integer({ min: 1, max: 8 }), prefectureId: fc.integer({ min: 1, max: 3 }), tier: fc.constantFrom(...TIERS) }).map((r) => row(r.schoolId, r.prefectureId, r.tier));
    fc.assert(
      fc.property(fc.array(prize, { maxLength: 40 }), fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort((a, b) => ((a.schoolId * 31 + seed) % 7) - ((b.schoolId * 31 + seed) % 7));
        expect(organisationAwards(shuffled)).toEqual(organisationAwards(rows));
      }),
    );
  });

  it('holds the rule to whole points and places', () => {
    expect(organisationRuleProblem(DEFAULT_ORGANISATION_RULE)).toBeNull();
    expect(organisationRuleProblem({ ...DEFAULT_ORGANISATION_RULE, points: { ...DEFAULT_ORGANISATION_RULE.points, first: 2.5 } })).toBe('organisation_rule_points');
    expect(organisationRuleProblem({ ...DEFAULT_ORGANISATION_RULE, prefectures: 15 })).toBe('organisation_rule_places');
  });
});
