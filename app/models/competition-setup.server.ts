/**
 * The organiser's setup of a year: the competition, its divisions, venues and events, with every
 * setting DOMAIN.md names. Checked by app/domain/competition-setup.ts, written in one transaction
 * with its audit entry; an event's settings freeze at its draw, like its scheme.
 */
import { and, asc, count, desc, eq, isNull, ne } from 'drizzle-orm';
import { insertDefaultCategories } from './entry.server.ts';
import type { CompetitionKind } from '#app/domain/works.ts';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { competitions, divisions, events, judgeAssignments, schools, venues } from '#db/schema.ts';
import { competitionProblems, divisionProblems, eventProblems, type CompetitionSettings, type EventSettings } from '#app/domain/competition-setup.ts';
import { isRegistrationOpenFor } from '#app/domain/event-lifecycle.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Violation } from '#app/domain/registration.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { eventChanged } from './changes.server.ts';
import { ModelError, notFound } from './errors.ts';
import { loadScheme } from './scheme.server.ts';

/** 422 with every broken rule, each on its field, as the registration rules are. */
const settingsRefused = (violations: Violation[]) => new ModelError(422, 'setup_rules', { count: violations.length }, undefined, violations);

function competitionOrThrow(db: DbOrTx, id: number) {
  const row = db.select().from(competitions).where(eq(competitions.id, id)).get();
  if (!row) throw notFound('competition_not_found');
  return row;
}

export type NewCompetition = CompetitionSettings & { copyFrom?: number | null; kind?: CompetitionKind };

/**
 * A new year, in `draft`. With `copyFrom`, the divisions, venues and events of that year are
 * copied (settings only: no scheme, panel or team), so a province's year starts from the last.
 */
export function createCompetition(db: Db, actor: Actor, input: NewCompetition): { id: number } {
  requirePermission(actor, 'competition:manage');
  const problems = competitionProblems(input);
  if (problems.length) throw settingsRefused(problems);
  return atomically(db, (tx) => {
    const { copyFrom, ...settings } = input;
    if (copyFrom != null) competitionOrThrow(tx, copyFrom);
    const row = tx.insert(competitions).values({ ...settings, phase: 'draft', copiedFromId: copyFrom ?? null }).returning().get();
    recordAudit(tx, actor, { action: 'competition.create', entity: 'competition', entityId: row.id, after: row });
    if (copyFrom != null) copyYear(tx, actor, copyFrom, row.id);
    // A works-based competition starts with its platform's categories (the organiser may change them).
    insertDefaultCategories(tx, row.id, row.kind);
    return { id: row.id };
  });
}

function copyYear(tx: DbOrTx, actor: Actor, fromId: number, toId: number) {
  const divisionIds = new Map<number, number>();
  for (const d of tx.select().from(divisions).where(eq(divisions.competitionId, fromId)).all()) {
    const { id, competitionId: _c, ...rest } = d;
    divisionIds.set(id, tx.insert(divisions).values({ ...rest, competitionId: toId }).returning({ id: divisions.id }).get().id);
  }
  const venueIds = new Map<number, number>();
  for (const v of tx.select().from(venues).where(eq(venues.competitionId, fromId)).all()) {
    const { id, competitionId: _c, ...rest } = v;
    venueIds.set(id, tx.insert(venues).values({ ...rest, competitionId: toId }).returning({ id: venues.id }).get().id);
  }
  let copied = 0;
  // The events as registered (first rounds): selection rounds are a year's own, declared after its results.
  for (const e of tx.select().from(events).where(and(eq(events.competitionId, fromId), isNull(events.firstRoundId))).all()) {
    const { id: _id, competitionId: _c, createdAt: _t, status: _s, lockedAt: _l, decryptedAt: _d, freezeAt: _f, registrationDeadline: _r, scheduledOn: _o, tieBreaks: _b, recommendedAt: _ra, recommendationExplanation: _re, advancedAt: _aa, advancementExplanation: _ae, stage: _st, ...rest } = e;
    tx.insert(events).values({ ...rest, competitionId: toId, divisionId: divisionIds.get(e.divisionId)!, venueId: e.venueId ? (venueIds.get(e.venueId) ?? null) : null }).run();
    copied++;
  }
  recordAudit(tx, actor, { action: 'competition.copy', entity: 'competition', entityId: toId, after: { from: fromId, divisions: divisionIds.size, venues: venueIds.size, events: copied } });
}

/** Changes a year's settings (phase moves have their own step: `changePhase`). */
export function updateCompetition(db: Db, actor: Actor, id: number, patch: Partial<CompetitionSettings>): void {
  requirePermission(actor, 'competition:manage');
  atomically(db, (tx) => {
    const before = competitionOrThrow(tx, id);
    patch = given(patch);
    const next = { ...before, ...patch };
    const problems = competitionProblems(next);
    if (problems.length) throw settingsRefused(problems);
    tx.update(competitions).set(patch).where(eq(competitions.id, id)).run();
    recordAudit(tx, actor, { action: 'competition.update', entity: 'competition', entityId: id, before: pick(before, Object.keys(patch)), after: patch });
  });
}

/** The keys a caller gave a value: an `undefined` never overwrites a setting. */
const given = <T extends object>(input: T): Partial<T> => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

const pick = <T extends object>(row: T, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));

/** A row of the year: a new one, or the one of that id changed (404 when not of this year); audited. */
function saveRow<R extends { id: number }>(
  tx: DbOrTx,
  actor: Actor,
  entity: 'division' | 'venue',
  rowId: number | undefined,
  input: object,
  ops: { insert: () => R; find: (id: number) => R | undefined; update: (id: number) => unknown },
): { id: number } {
  if (rowId === undefined) {
    const row = ops.insert();
    recordAudit(tx, actor, { action: `${entity}.create`, entity, entityId: row.id, after: row });
    return { id: row.id };
  }
  const before = ops.find(rowId);
  if (!before) throw notFound(`${entity}_not_found`);
  ops.update(rowId);
  recordAudit(tx, actor, { action: `${entity}.update`, entity, entityId: rowId, before, after: input });
  return { id: rowId };
}

export type DivisionInput = { code: string; name: string; allowedSchoolTypes: (typeof divisions.$inferInsert)['allowedSchoolTypes']; maxAge: number | null; ageReferenceDate: string | null; sortOrder?: number };

export function saveDivision(db: Db, actor: Actor, competitionId: number, input: DivisionInput, divisionId?: number): { id: number } {
  requirePermission(actor, 'competition:manage');
  const problems = divisionProblems(input);
  if (problems.length) throw settingsRefused(problems);
  return atomically(db, (tx) => {
    competitionOrThrow(tx, competitionId);
    const clash = tx.select({ id: divisions.id }).from(divisions).where(and(eq(divisions.competitionId, competitionId), eq(divisions.code, input.code), divisionId ? ne(divisions.id, divisionId) : undefined)).get();
    if (clash) throw settingsRefused([{ code: 'setup.code_taken', field: 'code', params: { code: input.code } }]);
    return saveRow(tx, actor, 'division', divisionId, input, {
      insert: () => tx.insert(divisions).values({ ...input, competitionId }).returning().get(),
      find: (id) => tx.select().from(divisions).where(and(eq(divisions.id, id), eq(divisions.competitionId, competitionId))).get(),
      update: (id) => tx.update(divisions).set(input).where(eq(divisions.id, id)).run(),
    });
  });
}

export type VenueInput = { name: string; hostSchoolId: number; address: string | null; directorName: string | null; supervisorName: string | null };

export function saveVenue(db: Db, actor: Actor, competitionId: number, input: VenueInput, venueId?: number): { id: number } {
  requirePermission(actor, 'competition:manage');
  if (!input.name.trim()) throw settingsRefused([{ code: 'name_required', field: 'name' }]);
  return atomically(db, (tx) => {
    competitionOrThrow(tx, competitionId);
    if (!tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.hostSchoolId)).get()) {
      throw settingsRefused([{ code: 'setup.host_school', field: 'hostSchoolId' }]);
    }
    return saveRow(tx, actor, 'venue', venueId, input, {
      insert: () => tx.insert(venues).values({ ...input, competitionId }).returning().get(),
      find: (id) => tx.select().from(venues).where(and(eq(venues.id, id), eq(venues.competitionId, competitionId))).get(),
      update: (id) => tx.update(venues).set(input).where(eq(venues.id, id)).run(),
    });
  });
}

export type EventInput = EventSettings & { divisionId: number; venueId: number | null };
/** What creating an event needs; the rest comes from the year's defaults and DOMAIN.md's. */
export type NewEvent = Pick<EventInput, 'code' | 'name' | 'divisionId'> & Partial<EventInput>;

function withDefaults(competition: typeof competitions.$inferSelect, input: NewEvent): EventInput {
  return {
    venueId: null,
    minTeamSize: 1,
    maxTeamSize: 1,
    maxAdvisors: 2,
    quotaPerSchool: 1,
    allowMultiTeamContestants: false,
    scheduledOn: null,
    timeSlot: null,
    registrationDeadline: null,
    aggregationMethod: competition.defaultAggregationMethod,
    discrepancyThreshold: 3,
    tieBreaks: [],
    tieBreakByCompletionTime: true,
    awardRatios: competition.defaultAwardRatios,
    tieAtBoundary: competition.defaultTieAtBoundary,
    minTotalForAward: null,
    liveMode: competition.defaultLiveMode,
    ...given(input),
  } as EventInput;
}

/** The context an event's rules read: its division's code, the year's dates, its scheme and panel. */
function eventContext(tx: DbOrTx, competitionId: number, input: EventInput, eventId?: number) {
  const competition = competitionOrThrow(tx, competitionId);
  const division = tx.select().from(divisions).where(and(eq(divisions.id, input.divisionId), eq(divisions.competitionId, competitionId))).get();
  if (!division) throw settingsRefused([{ code: 'setup.division_unknown', field: 'divisionId' }]);
  if (input.venueId !== null && !tx.select({ id: venues.id }).from(venues).where(and(eq(venues.id, input.venueId), eq(venues.competitionId, competitionId))).get()) {
    throw settingsRefused([{ code: 'setup.venue_unknown', field: 'venueId' }]);
  }
  const scheme = eventId ? loadScheme(tx, eventId) : null;
  const scoringJudges = eventId
    ? tx.select({ n: count() }).from(judgeAssignments).where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.role, 'scoring_judge'), isNull(judgeAssignments.revokedAt))).get()!.n
    : 0;
  return {
    divisionCode: division.code,
    kind: competition.kind,
    competition: { startsOn: competition.startsOn, endsOn: competition.endsOn },
    scheme: { moduleIds: scheme?.modules.map((m) => m.id) ?? [], criterionIds: scheme?.criteria.map((c) => c.id) ?? [], hasJudgement: scheme?.criteria.some((c) => c.kind === 'judgement') ?? false },
    scoringJudges,
  };
}

/** An event code is unique within its year. */
function requireFreeEventCode(tx: DbOrTx, competitionId: number, code: string, eventId?: number) {
  if (tx.select({ id: events.id }).from(events).where(and(eq(events.competitionId, competitionId), eq(events.code, code), eventId ? ne(events.id, eventId) : undefined)).get()) {
    throw settingsRefused([{ code: 'setup.code_taken', field: 'code', params: { code } }]);
  }
}

/** A new event, starting from the year's default rules where the input leaves them out. */
export function createEvent(db: Db, actor: Actor, competitionId: number, newEvent: NewEvent): { id: number } {
  requirePermission(actor, 'competition:manage');
  return atomically(db, (tx) => {
    const input = withDefaults(competitionOrThrow(tx, competitionId), newEvent);
    const problems = eventProblems(input, eventContext(tx, competitionId, input));
    if (problems.length) throw settingsRefused(problems);
    requireFreeEventCode(tx, competitionId, input.code);
    const row = tx.insert(events).values({ ...input, competitionId }).returning().get();
    recordAudit(tx, actor, { action: 'event.create', entity: 'event', entityId: row.id, after: row });
    return { id: row.id };
  });
}

/** Changes an event's settings until its draw; from then on they are frozen, like its scheme. */
export function updateEvent(db: Db, actor: Actor, eventId: number, patch: Partial<EventInput>): void {
  requirePermission(actor, 'event:manage', { eventId });
  atomically(db, (tx) => {
    const before = eventOrThrow(tx, eventId);
    if (!isRegistrationOpenFor(before.status)) throw new ModelError(409, 'event_settings_frozen', { code: before.code });
    patch = given(patch);
    const next = { ...before, ...patch };
    const problems = eventProblems(next, eventContext(tx, before.competitionId, next, eventId));
    if (problems.length) throw settingsRefused(problems);
    if (patch.code) requireFreeEventCode(tx, before.competitionId, patch.code, eventId);
    tx.update(events).set(patch).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'event.update', entity: 'event', entityId: eventId, before: pick(before, Object.keys(patch)), after: patch });
    eventChanged(tx, eventId);
  });
}

/** An event's settings, as its form and the API show them. */
export function eventSettings(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  const row = eventOrThrow(db, eventId);
  return { ...row, frozen: !isRegistrationOpenFor(row.status) };
}

/** A year as the organiser sets it up: its settings, divisions, venues and events. */
export function competitionSetup(db: Db, actor: Actor, competitionId: number) {
  requirePermission(actor, 'competition:manage');
  const competition = competitionOrThrow(db, competitionId);
  return {
    competition,
    divisions: db.select().from(divisions).where(eq(divisions.competitionId, competitionId)).orderBy(asc(divisions.sortOrder), asc(divisions.code)).all(),
    venues: db
      .select({ id: venues.id, name: venues.name, address: venues.address, directorName: venues.directorName, supervisorName: venues.supervisorName, hostSchoolId: venues.hostSchoolId, hostSchool: schools.name })
      .from(venues)
      .innerJoin(schools, eq(schools.id, venues.hostSchoolId))
      .where(eq(venues.competitionId, competitionId))
      .orderBy(asc(venues.name))
      .all(),
    events: db.select().from(events).where(eq(events.competitionId, competitionId)).orderBy(asc(events.code)).all(),
  };
}

/** Every year, newest first, for the organiser's choice of year and of the year to copy from. */
export function listCompetitions(db: Db, actor: Actor) {
  requirePermission(actor, 'competition:manage');
  return db.select({ id: competitions.id, name: competitions.name, year: competitions.year, phase: competitions.phase }).from(competitions).orderBy(desc(competitions.year), desc(competitions.id)).all();
}
