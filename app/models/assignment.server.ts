/** Judge assignment: who judges which event, in which role; never a judge whose own school has a team in it (回避). */
import { and, asc, count, eq, isNull, or } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { events, judgeAssignments, judges } from '#db/schema.ts';
import { type Actor, type AssignmentRole } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { contains } from './search.server.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { aggregationProblem } from '#app/domain/aggregation.ts';
import { findConflicts } from '#app/domain/conflict.ts';
import { isMarkable } from '#app/domain/event-lifecycle.ts';
import { competingSchools, panelConflicts } from './conflict.server.ts';
import { ModelError, notFound } from './errors.ts';
import { reviewOpenFlags, scoringJudgesOf } from './mark.server.ts';

export function assignJudge(db: Db, actor: Actor, input: { eventId: number; judgeId: number; role: AssignmentRole }): number {
  requirePermission(actor, 'event:manage');
  return atomically(db, (tx) => {
    const judge = tx.select().from(judges).where(eq(judges.id, input.judgeId)).get();
    if (!judge) throw notFound('judge_not_found');
    return addAssignment(tx, actor, judge, eventOrThrow(tx, input.eventId), input.role);
  });
}

/**
 * A new assignment under the rules every path shares (the form, the API, the judge sheet): 回避,
 * one live assignment per judge and event, one chief judge. In the caller's transaction; audited,
 * and the event's listeners are told.
 */
export function addAssignment(
  tx: DbOrTx,
  actor: Actor,
  judge: typeof judges.$inferSelect,
  event: typeof events.$inferSelect,
  role: AssignmentRole,
  reason?: string,
): number {
  requirePermission(actor, 'event:manage', { eventId: event.id });
  // 回避: the same rule as at approval, check-in, the draw and the lock.
  const conflict = findConflicts([{ judgeId: judge.id, name: judge.name, affiliationSchoolId: judge.affiliationSchoolId }], competingSchools(tx, event.id))[0];
  if (conflict) throw new ModelError(409, 'conflict_of_interest', { judge: judge.name, school: conflict.school, event: `${event.code} ${event.name}` });
  const live = tx
    .select()
    .from(judgeAssignments)
    .where(and(eq(judgeAssignments.eventId, event.id), isNull(judgeAssignments.revokedAt)))
    .all();
  if (live.some((a) => a.judgeId === judge.id)) throw new ModelError(409, 'already_assigned', { judge: judge.name });
  if (role === 'chief_judge' && live.some((a) => a.role === 'chief_judge')) throw new ModelError(409, 'chief_exists');
  const row = tx.insert(judgeAssignments).values({ eventId: event.id, judgeId: judge.id, role }).returning().get();
  recordAudit(tx, actor, { action: 'assignment.create', entity: 'judge_assignment', entityId: row.id, after: row, reason });
  eventChanged(tx, row.eventId);
  return row.id;
}

/**
 * The organiser ends an assignment; a revoked scoring judge's marks stop counting at once. While
 * the event is scoring, the panel must stay fit for its method: assign the replacement first.
 */
export function revokeAssignment(db: Db, actor: Actor, assignmentId: number, reason: string): void {
  requirePermission(actor, 'event:manage');
  atomically(db, () => {
    const row = db.select().from(judgeAssignments).where(eq(judgeAssignments.id, assignmentId)).get();
    if (!row || row.revokedAt) throw notFound();
    const event = db.select().from(events).where(eq(events.id, row.eventId)).get()!;
    if (row.role === 'scoring_judge' && isMarkable(event.status)) {
      const left = scoringJudgesOf(db, row.eventId).length - 1;
      const problem = aggregationProblem(event.aggregationMethod, left);
      if (problem) throw new ModelError(409, problem, { count: left });
    }
    revoke(db, actor, row, reason);
  });
}

/**
 * The chief judge's path out of a 回避 conflict found during scoring: the conflicted judge is
 * revoked, with a reason, and its marks stop counting. Only a conflicted judge may be revoked
 * this way; any other change of panel is the organiser's.
 */
export function revokeConflictedJudge(db: Db, actor: Actor, eventId: number, judgeId: number, reason: string): void {
  requirePermission(actor, 'marking:chief', { eventId });
  if (!reason.trim()) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, () => {
    if (!panelConflicts(db, eventId).some((c) => c.judgeId === judgeId)) throw new ModelError(409, 'judge_not_conflicted');
    const row = db
      .select()
      .from(judgeAssignments)
      .where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.judgeId, judgeId), isNull(judgeAssignments.revokedAt)))
      .get();
    if (!row) throw notFound();
    revoke(db, actor, row, `回避：${reason.trim()}`);
  });
}

function revoke(db: Db, actor: Actor, row: typeof judgeAssignments.$inferSelect, reason: string) {
  db.update(judgeAssignments).set({ revokedAt: new Date() }).where(eq(judgeAssignments.id, row.id)).run();
  reviewOpenFlags(db, row.eventId);
  recordAudit(db, actor, { action: 'assignment.revoke', entity: 'judge_assignment', entityId: row.id, before: row, reason });
  eventChanged(db, row.eventId);
}

/** The event's 回避 conflicts, for the organiser's event page. */
export function eventConflicts(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  return panelConflicts(db, eventId);
}

/** The judge pool, for the organiser's assignment form. */
/**
 * The judges to choose from, found by part of a name or an organisation: at most `limit`, with
 * the number found (a province has thousands; a page offers a few).
 */
export function listJudges(db: Db, actor: Actor, { q, limit = 5000 }: { q?: string; limit?: number } = {}) {
  requirePermission(actor, 'judge:list');
  const text = q?.trim();
  const where = text ? or(contains(judges.name, text), contains(judges.affiliation, text)) : undefined;
  const found = db.select({ n: count() }).from(judges).where(where).get()?.n ?? 0;
  const rows = db.select({ id: judges.id, name: judges.name, affiliation: judges.affiliation }).from(judges).where(where).orderBy(asc(judges.name), asc(judges.id)).limit(limit).all();
  return { judges: rows, found };
}
