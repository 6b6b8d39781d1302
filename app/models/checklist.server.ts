/** The organiser's checklist, per event and for the whole year (app/domain/checklist.ts says what counts). */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, judgeAssignments, teams } from '#db/schema.ts';
import { missingItems } from '#app/domain/checklist.ts';
import { isMarkable } from '#app/domain/event-lifecycle.ts';
import { hundredthsOf } from '#app/domain/exact.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { eventOrThrow } from './competition.server.ts';
import { panelConflicts } from './conflict.server.ts';
import { lockObstacles } from './result.server.ts';
import { loadScheme } from './scheme.server.ts';

function checklistOf(db: Db, event: typeof events.$inferSelect) {
  const scheme = loadScheme(db, event.id);
  const panel = db.select({ role: judgeAssignments.role }).from(judgeAssignments).where(and(eq(judgeAssignments.eventId, event.id), isNull(judgeAssignments.revokedAt))).all();
  const approved = db.select({ n: sql<number>`count(*)` }).from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'), isNull(teams.withdrawnAt))).get()!.n;
  const obstacles = isMarkable(event.status) ? lockObstacles(db, event.id) : null;
  return missingItems({
    venueId: event.venueId,
    scheduledOn: event.scheduledOn,
    scheme: scheme ? { criteria: scheme.criteria.length, total: hundredthsOf(scheme.total), expectedTotal: scheme.expectedTotal === null ? null : hundredthsOf(scheme.expectedTotal) } : null,
    chiefJudges: panel.filter((p) => p.role === 'chief_judge').length,
    scoringJudges: panel.filter((p) => p.role === 'scoring_judge').length,
    aggregationMethod: event.aggregationMethod,
    conflicts: panelConflicts(db, event.id).length,
    approvedTeams: approved,
    sheetsOutstanding: obstacles?.sheetsOutstanding ?? null,
    flagsOpen: obstacles?.flagsOpen ?? null,
  }).map((item) => (item.code === 'scheme_total' ? { ...item, params: { total: (item.params!.total as number) / 100, expected: (item.params!.expected as number) / 100 } } : item));
}

export function eventChecklist(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  return checklistOf(db, eventOrThrow(db, eventId));
}

/** Each event of a year with what it still misses (events that miss nothing are left out). */
export function competitionChecklist(db: Db, actor: Actor, competitionId: number) {
  requirePermission(actor, 'competition:manage');
  return db
    .select()
    .from(events)
    .where(eq(events.competitionId, competitionId))
    .orderBy(events.code)
    .all()
    .map((e) => ({ eventId: e.id, code: e.code, name: e.name, status: e.status, missing: checklistOf(db, e) }))
    .filter((e) => e.missing.length > 0);
}
