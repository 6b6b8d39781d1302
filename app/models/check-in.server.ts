/**
 * Check-in and draw (检录 · 抽签) and the two-stage anonymous codes: a present team gets a
 * check-in code (一次加密), a station by a seeded draw, and a work code (二次加密) that is all
 * the judges ever see until the event is decrypted.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { checkIns, draws, events, schools, teams } from '#db/schema.ts';
import { distinctCodes, drawOrder } from '#app/domain/draw.ts';
import { isAdmin, type Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { forbidden, ModelError, notFound } from './errors.ts';

/** Check-in sees names, so it is the organiser's (venue staff), never a judge's, even a chief judge's. */
function requireOrganiser(actor: Actor, _eventId: number) {
  if (!isAdmin(actor)) throw forbidden();
}

/** Marks an approved team present or absent; absent teams are kept and never ranked. */
export function recordCheckIn(db: Db, actor: Actor, eventId: number, teamId: number, status: 'present' | 'absent'): void {
  requireOrganiser(actor, eventId);
  db.transaction((tx) => {
    const event = tx.select().from(events).where(eq(events.id, eventId)).get();
    if (!event) throw notFound('event_not_found');
    if (!['scheduled', 'checking_in'].includes(event.status)) throw new ModelError(409, 'check_in_closed');
    const team = tx.select().from(teams).where(and(eq(teams.id, teamId), eq(teams.eventId, eventId), isNull(teams.withdrawnAt))).get();
    if (!team || team.status !== 'approved') throw new ModelError(422, 'team_not_approved');
    const existing = tx.select().from(checkIns).where(and(eq(checkIns.eventId, eventId), eq(checkIns.teamId, teamId))).get();
    if (existing) {
      tx.update(checkIns).set({ status, recordedBy: actor.userId }).where(eq(checkIns.id, existing.id)).run();
    } else {
      tx.insert(checkIns).values({ eventId, teamId, status, recordedBy: actor.userId }).run();
    }
    if (event.status === 'scheduled') tx.update(events).set({ status: 'checking_in' }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'check_in.record', entity: 'team', entityId: teamId, before: existing ? { status: existing.status } : null, after: { status } });
    eventChanged(tx, eventId);
  });
}

/**
 * Draws stations for the present teams with a recorded seed and gives each its two codes;
 * approved teams not checked in count as absent. Scoring opens with it.
 */
export function drawStations(db: Db, actor: Actor, eventId: number, seed = randomBytes(16).toString('hex')): { drawId: number; seed: string } {
  requireOrganiser(actor, eventId);
  return db.transaction((tx) => {
    const event = tx.select().from(events).where(eq(events.id, eventId)).get();
    if (!event) throw notFound('event_not_found');
    if (event.status !== 'checking_in') throw new ModelError(409, 'draw_not_open');
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
    tx.update(events).set({ status: 'scoring' }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'draw.stations', entity: 'event', entityId: eventId, after: { drawId: draw.id, seed, present: order.length } });
    eventChanged(tx, eventId);
    return { drawId: draw.id, seed };
  });
}

/** The check-in desk: teams with names, presence, station and codes. */
export function listCheckIns(db: Db, actor: Actor, eventId: number) {
  requireOrganiser(actor, eventId);
  return db
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
}
