/**
 * The award list (获奖名单) of an event, read from its latest result run: public once published,
 * visible before that only to the organiser and the event's chief judge. Names only: no 身份证号,
 * no phone ever leaves this module.
 */
import { fromOrNull } from '#app/domain/exact.ts';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '#db/client.ts';
import { awards, competitions, divisions, events, prefectures, results, schools, teams } from '#db/schema.ts';
import type { AwardTier } from '#app/domain/awards.ts';
import { isPublished, PUBLISHED_STATUSES, type EventStatus } from '#app/domain/event-lifecycle.ts';
import { can } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { notFound } from './errors.ts';
import { announcementEndOf } from './publication.server.ts';
import { namesOfTeams } from './roster.server.ts';
import { latestRun } from './result.server.ts';

/** Who may read an event's awards now: everyone once published; before, the organiser and the chief judge. */
export function canReadAwards(actor: Actor | null, event: { id: number; status: EventStatus }): boolean {
  if (isPublished(event.status)) return true;
  return event.status === 'locked' && can(actor, 'awards:read-unpublished', { eventId: event.id });
}

export type AwardRow = {
  teamId: number;
  rank: number | null;
  total: number | null;
  award: AwardTier | null;
  team: string;
  schoolId: number;
  school: string;
  prefecture: string;
  contestants: string[];
  advisors: string[];
};

/** The event's ranked results and awards from its latest run, with the explanation of the boundaries. */
export function eventAwards(db: DbOrTx, actor: Actor | null, eventId: number) {
  const event = db
    .select({ id: events.id, code: events.code, name: events.name, status: events.status, division: divisions.name, competition: competitions.name, year: competitions.year })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(competitions, eq(competitions.id, events.competitionId))
    .where(eq(events.id, eventId))
    .get();
  if (!event) throw notFound('event_not_found');
  const run = latestRun(db, eventId);
  if (!run || !canReadAwards(actor, event)) throw notFound('not_published');
  const rows = db
    .select({ teamId: results.teamId, rank: results.rank, totalHundredths: results.totalHundredths, absent: results.absent, team: teams.name, schoolId: schools.id, school: schools.name, prefecture: prefectures.name })
    .from(results)
    .innerJoin(teams, eq(teams.id, results.teamId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(and(eq(results.runId, run.id), eq(results.absent, false)))
    .all();
  const awardRows = db.select({ teamId: awards.teamId, kind: awards.kind, advisorId: awards.advisorId }).from(awards).where(eq(awards.runId, run.id)).all();
  const tier = new Map(awardRows.filter((a) => a.kind !== 'outstanding_advisor').map((a) => [a.teamId, a.kind as AwardTier]));
  const { members, coaches } = namesOfTeams(db, rows.map((r) => r.teamId));
  const list: AwardRow[] = rows
    .map((r) => ({
      teamId: r.teamId,
      rank: r.rank,
      total: fromOrNull(r.totalHundredths),
      award: tier.get(r.teamId) ?? null,
      team: r.team,
      schoolId: r.schoolId,
      school: r.school,
      prefecture: r.prefecture,
      contestants: members.filter((m) => m.teamId === r.teamId).map((m) => m.name),
      advisors: coaches.filter((c) => c.teamId === r.teamId).map((c) => c.name),
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.teamId - b.teamId);
  const outstanding = awardRows
    .filter((a) => a.kind === 'outstanding_advisor')
    .map((a) => {
      const coach = coaches.find((c) => c.advisorId === a.advisorId && c.teamId === a.teamId);
      const team = list.find((r) => r.teamId === a.teamId)!;
      return { advisorId: a.advisorId!, name: coach?.name ?? '', teamId: a.teamId, team: team.team, school: team.school };
    });
  return {
    event,
    runId: run.id,
    computedAt: run.createdAt,
    explanation: run.awardExplanation,
    announcementEndsAt: announcementEndOf(db, eventId),
    rows: list,
    outstandingAdvisors: outstanding,
  };
}

export type EventAwards = ReturnType<typeof eventAwards>;

/** Published events of a competition, for the public results index. */
/** Every year with published results, newest first, each with its published events. */
/** Years with published results, newest first; the current 楚怡杯 year always, even before anything is published. */
export function publishedYears(db: DbOrTx, currentId?: number) {
  const years = db.select({ id: competitions.id, name: competitions.name, year: competitions.year, kind: competitions.kind }).from(competitions).where(ne(competitions.phase, 'draft')).orderBy(desc(competitions.year), desc(competitions.id)).all();
  const withEvents = years.map((y) => ({ ...y, events: publishedEvents(db, y.id) }));
  const current = withEvents.find((y) => y.id === currentId);
  return [...(current ? [current] : []), ...withEvents.filter((y) => y.id !== currentId && y.events.length > 0)];
}

export function publishedEvents(db: DbOrTx, competitionId: number) {
  return db
    .select({ id: events.id, code: events.code, name: events.name, status: events.status, division: divisions.name })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .where(and(eq(events.competitionId, competitionId), inArray(events.status, [...PUBLISHED_STATUSES])))
    .orderBy(asc(divisions.sortOrder), asc(events.code))
    .all();
}
