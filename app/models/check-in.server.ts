/**
 * Check-in and draw (检录 · 抽签) and the two-stage anonymous codes: a present team gets a
 * check-in code (一次加密), a station by a seeded draw, and a work code (二次加密) that is all
 * the judges ever see until the event is decrypted. From the draw until the lock the mapping
 * is sealed: the check-in desk shows names with check-in codes, never stations or work codes,
 * unless the organiser unseals the event with a reason (audited, and disclosed with the results).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { checkIns, draws, eventUnseals, events, marks, schools, scoringSheets, teams, users } from '#db/schema.ts';
import { aggregationProblem } from '#app/domain/aggregation.ts';
import { distinctCodes, drawOrder } from '#app/domain/draw.ts';
import { assertTransition, canTake, isCheckInOpen, isSealed } from '#app/domain/event-lifecycle.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { conflictRefusal, panelConflicts, requireNoConflict } from './conflict.server.ts';
import { ModelError } from './errors.ts';
import { scoringJudgesOf } from './mark.server.ts';

/** Marks an approved team present or absent; absent teams are kept and never ranked. */
export function recordCheckIn(db: Db, actor: Actor, eventId: number, teamId: number, status: 'present' | 'absent'): void {
  requirePermission(actor, 'event:manage', { eventId });
  atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    if (!isCheckInOpen(event.status)) throw new ModelError(409, 'check_in_closed');
    const team = tx.select().from(teams).where(and(eq(teams.id, teamId), eq(teams.eventId, eventId), isNull(teams.withdrawnAt))).get();
    if (!team || team.status !== 'approved') throw new ModelError(422, 'team_not_approved');
    // A team that competes must not meet a judge of its own school (回避).
    if (status === 'present') requireNoConflict(tx, eventId, [team.schoolId]);
    const existing = tx.select().from(checkIns).where(and(eq(checkIns.eventId, eventId), eq(checkIns.teamId, teamId))).get();
    if (existing) {
      tx.update(checkIns).set({ status, recordedBy: actor.userId }).where(eq(checkIns.id, existing.id)).run();
    } else {
      tx.insert(checkIns).values({ eventId, teamId, status, recordedBy: actor.userId }).run();
    }
    if (event.status === 'scheduled') tx.update(events).set({ status: assertTransition('check_in', event.status) }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'check_in.record', entity: 'team', entityId: teamId, before: existing ? { status: existing.status } : null, after: { status } });
    eventChanged(tx, eventId);
  });
}

/** Approved teams of the event with no check-in recorded: the draw would record them absent. */
function uncheckedTeams(db: DbOrTx, eventId: number) {
  return db
    .select({ id: teams.id })
    .from(teams)
    .leftJoin(checkIns, and(eq(checkIns.teamId, teams.id), eq(checkIns.eventId, eventId)))
    .where(and(eq(teams.eventId, eventId), eq(teams.status, 'approved'), isNull(teams.withdrawnAt), isNull(checkIns.id)))
    .all();
}

export type DrawOptions = {
  /** A seed to replay a draw; a random one otherwise. */
  seed?: string;
  /** How many teams not checked in the organiser agreed to record absent: it must be the number there are. */
  confirmAbsent?: number;
};

/**
 * Draws stations for the present teams with a recorded seed and gives each its two codes;
 * approved teams not checked in are recorded absent — only once the organiser has confirmed how
 * many (a draw made too early must not silently lose teams). Scoring opens with it, so the panel
 * must be fit to score: enough judges for the aggregation method, and no 回避 conflict.
 */
export function drawStations(db: Db, actor: Actor, eventId: number, { seed = randomBytes(16).toString('hex'), confirmAbsent = 0 }: DrawOptions = {}): { drawId: number; seed: string } {
  requirePermission(actor, 'event:manage', { eventId });
  return atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    const next = assertTransition('draw', event.status);
    const unchecked = uncheckedTeams(tx, eventId).length;
    if (unchecked !== confirmAbsent) throw new ModelError(409, 'draw_unconfirmed', { count: unchecked });
    const panel = scoringJudgesOf(tx, eventId).length;
    const problem = aggregationProblem(event.aggregationMethod, panel);
    if (problem) throw new ModelError(409, problem, { count: panel });
    const conflicts = panelConflicts(tx, eventId);
    if (conflicts.length) throw conflictRefusal(tx, eventId, conflicts);
    const approved = tx.select({ id: teams.id }).from(teams).where(and(eq(teams.eventId, eventId), eq(teams.status, 'approved'), isNull(teams.withdrawnAt))).all();
    const rows = tx.select().from(checkIns).where(eq(checkIns.eventId, eventId)).all();
    for (const t of approved) {
      if (!rows.some((r) => r.teamId === t.id)) tx.insert(checkIns).values({ eventId, teamId: t.id, status: 'absent', recordedBy: actor.userId }).run();
    }
    const present = rows.filter((r) => r.status === 'present');
    if (present.length === 0) throw new ModelError(422, 'nobody_present');
    const draw = tx.insert(draws).values({ eventId, kind: 'station', seed, drawnBy: actor.userId }).returning().get();
    const order = drawOrder(present.map((r) => r.teamId), seed);
    // Codes come from the operating system's random source, not the seed: knowing the seed replays
    // the stations, never the anonymous codes.
    const random = () => randomInt(0, 2 ** 32) / 2 ** 32;
    const checkInCodes = distinctCodes(order.length, 'J', 3, random);
    const workCodes = distinctCodes(order.length, 'W', 4, random);
    order.forEach((teamId, i) => {
      tx.update(checkIns)
        .set({ drawId: draw.id, stationNumber: i + 1, checkInCode: checkInCodes[i], workCode: workCodes[i] })
        .where(and(eq(checkIns.eventId, eventId), eq(checkIns.teamId, teamId)))
        .run();
    });
    tx.update(events).set({ status: next }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'draw.stations', entity: 'event', entityId: eventId, after: { drawId: draw.id, seed, present: order.length } });
    eventChanged(tx, eventId);
    return { drawId: draw.id, seed };
  });
}

/**
 * Undoes a draw made in error, with a reason, until the first mark: stations and codes are
 * withdrawn (the draw itself stays on record, as does every check-in) and the event is back at
 * check-in, where teams recorded absent by the draw can still be recorded present.
 */
export function redoDraw(db: Db, actor: Actor, eventId: number, reason: string): void {
  requirePermission(actor, 'event:manage', { eventId });
  const why = reason.trim();
  if (!why) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    const next = assertTransition('redraw', event.status);
    if (hasMarks(tx, eventId)) throw new ModelError(409, 'redraw_after_marks');
    const drawn = tx.select({ drawId: checkIns.drawId }).from(checkIns).where(and(eq(checkIns.eventId, eventId), isNotNull(checkIns.drawId))).get();
    tx.update(checkIns).set({ drawId: null, stationNumber: null, checkInCode: null, workCode: null }).where(eq(checkIns.eventId, eventId)).run();
    tx.update(events).set({ status: next }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'draw.redo', entity: 'event', entityId: eventId, before: { drawId: drawn?.drawId ?? null }, reason: why });
    eventChanged(tx, eventId);
  });
}

/** Whether any judge has entered a mark in the event. */
function hasMarks(db: DbOrTx, eventId: number): boolean {
  return !!db.select({ id: marks.id }).from(marks).innerJoin(scoringSheets, eq(scoringSheets.id, marks.sheetId)).where(eq(scoringSheets.eventId, eventId)).limit(1).get();
}

/** The organiser unseals a sealed event in an emergency: a reason is required, and it is kept. */
export function unsealEvent(db: Db, actor: Actor, eventId: number, reason: string): void {
  requirePermission(actor, 'event:unseal', { eventId });
  const why = reason.trim();
  if (!why) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    if (!isSealed(event.status)) throw new ModelError(409, 'event_not_sealed');
    const row = tx.insert(eventUnseals).values({ eventId, unsealedBy: actor.userId, reason: why }).returning().get();
    recordAudit(tx, actor, { action: 'event.unseal', entity: 'event', entityId: eventId, after: { unsealId: row.id }, reason: why });
  });
}

/** Every unseal of an event, for the results page to disclose: when, by whom, why. */
export function unsealsOf(db: DbOrTx, eventId: number) {
  return db
    .select({ at: eventUnseals.createdAt, by: users.displayName, reason: eventUnseals.reason })
    .from(eventUnseals)
    .innerJoin(users, eq(users.id, eventUnseals.unsealedBy))
    .where(eq(eventUnseals.eventId, eventId))
    .orderBy(asc(eventUnseals.id))
    .all();
}

/**
 * The check-in desk: teams with names, presence and check-in code (一次加密). Station and work code
 * (二次加密) are shown beside names only once the event is no longer sealed, or after this
 * organiser unsealed it with a reason.
 */
export function listCheckIns(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  const event = eventOrThrow(db, eventId);
  const unsealed = !isSealed(event.status) || !!db.select({ id: eventUnseals.id }).from(eventUnseals).where(and(eq(eventUnseals.eventId, eventId), eq(eventUnseals.unsealedBy, actor.userId))).get();
  const rows = db
    .select({
      teamId: teams.id,
      team: teams.name,
      school: schools.name,
      status: checkIns.status,
      stationNumber: checkIns.stationNumber,
      checkInCode: checkIns.checkInCode,
      workCode: checkIns.workCode,
    })
    .from(teams)
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .leftJoin(checkIns, and(eq(checkIns.teamId, teams.id), eq(checkIns.eventId, eventId)))
    .where(and(eq(teams.eventId, eventId), eq(teams.status, 'approved'), isNull(teams.withdrawnAt)))
    .orderBy(asc(checkIns.stationNumber), asc(schools.code))
    .all();
  const counts = { teams: rows.length, present: rows.filter((r) => r.status === 'present').length, absent: rows.filter((r) => r.status === 'absent').length, unchecked: rows.filter((r) => r.status === null).length };
  return {
    sealed: !unsealed,
    rows: unsealed ? rows : rows.map((r) => ({ ...r, stationNumber: null, workCode: null })),
    counts,
    /** The draw can be undone until the first mark. */
    redrawable: canTake('redraw', event.status) && !hasMarks(db, eventId),
  };
}
