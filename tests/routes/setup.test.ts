/** A fresh install without the demo: the first administrator, by page and by `npm run setup`. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '#db/schema.ts';
import { closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { count } from '../helpers/db.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO: 'false' } });
});
afterAll(() => server.stop());

describe('the first run', () => {
  it('starts empty, with no account and no default password', () => {
    expect(count(server.db, 'users')).toBe(0);
    expect(count(server.db, 'competitions')).toBe(0);
  });

  it('creates the first administrator on /setup, refuses a common password, then closes the page', async () => {
    const person = new Client(server.url);
    const { res, html } = await person.page('/setup');
    expect(res.status).toBe(200);
    expect(html).toContain('创建管理员');
    const forged = await person.postForm('/setup', { username: 'office', displayName: '组委会办公室', password: '湘江北去-橘子洲头', confirm: '湘江北去-橘子洲头' }, { csrf: false });
    expect(forged.status).toBe(403);
    const weak = await person.postForm('/setup', { username: 'office', displayName: '组委会办公室', password: 'password1', confirm: 'password1' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('这个密码太常见');
    expect(count(server.db, 'users')).toBe(0);
    const done = await person.postForm('/setup', { username: 'office', displayName: '组委会办公室', password: '湘江北去-橘子洲头', confirm: '湘江北去-橘子洲头' });
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/admin');
    expect((await person.page('/admin')).res.status).toBe(200);
    const admin = server.db.select().from(users).where(eq(users.username, 'office')).get()!;
    expect(admin).toMatchObject({ role: 'admin', mustChangePassword: false });
    // Audited, and the audit keeps no password hash.
    const audit = server.db.select().from(auditLog).where(eq(auditLog.action, 'account.create_first_admin')).get()!;
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash/);
    // Now closed, for everyone.
    expect((await new Client(server.url).fetch('/setup')).status).toBe(404);
    const again = await new Client(server.url).fetch('/setup', { method: 'POST', body: new URLSearchParams({ username: 'x', displayName: 'x', password: 'a-b-c-d-e-f', confirm: 'a-b-c-d-e-f' }) });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(count(server.db, 'users')).toBe(1);
  });
});

describe('npm run setup', () => {
  const run = promisify(execFile);
  it('creates the first administrator from SETUP_PASSWORD, and refuses a second time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'chuyi-setup-')), 'setup.db');
    const env = { ...process.env, DATABASE_PATH: path, SEED_DEMO: 'false', SETUP_PASSWORD: '岳麓山下-爱晚亭前' };
    const first = await run('node', ['--import', 'tsx', 'scripts/setup.ts', '--username', 'chief-office'], { env });
    expect(first.stdout).toContain('已创建管理员 chief-office');
    const second = await run('node', ['--import', 'tsx', 'scripts/setup.ts'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((second as { code: number }).code).toBe(1);
    expect((second as { stderr: string }).stderr).toContain('已有管理员账号');
    const db = openMigratedDatabase(path);
    expect(db.select().from(users).all().map((u) => [u.username, u.role])).toEqual([['chief-office', 'admin']]);
    closeDatabase(db);
  }, 60_000);
});
