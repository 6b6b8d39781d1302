/** Who may do what: the pure permission rules, checked by every model function. */

export const ACCOUNT_ROLES = ['admin', 'school', 'judge', 'arbiter'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AssignmentRole = 'chief_judge' | 'scoring_judge';

/** The authenticated person a request acts for, with what the database says they are bound to. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  role: AccountRole;
  /** Set for school accounts: the one school they act for. */
  schoolId: number | null;
  /** Set for judge accounts. */
  judgeId: number | null;
  /** eventId → the judge's role in that event (live assignments only). */
  assignments: ReadonlyMap<number, AssignmentRole>;
  /** The address the request came from, for the audit log. */
  ip?: string | null;
};

/** The system itself (seed, maintenance): the audit log names it, no account does. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  role: 'admin',
  schoolId: null,
  judgeId: null,
  assignments: new Map(),
};

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** A school account acts for its own school only; admins act for every school. */
export function canActForSchool(actor: Actor, schoolId: number): boolean {
  return isAdmin(actor) || (actor.role === 'school' && actor.schoolId === schoolId);
}

/** Assigned judges (chief or scoring) of an event. */
export function isAssignedJudge(actor: Actor, eventId: number): boolean {
  return actor.role === 'judge' && actor.assignments.has(eventId);
}

export function isChiefJudge(actor: Actor, eventId: number): boolean {
  return actor.role === 'judge' && actor.assignments.get(eventId) === 'chief_judge';
}

export function isChiefJudgeOfAny(actor: Actor): boolean {
  for (const role of actor.assignments.values()) if (role === 'chief_judge') return true;
  return false;
}

/** Personal data (身份证号, phone) is shown whole only to its owner's school and to admins. */
export function canSeePersonalData(actor: Actor | null, ownerSchoolId: number): boolean {
  return actor !== null && canActForSchool(actor, ownerSchoolId);
}

/** The dashboard each role lands on after logging in. */
export function homePathFor(actor: Actor): string {
  switch (actor.role) {
    case 'admin':
      return '/admin';
    case 'school':
      return '/school';
    case 'judge':
      return isChiefJudgeOfAny(actor) ? '/chief' : '/judge';
    case 'arbiter':
      return '/arbiter';
  }
}
