/**
 * Standardised scores across a year's events (#15, optional per competition): each event's first
 * round, once locked, set on the common scale of the domain's `standardise` — so that the year's
 * teams can be compared across events, and nominations ordered by it. The method is given in words
 * per event, with its figures.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { competitions, events, results, schools, teams } from '#db/schema.ts';
import { formatScore, fromHundredths, type Hundredths } from '#app/domain/exact.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { describeStandardisation, standardise } from '#app/domain/standardise.ts';
import { latestRun } from './result.server.ts';
import { findCurrentCompetition } from './competition.server.ts';

export type StandardMethod = { eventId: number; code: string; name: string; teams: number; method: string };
export type StandardRow = { teamId: number; eventId: number; eventCode: string; eventName: string; team: string; school: string; rank: number; total: Hundredths; standard: Hundredths };

/** Every ranked team of the year's locked first rounds with its standard score, best first. */
export function standardScores(db: DbOrTx, competitionId: number) {
  const firstRounds = db
    .select()
    .from(events)
    .where(and(eq(events.competitionId, competitionId), isNull(events.firstRoundId), inArray(events.status, ['locked', 'published', 'final'])))
    .all();
  const methods: StandardMethod[] = [];
  const rows: StandardRow[] = [];
  for (const event of firstRounds) {
    const run = latestRun(db, event.id);
    if (!run) continue;
    const ranked = db
      .select({ teamId: teams.id, team: teams.name, school: schools.name, rank: results.rank, total: results.totalHundredths })
      .from(results)
      .innerJoin(teams, eq(teams.id, results.teamId))
      .innerJoin(schools, eq(schools.id, teams.schoolId))
      .where(and(eq(results.runId, run.id), eq(results.absent, false)))
      .all()
      .filter((r) => r.rank !== null && r.total !== null);
    const s = standardise(new Map(ranked.map((r) => [String(r.teamId), r.total!])));
    if (!s) continue;
    methods.push({ eventId: event.id, code: event.code, name: event.name, teams: ranked.length, method: describeStandardisation(s, (h) => formatScore(fromHundredths(h))) });
    for (const r of ranked) rows.push({ teamId: r.teamId, eventId: event.id, eventCode: event.code, eventName: event.name, team: r.team, school: r.school, rank: r.rank!, total: r.total!, standard: s.scores.get(String(r.teamId))! });
  }
  // Best first; equal standard scores by event code and rank, so that the order never depends on the query's.
  rows.sort((a, b) => b.standard - a.standard || (a.eventCode < b.eventCode ? -1 : a.eventCode > b.eventCode ? 1 : 0) || a.rank - b.rank || a.teamId - b.teamId);
  return { methods: methods.sort((a, b) => (a.code < b.code ? -1 : 1)), rows };
}

/** The organiser's page: the current year's standard scores, whether the year uses them. */
export function standardisedTable(db: Db, actor: Actor, competitionId?: number) {
  requirePermission(actor, 'nomination:review');
  const competition = competitionId
    ? db.select().from(competitions).where(eq(competitions.id, competitionId)).get()
    : findCurrentCompetition(db, actor);
  if (!competition) return { competition: null, enabled: false, methods: [] as StandardMethod[], rows: [] as StandardRow[] };
  return { competition: { id: competition.id, name: competition.name }, enabled: competition.standardisedScores, ...standardScores(db, competition.id) };
}
