/**
 * Result runs: the chief judge's lock (签字确认), and the re-lock after an upheld appeal, each
 * compute the results and draw the awards once and store them as a new run; nothing is rewritten.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { awards, events, results, resultRuns, teamAdvisors } from '#db/schema.ts';
import { drawAwards, type AwardTier } from '#app/domain/awards.ts';
import { hundredthsOf } from '#app/domain/exact.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { conflictRefusal } from './conflict.server.ts';
import { ModelError } from './errors.ts';
import { assertTransition } from '#app/domain/event-lifecycle.ts';
import { eventOrThrow } from './competition.server.ts';
import { computeResults, latestRun, lockObstacles } from './result.server.ts';

/** The tiers of a run, team by team (优秀指导教师 rows left out). */
export function tiersOfRun(db: DbOrTx, runId: number): Map<number, AwardTier> {
  const rows = db.select({ teamId: awards.teamId, kind: awards.kind }).from(awards).where(eq(awards.runId, runId)).all();
  return new Map(rows.filter((r) => r.kind !== 'outstanding_advisor').map((r) => [r.teamId, r.kind as AwardTier]));
}

/** Computes, ranks and draws the awards of an event from its current marks, and stores them as a new run. */
export function storeRun(tx: DbOrTx, actor: Actor, eventId: number, reason: string, now: Date) {
  // The lock and the re-lock after an appeal: the event's chief judge alone signs off.
  requirePermission(actor, 'marking:chief', { eventId });
  const event = eventOrThrow(tx, eventId);
  const ranked = computeResults(tx, eventId);
  const outcome = drawAwards(ranked, { ratios: event.awardRatios, counts: event.awardCounts, tieAtBoundary: event.tieAtBoundary, minTotal: event.minTotalForAward === null ? null : hundredthsOf(event.minTotalForAward) });
  const run = tx.insert(resultRuns).values({ eventId, reason, computedBy: actor.userId, awardExplanation: outcome.explanation, createdAt: now }).returning().get();
  for (const r of ranked) {
    tx.insert(results).values({ runId: run.id, teamId: r.teamId, totalHundredths: r.total, rank: r.rank, tieBreakValues: r.tieBreakValues, absent: r.absent }).run();
  }
  for (const [teamId, kind] of outcome.awards) {
    tx.insert(awards).values({ runId: run.id, eventId, kind, teamId, createdAt: now }).run();
    if (kind !== 'first') continue;
    // 优秀指导教师: every advisor of a first-prize team.
    const advisors = tx.select({ advisorId: teamAdvisors.advisorId }).from(teamAdvisors).where(and(eq(teamAdvisors.teamId, teamId), isNull(teamAdvisors.removedAt))).all();
    for (const a of advisors) tx.insert(awards).values({ runId: run.id, eventId, kind: 'outstanding_advisor', teamId, advisorId: a.advisorId, createdAt: now }).run();
  }
  return { run, ranked, awards: outcome.awards };
}

/**
 * The chief judge signs off: every scoring judge has submitted every sheet and no flag is open.
 * The results and awards are computed and stored, and the event is decrypted.
 */
export function lockEvent(db: Db, actor: Actor, eventId: number, now = new Date()) {
  requirePermission(actor, 'marking:chief', { eventId });
  return atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    const locked = assertTransition('lock', event.status);
    const obstacles = lockObstacles(tx, eventId);
    if (obstacles.panelProblem) throw new ModelError(409, obstacles.panelProblem, { count: obstacles.panelSize });
    if (obstacles.conflicts.length) throw conflictRefusal(tx, eventId, obstacles.conflicts);
    if (obstacles.sheetsOutstanding > 0) throw new ModelError(409, 'sheets_outstanding', { count: obstacles.sheetsOutstanding });
    if (obstacles.reviewsOutstanding > 0) throw new ModelError(409, 'reviews_outstanding', { count: obstacles.reviewsOutstanding });
    if (obstacles.flagsOpen > 0) throw new ModelError(409, 'flags_open', { count: obstacles.flagsOpen });
    const { run, ranked, awards: drawn } = storeRun(tx, actor, eventId, 'lock', now);
    tx.update(events).set({ status: locked, lockedAt: now, decryptedAt: now }).where(eq(events.id, eventId)).run();
    eventChanged(tx, eventId);
    recordAudit(tx, actor, {
      action: 'event.lock',
      entity: 'event',
      entityId: eventId,
      after: { runId: run.id, teams: ranked.length, awards: Object.fromEntries(drawn) },
      reason: '裁判长签字确认 (chief judge sign-off)',
    });
    return { runId: run.id };
  });
}

/** The awards that changed between two runs, team by team ('none' where a team has no award). */
export function awardChanges(before: ReadonlyMap<number, AwardTier>, after: ReadonlyMap<number, AwardTier>) {
  const changes: { teamId: number; from: AwardTier | 'none'; to: AwardTier | 'none' }[] = [];
  for (const teamId of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(teamId) ?? 'none';
    const to = after.get(teamId) ?? 'none';
    if (from !== to) changes.push({ teamId, from, to });
  }
  return changes.sort((a, b) => a.teamId - b.teamId);
}

/** The previous run's tiers, for comparing a re-lock with what was published. */
export function currentTiers(db: DbOrTx, eventId: number): Map<number, AwardTier> {
  const run = latestRun(db, eventId);
  return run ? tiersOfRun(db, run.id) : new Map();
}
