/** The organiser's remaining API twins (#12): the scheme, accounts, publishing a year, confirming nominations. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, users } from '#db/schema.ts';
import { count } from '../helpers/db.ts';
import { Client, startServerAs, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  ({ server, client: admin } = await startServerAs('admin'));
});
afterAll(() => server.stop());

const body = async (res: Response) => res.json();
const actions = () => server.db.select({ action: auditLog.action }).from(auditLog).all().map((a) => a.action);

describe('the organiser’s API twins', () => {
  it('replaces an event’s scheme, refusing one whose criteria do not add up, writing nothing then', async () => {
    const event = server.db.select().from(events).where(eq(events.code, 'GZ058')).get()!;
    const scheme = { expectedTotal: 100, modules: [{ code: 'A', name: '方案设计', criteria: [{ code: 'A1', name: '需求分析', maxMarks: 40, decimals: 1, kind: 'judgement' }, { code: 'A2', name: '实施', maxMarks: 50, decimals: 0, kind: 'measurement' }] }] };
    const before = count(server.db, 'criteria');
    const bad = await admin.json('PUT', `/api/v1/events/${event.id}/scheme`, scheme);
    expect(bad.status).toBe(422);
    expect((await body(bad)).error.message).toContain('90');
    expect(count(server.db, 'criteria')).toBe(before);
    expect((await admin.json('PUT', `/api/v1/events/${event.id}/scheme`, { ...scheme, expectedTotal: '100' })).status).toBe(400);
    const ok = await admin.json('PUT', `/api/v1/events/${event.id}/scheme`, { ...scheme, expectedTotal: 90 });
    expect(ok.status).toBe(200);
    expect((await body(ok)).criteria.map((c: { code: string }) => c.code)).toEqual(['A1', 'A2']);
    expect((await body(await admin.fetch(`/api/v1/events/${event.id}/scheme`))).total).toBe(90);
  });

  it('creates an account, resets a password (common ones refused), and issues a token', async () => {
    const created = await admin.json('POST', '/api/v1/accounts', { role: 'arbiter', username: 'arbiter2', displayName: '仲裁二组', password: '岳麓书院-千年学府' });
    expect(created.status).toBe(201);
    const { userId } = await body(created);
    expect((await admin.json('POST', '/api/v1/accounts', { role: 'arbiter', username: 'arbiter2', displayName: 'x', password: '岳麓书院-千年学府' })).status).toBe(409);
    expect((await admin.json('POST', '/api/v1/accounts', { role: 'school', username: 'school9', displayName: 'x', password: '岳麓书院-千年学府' })).status).toBe(400);
    const weak = await admin.json('POST', `/api/v1/accounts/${userId}/password`, { password: '12345678' });
    expect(weak.status).toBe(422);
    expect((await body(weak)).error.code).toBe('password_common');
    expect((await admin.json('POST', `/api/v1/accounts/${userId}/password`, { password: '爱晚亭前-枫叶正红' })).status).toBe(200);
    expect(server.db.select().from(users).where(eq(users.id, userId)).get()!.mustChangePassword).toBe(true);
    const token = await admin.json('POST', `/api/v1/accounts/${userId}/tokens`, { name: '对接系统' });
    expect(token.status).toBe(201);
    expect((await body(token)).token).toMatch(/^cy_/);
    for (const a of ['account.create', 'account.reset_password']) expect(actions()).toContain(a);
  });

  it('publishes a year’s locked events (none yet), and refuses an empty list of nominations', async () => {
    const competitionId = (server.db.$client.prepare('select id from competitions').get() as { id: number }).id;
    expect(await body(await admin.json('POST', `/api/v1/competitions/${competitionId}/publish`))).toEqual({ published: [] });
    expect((await admin.json('POST', '/api/v1/nominations/confirm', { nominationIds: [] })).status).toBe(400);
    const school = new Client(server.url);
    await school.login('school');
    expect((await school.json('POST', '/api/v1/accounts', { role: 'admin', username: 'x', displayName: 'x', password: '岳麓书院-千年学府' })).status).toBe(403);
  });
});
