/**
 * The team lifecycle as the school and the organiser take it: submit, approve, return. The steps
 * and their order are the domain's (app/domain/team-lifecycle.ts); here they are checked against
 * the database, the roster rules and 回避, and written with their audit entries.
 */
import { eq } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { events, teams } from '#db/schema.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { assertTeamStep, type TeamStep } from '#app/domain/team-lifecycle.ts';
import { recordAudit } from './audit.server.ts';
import { requireNoConflict } from './conflict.server.ts';
import { ModelError, rulesBroken } from './errors.ts';
import { checkTeam, requireOwnTeam, teamOrThrow } from './roster.server.ts';

function takeStep(db: Db, actor: Actor, teamId: number, step: TeamStep, now: Date, reason?: string) {
  atomically(db, (tx) => {
    const team = teamOrThrow(tx, teamId);
    if (step === 'submit') requireOwnTeam(actor, team);
    else requirePermission(actor, 'team:review');
    const event = tx.select({ status: events.status }).from(events).where(eq(events.id, team.eventId)).get()!;
    const to = assertTeamStep(step, team.status, event.status);
    if (step !== 'return') {
      const violations = checkTeam(tx, team, step === 'submit' ? 'submit' : 'approve', now);
      if (violations.length) throw rulesBroken(violations);
    }
    // An approved team competes: no judge of its school may sit on the event's panel (回避).
    if (step === 'approve') requireNoConflict(tx, team.eventId, [team.schoolId]);
    const patch =
      step === 'submit'
        ? { status: to, submittedAt: now, returnReason: null }
        : { status: to, reviewedAt: now, returnReason: step === 'return' ? (reason ?? null) : null };
    tx.update(teams).set(patch).where(eq(teams.id, team.id)).run();
    recordAudit(tx, actor, { action: `team.${step}`, entity: 'team', entityId: team.id, before: { status: team.status }, after: { status: to }, reason });
  });
}

/** The school submits; every rule must hold, and the team is read-only until returned. */
export function submitTeam(db: Db, actor: Actor, teamId: number, now = new Date()) {
  takeStep(db, actor, teamId, 'submit', now);
}

/** The organiser approves a submitted team, after checking every rule again. */
export function approveTeam(db: Db, actor: Actor, teamId: number, now = new Date()) {
  takeStep(db, actor, teamId, 'approve', now);
}

/** The organiser returns a submitted (or approved) team to its school with a reason, until the draw. */
export function returnTeam(db: Db, actor: Actor, teamId: number, reason: string, now = new Date()) {
  if (!reason.trim()) throw new ModelError(422, 'return_reason_required', {}, { reason: 'errors.return_reason_required' });
  takeStep(db, actor, teamId, 'return', now, reason.trim());
}

/** Several teams at once; each is its own transaction, so one refusal leaves the others done. */
export function reviewMany(db: Db, actor: Actor, teamIds: number[], decision: 'approve' | 'return', reason: string | undefined, now = new Date()) {
  requirePermission(actor, 'team:review');
  const outcome: { teamId: number; ok: boolean; error?: ModelError }[] = [];
  for (const teamId of teamIds) {
    try {
      if (decision === 'approve') approveTeam(db, actor, teamId, now);
      else returnTeam(db, actor, teamId, reason ?? '', now);
      outcome.push({ teamId, ok: true });
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      outcome.push({ teamId, ok: false, error });
    }
  }
  return outcome;
}
