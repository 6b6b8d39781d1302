/** Judge assignment: who judges which event, in which role; never a judge whose own school has a team in it (回避). */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, judgeAssignments, judges, schools, teams } from '#db/schema.ts';
import { isAdmin, type Actor, type AssignmentRole } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { forbidden, ModelError, notFound } from './errors.ts';

export function assignJudge(db: Db, actor: Actor, input: { eventId: number; judgeId: number; role: AssignmentRole }): number {
  if (!isAdmin(actor)) throw forbidden();
  return db.transaction((tx) => {
    const judge = tx.select().from(judges).where(eq(judges.id, input.judgeId)).get();
    if (!judge) throw notFound('judge_not_found');
    const event = tx.select().from(events).where(eq(events.id, input.eventId)).get();
    if (!event) throw notFound('event_not_found');
    if (judge.affiliationSchoolId) {
      const conflict = tx
        .select({ school: schools.name })
        .from(teams)
        .innerJoin(schools, eq(schools.id, teams.schoolId))
        .where(and(eq(teams.eventId, event.id), eq(teams.schoolId, judge.affiliationSchoolId), isNull(teams.withdrawnAt)))
        .get();
      if (conflict) throw new ModelError(409, 'conflict_of_interest', { judge: judge.name, school: conflict.school, event: `${event.code} ${event.name}` });
    }
    const live = tx
      .select()
      .from(judgeAssignments)
      .where(and(eq(judgeAssignments.eventId, event.id), isNull(judgeAssignments.revokedAt)))
      .all();
    if (live.some((a) => a.judgeId === judge.id)) throw new ModelError(409, 'already_assigned', { judge: judge.name });
    if (input.role === 'chief_judge' && live.some((a) => a.role === 'chief_judge')) throw new ModelError(409, 'chief_exists');
    const row = tx.insert(judgeAssignments).values(input).returning().get();
    recordAudit(tx, actor, { action: 'assignment.create', entity: 'judge_assignment', entityId: row.id, after: row });
    eventChanged(tx, row.eventId);
    return row.id;
  });
}

export function revokeAssignment(db: Db, actor: Actor, assignmentId: number, reason: string): void {
  if (!isAdmin(actor)) throw forbidden();
  db.transaction((tx) => {
    const row = tx.select().from(judgeAssignments).where(eq(judgeAssignments.id, assignmentId)).get();
    if (!row || row.revokedAt) throw notFound();
    tx.update(judgeAssignments).set({ revokedAt: new Date() }).where(eq(judgeAssignments.id, assignmentId)).run();
    recordAudit(tx, actor, { action: 'assignment.revoke', entity: 'judge_assignment', entityId: assignmentId, before: row, reason });
    eventChanged(tx, row.eventId);
  });
}

/** The judge pool, for the organiser's assignment form. */
export function listJudges(db: Db, actor: Actor) {
  if (!isAdmin(actor)) throw forbidden();
  return db.select({ id: judges.id, name: judges.name, affiliation: judges.affiliation }).from(judges).orderBy(asc(judges.name)).all();
}
