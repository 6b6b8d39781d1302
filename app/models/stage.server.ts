/**
 * A final's stage (路演 · 答辩, #16): the chief judge (or the organiser) calls each drawn team to
 * pitch, then to answer questions, against the clock; every board of the event carries the stage,
 * so the big screen and the phones show who is on and the time left.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { checkIns, competitions, events } from '#db/schema.ts';
import { isMarkable } from '#app/domain/event-lifecycle.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { DEFAULT_STAGE_TIMING, nextStage, timingProblem, type StageAction, type StageTiming } from '#app/domain/stage.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { conflict, invalid } from './errors.ts';

/** The event's drawn work codes in their stage order (station order: the order drawn). */
export function stageOrder(db: Db, eventId: number): string[] {
  return db
    .select({ workCode: checkIns.workCode, station: checkIns.stationNumber })
    .from(checkIns)
    .where(and(eq(checkIns.eventId, eventId), eq(checkIns.status, 'present'), isNotNull(checkIns.workCode)))
    .all()
    .sort((a, b) => (a.station ?? 0) - (b.station ?? 0))
    .map((r) => r.workCode!);
}

/** The stage, its timing and the drawn order, for whoever runs it. */
export function stageDesk(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'stage:run', { eventId });
  const event = eventOrThrow(db, eventId);
  return { stage: event.stage ?? null, timing: event.stageTiming ?? DEFAULT_STAGE_TIMING, order: stageOrder(db, eventId), open: isMarkable(event.status) };
}

/** Moves the stage on (a team's pitch, its questions, or empty), while the event is being scored. */
export function runStage(db: Db, actor: Actor, eventId: number, step: StageAction, now = new Date()) {
  requirePermission(actor, 'stage:run', { eventId });
  return atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    if (!isMarkable(event.status)) throw conflict('stage_not_open');
    const stage = nextStage(event.stage ?? null, step, stageOrder(db, eventId), event.stageTiming ?? DEFAULT_STAGE_TIMING, now.getTime());
    tx.update(events).set({ stage }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'event.stage', entity: 'event', entityId: eventId, before: event.stage ?? null, after: stage });
    eventChanged(tx, eventId);
    return stage;
  });
}

/** The final's pitch and question times (seconds), set before or during the final. */
export function setStageTiming(db: Db, actor: Actor, eventId: number, timing: StageTiming) {
  requirePermission(actor, 'stage:run', { eventId });
  const problem = timingProblem(timing);
  if (problem) throw invalid(problem);
  atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    tx.update(events).set({ stageTiming: timing }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, { action: 'event.stage_timing', entity: 'event', entityId: eventId, before: event.stageTiming ?? DEFAULT_STAGE_TIMING, after: timing });
  });
}

/** Whether an event is a works-based year's (a final with a stage: 路演 · 答辩); the skills events have none. */
export function hasStage(db: Db, eventId: number): boolean {
  return db.select({ kind: competitions.kind }).from(events).innerJoin(competitions, eq(competitions.id, events.competitionId)).where(eq(events.id, eventId)).get()?.kind !== 'skills';
}
