/** Accounts: who can log in, with which role, bound to which school or judge record. */
import { and, asc, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { AccountSort } from '#app/domain/list-orders.ts';
import { atomically, type Db } from '#db/client.ts';
import { judgeAssignments, judges, schools, sessions, users } from '#db/schema.ts';
import { isCommonPassword } from '#app/auth/common-passwords.server.ts';
import { PASSWORD_MIN_LENGTH } from '#app/auth/password-policy.ts';
import { hashPassword, verifyDecoy, verifyPassword } from '#app/auth/password.server.ts';
import { SYSTEM_ACTOR, type Actor, type AssignmentRole } from '#app/domain/roles.ts';
import type { CreateAccountInput } from '#app/schemas/account.server.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { contains, pageWindow } from './search.server.ts';
import { conflict, ModelError, notFound } from './errors.ts';
import { prepared } from './prepared.server.ts';

type UserRow = typeof users.$inferSelect;

function requireAdmin(actor: Actor) {
  requirePermission(actor, 'account:manage');
}

/** The actor a logged-in account acts as; null for a disabled or unknown account. */
export function loadActor(db: Db, userId: number): Actor | null {
  // Runs on every request: the three queries are prepared once per connection.
  const q = prepared(db, 'actor', () => ({
    user: db.select().from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
    judge: db.select({ id: judges.id }).from(judges).where(eq(judges.userId, sql.placeholder('userId'))).prepare(),
    assignments: db
      .select({ eventId: judgeAssignments.eventId, role: judgeAssignments.role })
      .from(judgeAssignments)
      .where(and(eq(judgeAssignments.judgeId, sql.placeholder('judgeId')), isNull(judgeAssignments.revokedAt)))
      .prepare(),
  }));
  const user = q.user.get({ userId });
  if (!user || user.disabledAt) return null;
  const judge = user.role === 'judge' ? q.judge.get({ userId }) : undefined;
  const assignments = new Map<number, AssignmentRole>();
  if (judge) for (const r of q.assignments.all({ judgeId: judge.id })) assignments.set(r.eventId, r.role);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    schoolId: user.role === 'school' ? user.schoolId : null,
    judgeId: judge?.id ?? null,
    assignments,
    mustChangePassword: user.mustChangePassword,
  };
}

export type LoginOutcome = { ok: true; user: UserRow } | { ok: false; code: 'invalid_credentials' | 'account_disabled' };

/** What the audit log keeps of an account: everything but the password hash. */
const withoutSecret = ({ passwordHash: _hash, ...user }: UserRow) => user;

/** Whether any administrator account exists: until one does, `npm run setup` or /setup creates it. */
export function hasAdmin(db: Db): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1).get();
}

/**
 * The first administrator of a fresh install, with the password its owner chose (no default
 * password ever exists). Refused once any administrator exists, so /setup closes itself.
 */
export async function createFirstAdmin(db: Db, input: { username: string; displayName: string; password: string }, ip: string | null = null): Promise<{ userId: number }> {
  requireAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return atomically(db, (tx) => {
    if (hasAdmin(tx)) throw new ModelError(409, 'setup_done');
    if (usernameTaken(tx, input.username)) throw conflict('username_taken', { username: input.username }, { username: 'errors.username_taken' });
    const user = tx.insert(users).values({ username: input.username, displayName: input.displayName, passwordHash, role: 'admin', passwordChangedAt: new Date() }).returning().get();
    recordAudit(tx, { ...SYSTEM_ACTOR, ip }, { action: 'account.create_first_admin', entity: 'user', entityId: user.id, after: withoutSecret(user) });
    return { userId: user.id };
  });
}

/** A new password is long enough and not one of the passwords most often seen in leaks. */
function requireAcceptablePassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new ModelError(422, 'password_too_short', { min: PASSWORD_MIN_LENGTH }, { password: 'errors.password_too_short' });
  if (isCommonPassword(password)) throw new ModelError(422, 'password_common', {}, { password: 'errors.password_common' });
}

/** Checks a username and password; unknown names cost the same time as wrong passwords. */
export async function verifyLogin(db: Db, username: string, password: string): Promise<LoginOutcome> {
  const user = db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username.trim()})`)
    .get();
  if (!user) {
    await verifyDecoy(password);
    return { ok: false, code: 'invalid_credentials' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, code: 'invalid_credentials' };
  if (user.disabledAt) return { ok: false, code: 'account_disabled' };
  return { ok: true, user };
}

function usernameTaken(db: Db, name: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${name})`).get();
}

/** Admin creates an account; a judge account also gets its judge record (affiliation, for 回避). */
export async function createAccount(db: Db, actor: Actor, given: CreateAccountInput): Promise<{ userId: number }> {
  requireAdmin(actor);
  // A judge's school can only be the one they teach at (for 回避): the form offers one school list.
  const input = given.role === 'judge' && given.affiliationSchoolId == null ? { ...given, affiliationSchoolId: given.schoolId, schoolId: undefined } : given;
  if (usernameTaken(db, input.username)) {
    throw conflict('username_taken', { username: input.username }, { username: 'errors.username_taken' });
  }
  if (input.role === 'school' && input.schoolId == null) throw new ModelError(422, 'school_required', {}, { schoolId: 'errors.school_required' });
  for (const schoolId of [input.schoolId, input.affiliationSchoolId]) {
    if (schoolId != null && !db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).get()) {
      throw new ModelError(422, 'school_not_found');
    }
  }
  requireAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return atomically(db, (tx) => {
    const user = tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        schoolId: input.role === 'school' ? input.schoolId : null,
        mustChangePassword: true,
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'account.create', entity: 'user', entityId: user.id, after: withoutSecret(user) });
    if (input.role === 'judge') {
      const affiliationSchool = input.affiliationSchoolId
        ? tx.select({ name: schools.name }).from(schools).where(eq(schools.id, input.affiliationSchoolId)).get()
        : undefined;
      const judge = tx
        .insert(judges)
        .values({
          userId: user.id,
          name: input.displayName,
          title: input.title ?? null,
          affiliationSchoolId: input.affiliationSchoolId ?? null,
          affiliation: input.affiliation ?? affiliationSchool?.name ?? '',
          phone: input.phone ?? null,
        })
        .returning()
        .get();
      recordAudit(tx, actor, { action: 'judge.create', entity: 'judge', entityId: judge.id, after: judge });
    }
    return { userId: user.id };
  });
}

/** Admin sets a new password; the account must change it at next login and loses every session. */
export async function resetPassword(db: Db, actor: Actor, userId: number, password: string): Promise<void> {
  requireAdmin(actor);
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound('account_not_found');
  requireAcceptablePassword(password);
  const passwordHash = await hashPassword(password);
  atomically(db, (tx) => {
    const now = new Date();
    tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: now }).where(eq(users.id, userId)).run();
    tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run();
    recordAudit(tx, actor, { action: 'account.reset_password', entity: 'user', entityId: userId, reason: 'admin reset' });
  });
}

/** A person changes their own password, keeping only the session they are using. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { current: string; password: string },
  keepSessionId: number | null,
): Promise<void> {
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw notFound('account_not_found');
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    throw new ModelError(422, 'wrong_password', {}, { current: 'errors.wrong_password' });
  }
  requireAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  atomically(db, (tx) => {
    const now = new Date();
    tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, user.id)).run();
    tx.update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, user.id),
          isNull(sessions.revokedAt),
          keepSessionId == null ? undefined : sql`${sessions.id} <> ${keepSessionId}`,
        ),
      )
      .run();
    recordAudit(tx, actor, { action: 'account.change_password', entity: 'user', entityId: user.id });
  });
}

export function mustChangePassword(db: Db, userId: number): boolean {
  return !!db.select({ m: users.mustChangePassword }).from(users).where(eq(users.id, userId)).get()?.m;
}

function accountOrder(sort: AccountSort) {
  switch (sort) {
    case 'username':
      return [asc(users.username), asc(users.id)];
    case 'name':
      return [asc(users.displayName), asc(users.id)];
    case 'newest':
      return [desc(users.createdAt), desc(users.id)];
    case 'role':
      return [asc(users.role), asc(users.username), asc(users.id)];
  }
}

export type AccountFilter = { role?: UserRow['role']; q?: string; sort?: AccountSort };

export const ACCOUNTS_PAGE_SIZE = 50;

/** One page of the accounts (by role and username unless asked otherwise), with the total and the number of pages. */
export function listAccounts(db: Db, actor: Actor, filter: AccountFilter = {}, { page = 1, limit = ACCOUNTS_PAGE_SIZE } = {}) {
  requireAdmin(actor);
  const q = filter.q?.trim();
  const where = and(
    filter.role ? eq(users.role, filter.role) : undefined,
    q ? or(contains(users.username, q), contains(users.displayName, q), contains(schools.name, q)) : undefined,
  );
  const total = db.select({ n: count() }).from(users).leftJoin(schools, eq(schools.id, users.schoolId)).where(where).get()?.n ?? 0;
  const { page: current, pages, offset } = pageWindow(total, page, limit);
  const accounts = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      schoolName: schools.name,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(where)
    .orderBy(...accountOrder(filter.sort ?? 'role'))
    .limit(limit)
    .offset(offset)
    .all();
  return { accounts, total, page: current, pages };
}
