/**
 * 组织奖 (#16): a works-based year's schools and prefectures ranked by the prizes their entries won
 * in the categories already published, by the year's declared rule (the domain's organisationAwards).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { awards, competitions, events, prefectures, schools, teams } from '#db/schema.ts';
import { TIERS, type AwardTier } from '#app/domain/awards.ts';
import { PUBLISHED_STATUSES } from '#app/domain/event-lifecycle.ts';
import { DEFAULT_ORGANISATION_RULE, organisationAwards, organisationRuleProblem, type OrganisationRule } from '#app/domain/organisation-awards.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { invalid, notFound } from './errors.ts';
import { latestRun } from './result.server.ts';

/** The year's standings for 组织奖, public: only published categories count. Not found for a skills year or a draft. */
export function organisationStandings(db: Db, competitionId: number) {
  const competition = db.select().from(competitions).where(eq(competitions.id, competitionId)).get();
  if (!competition || competition.kind === 'skills' || competition.phase === 'draft') throw notFound();
  const rule = competition.organisationRule ?? DEFAULT_ORGANISATION_RULE;
  const published = db.select({ id: events.id }).from(events).where(and(eq(events.competitionId, competitionId), inArray(events.status, [...PUBLISHED_STATUSES]))).all();
  const rows = published.flatMap(({ id }) => {
    const run = latestRun(db, id);
    if (!run) return [];
    return db
      .select({ schoolId: schools.id, school: schools.name, prefectureId: prefectures.id, prefecture: prefectures.name, tier: awards.kind })
      .from(awards)
      .innerJoin(teams, eq(teams.id, awards.teamId))
      .innerJoin(schools, eq(schools.id, teams.schoolId))
      .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
      .where(and(eq(awards.runId, run.id), inArray(awards.kind, [...TIERS])))
      .all()
      .map((r) => ({ ...r, tier: r.tier as AwardTier }));
  });
  return { competition: { id: competition.id, name: competition.name, kind: competition.kind }, rule, categories: published.length, ...organisationAwards(rows, rule) };
}

/** The organiser declares the rule: points per prize, places for schools and for prefectures. */
export function setOrganisationRule(db: Db, actor: Actor, competitionId: number, rule: OrganisationRule) {
  requirePermission(actor, 'competition:manage');
  const problem = organisationRuleProblem(rule);
  if (problem) throw invalid(problem);
  atomically(db, (tx) => {
    const competition = tx.select().from(competitions).where(eq(competitions.id, competitionId)).get();
    if (!competition || competition.kind === 'skills') throw notFound();
    tx.update(competitions).set({ organisationRule: rule }).where(eq(competitions.id, competitionId)).run();
    recordAudit(tx, actor, { action: 'competition.organisation_rule', entity: 'competition', entityId: competitionId, before: competition.organisationRule ?? DEFAULT_ORGANISATION_RULE, after: rule });
  });
}
