/**
 * The permission table: every action anyone may take, and who may take it. Model functions ask
 * `requirePermission` before they read or write; loaders hand pages `allowed(...)` so that a
 * button shows exactly when its action would be permitted. The only place that reads a role.
 *
 * A resource narrows a rule: the event (assignments, 回避 by event) or the school (own data).
 * Adding a role means a line in ACCOUNT_ROLES, its rules here, its home in ROLE_HOME and its
 * words in the catalogues; nothing else.
 */
import { Refusal } from './refusal.ts';
import type { Actor } from './roles.ts';

export type Resource = { eventId?: number; schoolId?: number; userId?: number };
type Rule = (actor: Actor, resource: Resource) => boolean;

const admin: Rule = (a) => a.role === 'admin';
const arbiter: Rule = (a) => a.role === 'arbiter';
const anySchool: Rule = (a) => a.role === 'school' && a.schoolId !== null;
const ownSchool: Rule = (a, r) => a.role === 'school' && a.schoolId !== null && a.schoolId === r.schoolId;
const anyJudge: Rule = (a) => a.role === 'judge' && a.judgeId !== null;
const assignedJudge: Rule = (a, r) => anyJudge(a, r) && r.eventId !== undefined && a.assignments.has(r.eventId);
const scoringJudge: Rule = (a, r) => anyJudge(a, r) && r.eventId !== undefined && a.assignments.get(r.eventId) === 'scoring_judge';
const chiefJudge: Rule = (a, r) => anyJudge(a, r) && r.eventId !== undefined && a.assignments.get(r.eventId) === 'chief_judge';
const chiefOfAny: Rule = (a) => anyJudge(a, {}) && [...a.assignments.values()].includes('chief_judge');
const self: Rule = (a, r) => r.userId !== undefined && a.userId === r.userId;

export const PERMISSIONS = {
  // Desks: which pages a person may open at all (each page's data is checked again below).
  'desk:organiser': [admin],
  'desk:school': [anySchool],
  'desk:judge': [anyJudge],
  'desk:chief': [chiefOfAny],
  'desk:arbiter': [arbiter],
  'desk:registration': [admin, anySchool],
  'desk:judging': [admin, anyJudge],

  // The competition and the people in it.
  'competition:manage': [admin],
  'competition:read-draft': [admin],
  'account:manage': [admin],
  'session:revoke': [admin, self],
  'audit:read': [admin],
  'school:read': [admin, ownSchool],
  'school:list': [admin],
  'judge:list': [admin],

  // Registration.
  'team:register': [admin, ownSchool],
  'team:read': [admin, ownSchool],
  'team:list': [admin, anySchool],
  'team:review': [admin],
  'registration:import': [admin, anySchool],
  'personal-data:read': [admin, ownSchool],

  // An event's setup and its day: scheme, panel, check-in, draw, live settings.
  'event:manage': [admin],
  'event:unseal': [admin],
  'scheme:read': [admin, assignedJudge],
  'assignment:read-own': [anyJudge],

  // Marking.
  'mark:enter': [scoringJudge],
  'marking:review': [admin, chiefJudge],
  'marking:chief': [chiefJudge],
  /** A final's stage (路演 · 答辩): who presents and the clock, run by the chief judge or the organiser. */
  'stage:run': [admin, chiefJudge],
  'board:staff': [admin, chiefJudge],

  // Results, publication and after.
  'event:publish': [admin],
  'awards:read-unpublished': [admin, chiefJudge],
  'results:read-own': [admin, ownSchool],
  'appeal:file': [ownSchool],
  'appeal:decide': [arbiter],
  'appeal:list': [admin, arbiter],
  'appeal:reopen': [chiefJudge],
  'appeal:attachment': [admin, arbiter, chiefJudge, ownSchool],
  'nomination:review': [admin],
  'certificate:read': [admin, ownSchool],

  // Works-based competitions (创新创业, 文明风采): a school's entries and their files.
  'entry:submit': [admin, ownSchool],
  'entry:read': [admin, ownSchool],
  /** Reviewing online: judges' accounts, each only for the entries assigned to them (checked in the model). */
  'entry:review': [anyJudge],
  'review:assign': [admin],
} as const satisfies Record<string, readonly Rule[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** What an account may still do before it has replaced its one-time or reset password. */
const BEFORE_PASSWORD_CHANGE: readonly Action[] = ['session:revoke'];

export function can(actor: Actor | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  // Pages, the API and the socket alike: nothing else until the password is changed.
  if (actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.includes(action)) return false;
  return (PERMISSIONS[action] as readonly Rule[]).some((rule) => rule(actor, resource));
}

/** Refuses with 403 unless `can`; `code` names the refusal where a plainer word helps (not_own_team …). */
export function requirePermission(actor: Actor | null | undefined, action: Action, resource: Resource = {}, code = 'forbidden'): asserts actor is Actor {
  if (can(actor, action, resource)) return;
  if (actor?.mustChangePassword) throw new Refusal(403, 'password_change_required');
  throw new Refusal(403, code, { action });
}

/** What a loader hands its page: each action the actor may take on this resource, true or false. */
export function allowed<A extends Action>(actor: Actor | null | undefined, actions: readonly A[], resource: Resource = {}): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource)])) as Record<A, boolean>;
}
