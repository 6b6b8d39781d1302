/**
 * 回避 against the database: an event's live panel (chief and scoring judges) against the schools
 * of its live teams. Asked at assignment, approval, check-in, the draw and the lock.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '#db/client.ts';
import { events, judgeAssignments, judges, schools, teams } from '#db/schema.ts';
import { findConflicts, type Conflict } from '#app/domain/conflict.ts';
import { ModelError } from './errors.ts';

/** The schools with a live team in the event (any status but withdrawn). */
export function competingSchools(db: DbOrTx, eventId: number, among?: readonly number[]) {
  return db
    .selectDistinct({ schoolId: schools.id, name: schools.name })
    .from(teams)
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .where(and(eq(teams.eventId, eventId), isNull(teams.withdrawnAt), among ? inArray(teams.schoolId, [...among]) : undefined))
    .all();
}

/** The conflicts of an event: its panel against the schools of its live teams (and any named). */
export function panelConflicts(db: DbOrTx, eventId: number, alsoSchoolIds: readonly number[] = []): Conflict[] {
  const panel = db
    .select({ judgeId: judges.id, name: judges.name, affiliationSchoolId: judges.affiliationSchoolId })
    .from(judgeAssignments)
    .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
    .where(and(eq(judgeAssignments.eventId, eventId), isNull(judgeAssignments.revokedAt)))
    .all();
  const affiliations = [...new Set(panel.map((j) => j.affiliationSchoolId).filter((id): id is number => id !== null))];
  if (affiliations.length === 0) return [];
  const competing = competingSchools(db, eventId, affiliations);
  const named = alsoSchoolIds.length ? db.select({ schoolId: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, [...alsoSchoolIds])).all() : [];
  return findConflicts(panel, [...competing, ...named]);
}

/** Refuses (409) while any judge of the event's panel belongs to one of these schools, naming the first. */
export function requireNoConflict(db: DbOrTx, eventId: number, schoolIds: readonly number[]): void {
  const conflicts = panelConflicts(db, eventId, schoolIds).filter((c) => schoolIds.includes(c.schoolId));
  if (conflicts.length) throw conflictRefusal(db, eventId, conflicts);
}

export function conflictRefusal(db: DbOrTx, eventId: number, conflicts: readonly Conflict[]): ModelError {
  const event = db.select({ code: events.code, name: events.name }).from(events).where(eq(events.id, eventId)).get();
  const first = conflicts[0];
  return new ModelError(409, 'conflict_of_interest_panel', { judge: first.judge, school: first.school, event: event ? `${event.code} ${event.name}` : '', count: conflicts.length });
}
