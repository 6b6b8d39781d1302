import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { auditLog, judges, sessions, users } from '#db/schema.ts';
import { changeOwnPassword, createAccount, listAccounts, loadActor, resetPassword, verifyLogin } from '#app/models/account.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { createSession, findSession } from '#app/models/session.server.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';
import { asyncRefusal } from '../helpers/refusal.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

const judgeInput = (username: string) => ({
  role: 'judge' as const,
  username,
  displayName: '李裁判',
  password: 'judge-password-1',
  affiliationSchoolId: 5,
  affiliation: undefined,
  schoolId: undefined,
  title: '高级工程师',
  phone: '13912345678',
});


describe('accounts', () => {
  it('lets an admin create a judge account with its judge record and audits both', async () => {
    const admin = actorOf(db, 'admin');
    const before = count(db, 'audit_log');
    const { userId } = await createAccount(db, admin, judgeInput('new-judge'));
    const judge = db.select().from(judges).where(eq(judges.userId, userId)).get()!;
    expect(judge.affiliationSchoolId).toBe(5);
    expect(judge.affiliation).toBeTruthy();
    expect(count(db, 'audit_log')).toBe(before + 2);
    const entry = db.select().from(auditLog).where(eq(auditLog.action, 'account.create')).all().at(-1)!;
    expect(JSON.stringify(entry.after)).not.toContain('argon2');
    expect(entry.actorUserId).toBe(admin.userId);
    const login = await verifyLogin(db, 'NEW-JUDGE', 'judge-password-1');
    expect(login.ok).toBe(true);
  });

  it('refuses account creation to anyone but an admin, writing nothing', async () => {
    const users0 = count(db, 'users');
    for (const who of ['school', 'judge', 'chief', 'arbiter']) {
      const e = await asyncRefusal(createAccount(db, actorOf(db, who), judgeInput(`x-${who}`)));
      expect(e.status).toBe(403);
    }
    expect(count(db, 'users')).toBe(users0);
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const e = await asyncRefusal(createAccount(db, actorOf(db, 'admin'), judgeInput('ADMIN')));
    expect([e.status, e.code]).toEqual([409, 'username_taken']);
  });

  it('refuses a school account without a school', async () => {
    const e = await asyncRefusal(createAccount(db, actorOf(db, 'admin'), { ...judgeInput('s-none'), role: 'school', schoolId: undefined }));
    expect(e.code).toBe('school_required');
  });

  it('reset revokes every session and makes the account change its password', async () => {
    const school = actorOf(db, 'school');
    const { token } = createSession(db, school, {});
    expect(findSession(db, token)).not.toBeNull();
    await resetPassword(db, actorOf(db, 'admin'), school.userId, 'brand-new-password');
    expect(findSession(db, token)).toBeNull();
    expect(db.select().from(users).where(eq(users.id, school.userId)).get()!.mustChangePassword).toBe(true);
    expect((await verifyLogin(db, 'school', 'brand-new-password')).ok).toBe(true);
    expect((await verifyLogin(db, 'school', 'chuyi2026')).ok).toBe(false);
    expect((await asyncRefusal(resetPassword(db, school, school.userId, 'whatever-123'))).status).toBe(403);
  });

  it('changing one’s own password needs the current one and keeps only the current session', async () => {
    const arbiter = actorOf(db, 'arbiter');
    const a = createSession(db, arbiter, {});
    const b = createSession(db, arbiter, {});
    expect((await asyncRefusal(changeOwnPassword(db, arbiter, { current: 'wrong', password: 'another-password' }, a.sessionId))).code).toBe('wrong_password');
    await changeOwnPassword(db, arbiter, { current: 'chuyi2026', password: 'another-password' }, a.sessionId);
    expect(findSession(db, a.token)).not.toBeNull();
    expect(findSession(db, b.token)).toBeNull();
  });

  it('tells a wrong password from a disabled account, and both from success', async () => {
    expect(await verifyLogin(db, 'nobody-here', 'x')).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(await verifyLogin(db, 'judge', 'wrong')).toEqual({ ok: false, code: 'invalid_credentials' });
    const judge = actorOf(db, 'judge');
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, judge.userId)).run();
    expect(await verifyLogin(db, 'judge', 'chuyi2026')).toEqual({ ok: false, code: 'account_disabled' });
    expect(loadActor(db, judge.userId)).toBeNull();
    db.update(users).set({ disabledAt: null }).where(eq(users.id, judge.userId)).run();
  });

  it('loads a chief judge with its per-event role', () => {
    const chief = actorOf(db, 'chief');
    expect([...chief.assignments.values()]).toEqual(['chief_judge']);
    expect(actorOf(db, 'judge').assignments.size).toBe(1);
  });

  it('lists accounts to admins only, filtered', () => {
    const schools = listAccounts(db, actorOf(db, 'admin'), { role: 'school', q: '湖南铁道' }).accounts;
    expect(schools.length).toBeGreaterThanOrEqual(2);
    expect(schools.every((a) => a.role === 'school')).toBe(true);
    // Pages of the whole list: every account once, the last page whatever page is asked past it.
    const admin = actorOf(db, 'admin');
    const first = listAccounts(db, admin, {}, { limit: 20 });
    const all = Array.from({ length: first.pages }, (_, i) => listAccounts(db, admin, {}, { page: i + 1, limit: 20 }).accounts.map((a) => a.id)).flat();
    expect(new Set(all).size).toBe(first.total);
    expect(listAccounts(db, admin, {}, { page: 999, limit: 20 }).page).toBe(first.pages);
    // What is typed is matched as written: _ is not a wildcard.
    expect(listAccounts(db, admin, { q: '_' }).total).toBe(0);
    expect(() => listAccounts(db, actorOf(db, 'school'))).toThrow(ModelError);
  });

  it('keeps sessions server-side with only a hash of the token', () => {
    const { token, sessionId } = createSession(db, actorOf(db, 'admin'), { userAgent: 'test' });
    const row = db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!;
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
