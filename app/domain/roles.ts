/** The roles and the acting person; what each may do is the permission table's (permissions.ts). */
import { can } from './permissions.ts';

export const ACCOUNT_ROLES = ['admin', 'school', 'judge', 'arbiter'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const ASSIGNMENT_ROLES = ['chief_judge', 'scoring_judge'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

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
  /** A one-time or reset password not yet changed: until it is, the account may do nothing else. */
  mustChangePassword?: boolean;
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

/** The desk each role lands on after logging in; a judge who chairs an event lands on the chief's. */
const ROLE_HOME: Record<AccountRole, string> = { admin: '/admin', school: '/school', judge: '/judge', arbiter: '/arbiter' };

export function homePathFor(actor: Actor): string {
  return can(actor, 'desk:chief') ? '/chief' : ROLE_HOME[actor.role];
}
