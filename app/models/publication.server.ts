/**
 * Publication (公示): the organiser publishes a locked event's results and awards, which opens the
 * announcement period (default 5 days) for appeals. When it has passed and no appeal is pending,
 * the results are final: nominations are made and certificates issued, once.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { appeals, competitions, divisions, events, publications } from '#db/schema.ts';
import { SYSTEM_ACTOR, type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { assertTransition, canTake } from '#app/domain/event-lifecycle.ts';
import { recordAudit } from './audit.server.ts';
import { issueAwardCertificates } from './certificate.server.ts';
import { eventChanged } from './changes.server.ts';
import { createNominations } from './nomination.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { latestRun } from './result.server.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Appeals that still hold an event open: filed and undecided, or upheld and not yet re-locked. */
export const appealPending = or(eq(appeals.status, 'filed'), and(eq(appeals.status, 'upheld'), isNull(appeals.resolvedRunId)))!;

/** Publishes one locked event; the announcement period starts now. */
export function publishEvent(db: Db, actor: Actor, eventId: number, now = new Date()) {
  requirePermission(actor, 'event:publish');
  return atomically(db, () => {
    const event = eventOrThrow(db, eventId);
    const published = assertTransition('publish', event.status, { code: event.code });
    const run = latestRun(db, eventId)!;
    const days = db.select({ days: competitions.announcementDays }).from(competitions).where(eq(competitions.id, event.competitionId)).get()!.days;
    const announcementEndsAt = new Date(now.getTime() + days * DAY);
    const publication = db.insert(publications).values({ eventId, runId: run.id, publishedBy: actor.userId, announcementEndsAt, createdAt: now }).returning().get();
    db.update(events).set({ status: published }).where(eq(events.id, eventId)).run();
    recordAudit(db, actor, { action: 'event.publish', entity: 'event', entityId: eventId, before: { status: event.status }, after: { status: published, runId: run.id, announcementEndsAt: announcementEndsAt.toISOString() } });
    eventChanged(db, eventId);
    return { eventId, code: event.code, publicationId: publication.id, announcementEndsAt };
  });
}

/** Publishes every locked event of a competition at once. */
export function publishAllLocked(db: Db, actor: Actor, competitionId: number, now = new Date()) {
  requirePermission(actor, 'event:publish');
  const locked = db.select({ id: events.id }).from(events).where(and(eq(events.competitionId, competitionId), eq(events.status, 'locked'))).all();
  // All or none: a nested `atomically` is a savepoint of this transaction.
  return atomically(db, () => locked.map((e) => publishEvent(db, actor, e.id, now)));
}

/** The announcement period of a published event: when it ends (the first publication's period holds). */
export function announcementEndOf(db: DbOrTx, eventId: number): Date | null {
  return db.select({ endsAt: publications.announcementEndsAt }).from(publications).where(eq(publications.eventId, eventId)).orderBy(asc(publications.id)).limit(1).get()?.endsAt ?? null;
}

/**
 * Makes final every published event whose announcement period is over and which no appeal holds
 * open. Each event in its own transaction, re-checked inside, so several processes may run this.
 */
export function settleAnnouncements(db: Db, now = new Date()) {
  const due = db
    .selectDistinct({ id: events.id })
    .from(events)
    .innerJoin(publications, eq(publications.eventId, events.id))
    .where(and(eq(events.status, 'published'), lte(publications.announcementEndsAt, now)))
    .all();
  const finalized: number[] = [];
  for (const { id } of due) {
    const done = atomically(db, () => {
      const event = eventOrThrow(db, id);
      const endsAt = announcementEndOf(db, id);
      if (!canTake('finalise', event.status) || !endsAt || endsAt > now) return false;
      const pending = db.select({ n: sql<number>`count(*)` }).from(appeals).where(and(eq(appeals.eventId, id), appealPending)).get()!.n;
      if (pending > 0) return false;
      db.update(events).set({ status: assertTransition('finalise', event.status) }).where(eq(events.id, id)).run();
      const nominated = createNominations(db, id, now);
      const certificates = issueAwardCertificates(db, id, now);
      recordAudit(db, SYSTEM_ACTOR, { action: 'event.final', entity: 'event', entityId: id, before: { status: 'published' }, after: { status: 'final', nominated, certificates }, reason: '公示期满，成绩确定 (announcement period over)' });
      eventChanged(db, id);
      return true;
    });
    if (done) finalized.push(id);
  }
  return finalized;
}

/** The organiser's desk: every event that is locked or later, with its period and pending appeals. */
export function publicationDesk(db: Db, actor: Actor, competitionId: number) {
  requirePermission(actor, 'event:publish');
  const rows = db
    .select({ id: events.id, code: events.code, name: events.name, status: events.status, division: divisions.name })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .where(and(eq(events.competitionId, competitionId), inArray(events.status, ['locked', 'published', 'final'])))
    .orderBy(asc(events.code))
    .all();
  const pending = rows.length
    ? db.select({ eventId: appeals.eventId, n: sql<number>`count(*)` }).from(appeals).where(and(inArray(appeals.eventId, rows.map((r) => r.id)), appealPending)).groupBy(appeals.eventId).all()
    : [];
  return rows.map((r) => ({ ...r, announcementEndsAt: announcementEndOf(db, r.id), pendingAppeals: pending.find((p) => p.eventId === r.id)?.n ?? 0 }));
}
