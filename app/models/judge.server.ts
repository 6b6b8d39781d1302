/** Judges (裁判) and their assignments: a judge sees only its own events. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, judgeAssignments, judges } from '#db/schema.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { notFound } from './errors.ts';

/**
 * The events the acting judge is assigned to, with its role in each. No venue: a venue is a host
 * school, which may have a team in the event, and a judge sees no school until decryption.
 */
export function listOwnAssignments(db: Db, actor: Actor) {
  requirePermission(actor, 'assignment:read-own');
  const judgeId = actor.judgeId!;
  return db
    .select({
      eventId: events.id,
      eventCode: events.code,
      eventName: events.name,
      status: events.status,
      scheduledOn: events.scheduledOn,
      role: judgeAssignments.role,
    })
    .from(judgeAssignments)
    .innerJoin(events, eq(events.id, judgeAssignments.eventId))
    .where(and(eq(judgeAssignments.judgeId, judgeId), isNull(judgeAssignments.revokedAt)))
    .orderBy(asc(events.code))
    .all();
}

/** The panel of an event, for its chief judge (or an admin). */
export function listPanel(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'marking:review', { eventId });
  return db
    .select({ judgeId: judges.id, name: judges.name, affiliation: judges.affiliation, role: judgeAssignments.role })
    .from(judgeAssignments)
    .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
    .where(and(eq(judgeAssignments.eventId, eventId), isNull(judgeAssignments.revokedAt)))
    .orderBy(asc(judgeAssignments.role), asc(judges.name))
    .all();
}

/** An event's panel with assignment ids, for the organiser's assignment list. */
export function listAssignments(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  return db
    .select({ id: judgeAssignments.id, judgeId: judges.id, name: judges.name, affiliation: judges.affiliation, role: judgeAssignments.role })
    .from(judgeAssignments)
    .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
    .where(and(eq(judgeAssignments.eventId, eventId), isNull(judgeAssignments.revokedAt)))
    .orderBy(asc(judgeAssignments.role), asc(judges.name))
    .all();
}

/** An event's code, name and status, for the organiser's event page. */
export function getEventHeader(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  const event = db.select({ code: events.code, name: events.name, status: events.status, liveMode: events.liveMode, freezeAt: events.freezeAt }).from(events).where(eq(events.id, eventId)).get();
  if (!event) throw notFound('event_not_found');
  return event;
}
