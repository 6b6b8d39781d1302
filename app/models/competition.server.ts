/** The competition (届), its divisions and events as the public and the organisers see them. */
import { asc, count, desc, eq, isNull, and, ne } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { competitions, contestants, divisions, events, schools, teams, venues } from '#db/schema.ts';
import { canMovePhase, type Phase } from '#app/domain/phases.ts';
import { type Actor } from '#app/domain/roles.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { ModelError, notFound } from './errors.ts';

/** An event's row, or 404. */
export function eventOrThrow(db: DbOrTx, eventId: number) {
  const event = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw notFound('event_not_found');
  return event;
}

/** The newest competition that has left `draft` (admins also see a draft one). */
export function findCurrentCompetition(db: Db, actor: Actor | null = null) {
  return db
    .select()
    .from(competitions)
    // The skills competition (楚怡杯) is what “current” means to its pages; the works-based
    // platforms run their own years beside it.
    .where(and(eq(competitions.kind, 'skills'), can(actor, 'competition:read-draft') ? undefined : ne(competitions.phase, 'draft')))
    .orderBy(desc(competitions.year), desc(competitions.id))
    .limit(1)
    .get();
}

/** What the landing page and GET /api/v1/competitions/current show: public facts only. */
export function getCompetitionSummary(db: Db, actor: Actor | null = null) {
  const competition = findCurrentCompetition(db, actor);
  if (!competition) return null;
  const divisionRows = db
    .select({ id: divisions.id, code: divisions.code, name: divisions.name, maxAge: divisions.maxAge, allowedSchoolTypes: divisions.allowedSchoolTypes })
    .from(divisions)
    .where(eq(divisions.competitionId, competition.id))
    .orderBy(asc(divisions.sortOrder))
    .all();
  const eventRows = db
    .select({
      id: events.id,
      code: events.code,
      name: events.name,
      divisionId: events.divisionId,
      minTeamSize: events.minTeamSize,
      maxTeamSize: events.maxTeamSize,
      status: events.status,
      scheduledOn: events.scheduledOn,
      venue: venues.name,
    })
    .from(events)
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.competitionId, competition.id))
    .orderBy(asc(events.code))
    .all();
  const teamCount = db
    .select({ schools: count(teams.schoolId) })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(and(eq(events.competitionId, competition.id), isNull(teams.withdrawnAt)))
    .get();
  const schoolCount = db
    .selectDistinct({ schoolId: teams.schoolId })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(and(eq(events.competitionId, competition.id), isNull(teams.withdrawnAt)))
    .all().length;
  const contestantCount = db.select({ n: count() }).from(contestants).where(eq(contestants.competitionId, competition.id)).get();
  return {
    id: competition.id,
    name: competition.name,
    year: competition.year,
    stage: competition.stage,
    phase: competition.phase,
    registrationDeadline: competition.registrationDeadline?.toISOString() ?? null,
    startsOn: competition.startsOn,
    endsOn: competition.endsOn,
    announcementDays: competition.announcementDays,
    divisions: divisionRows.map((d) => ({ ...d, events: eventRows.filter((e) => e.divisionId === d.id) })),
    counts: { events: eventRows.length, teams: teamCount?.schools ?? 0, schools: schoolCount, contestants: contestantCount?.n ?? 0 },
  };
}
export type CompetitionSummary = NonNullable<ReturnType<typeof getCompetitionSummary>>;

/** Admin moves the competition one phase forward or back; the move and its reason are audited. */
export function changePhase(db: Db, actor: Actor, competitionId: number, to: Phase, reason?: string): void {
  requirePermission(actor, 'competition:manage');
  const competition = db.select().from(competitions).where(eq(competitions.id, competitionId)).get();
  if (!competition) throw notFound('competition_not_found');
  if (competition.phase === to) return;
  if (!canMovePhase(competition.phase, to)) {
    throw new ModelError(409, 'phase_move_not_allowed', { from: competition.phase, to });
  }
  atomically(db, (tx) => {
    tx.update(competitions).set({ phase: to }).where(eq(competitions.id, competitionId)).run();
    recordAudit(tx, actor, {
      action: 'competition.change_phase',
      entity: 'competition',
      entityId: competitionId,
      before: { phase: competition.phase },
      after: { phase: to },
      reason,
    });
  });
}

/** Counts for the organiser's dashboard. */
export function getAdminOverview(db: Db, actor: Actor, competitionId: number) {
  requirePermission(actor, 'competition:manage');
  const byStatus = db
    .select({ status: teams.status, n: count() })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(and(eq(events.competitionId, competitionId), isNull(teams.withdrawnAt)))
    .groupBy(teams.status)
    .all();
  const schoolTotal = db.select({ n: count() }).from(schools).get()?.n ?? 0;
  return { teamsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>, schools: schoolTotal };
}
