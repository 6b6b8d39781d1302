/**
 * 组织奖 (#16): schools and prefectures whose entries won most, by a rule the organiser declares —
 * points per prize, and how many schools and prefectures receive the award. A tie at the boundary
 * is kept together (all in). Counted from published results only. Pure: no I/O.
 */
import type { AwardTier } from './awards.ts';

export type OrganisationRule = { points: Record<AwardTier, number>; schools: number; prefectures: number };
export const DEFAULT_ORGANISATION_RULE: OrganisationRule = { points: { first: 5, second: 3, third: 2, merit: 1 }, schools: 10, prefectures: 3 };

export type PrizeRow = { schoolId: number; school: string; prefectureId: number; prefecture: string; tier: AwardTier };
export type OrganisationStanding = { id: number; name: string; points: number; prizes: Record<AwardTier, number>; rank: number; awarded: boolean };

function standings(rows: readonly PrizeRow[], key: (r: PrizeRow) => [number, string], rule: OrganisationRule, places: number): OrganisationStanding[] {
  const by = new Map<number, OrganisationStanding>();
  for (const r of rows) {
    const [id, name] = key(r);
    const s = by.get(id) ?? { id, name, points: 0, prizes: { first: 0, second: 0, third: 0, merit: 0 }, rank: 0, awarded: false };
    s.points += rule.points[r.tier];
    s.prizes[r.tier]++;
    by.set(id, s);
  }
  // More points first; then more first prizes, second, third; then the name, so the order never depends on input order.
  const sorted = [...by.values()]
    .filter((s) => s.points > 0)
    .sort((a, b) => b.points - a.points || b.prizes.first - a.prizes.first || b.prizes.second - a.prizes.second || b.prizes.third - a.prizes.third || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
  const same = (a: OrganisationStanding, b: OrganisationStanding) => a.points === b.points && a.prizes.first === b.prizes.first && a.prizes.second === b.prizes.second && a.prizes.third === b.prizes.third;
  sorted.forEach((s, i) => {
    s.rank = i > 0 && same(sorted[i - 1], s) ? sorted[i - 1].rank : i + 1;
    s.awarded = s.rank <= places;
  });
  return sorted;
}

/** Both lists: schools and prefectures ranked by the rule's points, the award to the first `schools` and `prefectures` places. */
export function organisationAwards(rows: readonly PrizeRow[], rule: OrganisationRule = DEFAULT_ORGANISATION_RULE) {
  return {
    schools: standings(rows, (r) => [r.schoolId, r.school], rule, rule.schools),
    prefectures: standings(rows, (r) => [r.prefectureId, r.prefecture], rule, rule.prefectures),
  };
}

export function organisationRuleProblem(rule: OrganisationRule): string | null {
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (!Object.values(rule.points).every((p) => whole(p, 100))) return 'organisation_rule_points';
  if (!whole(rule.schools, 1000) || !whole(rule.prefectures, 14)) return 'organisation_rule_places';
  return null;
}
