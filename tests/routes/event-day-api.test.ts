/**
 * An event's day through the JSON API (#12), on the demo: check-in, panel, draw, the sealed desk and
 * its unseal, live settings; each with its 4xx on bad input and nothing written on refusal.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, judges, teams } from '#db/schema.ts';
import { loadScheme } from '#app/models/scheme.server.ts';
import { count } from '../helpers/db.ts';
import { Client, startServerAs, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;
let eventId: number;
beforeAll(async () => {
  ({ server, client: admin } = await startServerAs('admin'));
  eventId = server.db.select().from(events).where(eq(events.code, 'GZ058')).get()!.id;
});
afterAll(() => server.stop());

const body = async (res: Response) => res.json();

describe('an event’s day over the API', () => {
  it('checks teams in, refusing text ids and unknown teams, then draws; the desk is sealed until an audited unseal', async () => {
    const approved = server.db.select().from(teams).where(and(eq(teams.eventId, eventId), eq(teams.status, 'approved'))).all();
    expect(approved.length).toBeGreaterThan(1);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/check-ins`, { teamId: String(approved[0].id), status: 'present' })).status).toBe(400);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/draw`, {})).status).toBe(409);
    // With one team present and the rest not checked in, the draw says how many it would record absent.
    expect((await admin.json('POST', `/api/v1/events/${eventId}/check-ins`, { teamId: approved[0].id, status: 'present' })).status).toBe(200);
    const unconfirmed = await admin.json('POST', `/api/v1/events/${eventId}/draw`, {});
    expect(unconfirmed.status).toBe(409);
    expect((await body(unconfirmed)).error.message).toContain(`抽签后 ${approved.length - 1} 支未检录的队将记为缺考`);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/draw`, { confirmAbsent: String(approved.length - 1) })).status).toBe(400);
    const early = await admin.json('POST', `/api/v1/events/${eventId}/draw`, { confirmAbsent: approved.length - 1 });
    expect(early.status).toBe(200);
    // Redone, with a reason, before any mark: back at check-in, where the rest arrive after all.
    expect((await admin.json('POST', `/api/v1/events/${eventId}/redraw`, {})).status).toBe(400);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/redraw`, { reason: '其余各队抽签时尚未到达' })).status).toBe(200);
    for (const t of approved) expect((await admin.json('POST', `/api/v1/events/${eventId}/check-ins`, { teamId: t.id, status: 'present' })).status).toBe(200);
    const drawn = await admin.json('POST', `/api/v1/events/${eventId}/draw`, { seed: 'replayable-seed-2027' });
    expect(drawn.status).toBe(200);
    expect((await body(drawn)).seed).toBe('replayable-seed-2027');
    const desk = await body(await admin.fetch(`/api/v1/events/${eventId}/check-ins`));
    expect(desk.sealed).toBe(true);
    expect(desk.rows.every((r: { workCode: string | null }) => r.workCode === null)).toBe(true);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/unseal`, { reason: '' })).status).toBe(400);
    const unsealed = await body(await admin.json('POST', `/api/v1/events/${eventId}/unseal`, { reason: '赛位设备故障' }));
    expect(unsealed.sealed).toBe(false);
    expect(server.db.select().from(auditLog).where(eq(auditLog.action, 'event.unseal')).all()).toHaveLength(1);
  });

  it('assigns and revokes judges, with 回避 refused and a reason required', async () => {
    const panel = await body(await admin.fetch(`/api/v1/events/${eventId}/assignments`));
    expect(panel.assignments.length).toBeGreaterThan(0);
    const competing = server.db.select({ schoolId: teams.schoolId }).from(teams).where(eq(teams.eventId, eventId)).get()!;
    const conflicted = server.db.select().from(judges).where(eq(judges.affiliationSchoolId, competing.schoolId)).get();
    if (conflicted) {
      const refused = await admin.json('POST', `/api/v1/events/${eventId}/assignments`, { judgeId: conflicted.id, role: 'scoring_judge' });
      expect(refused.status).toBe(409);
      expect((await body(refused)).error.message).toContain('须回避');
    }
    const free = server.db.select().from(judges).where(eq(judges.affiliation, '企业测试')).get()
      ?? server.db.insert(judges).values({ userId: 1, name: '企业裁判', affiliation: '企业测试' }).returning().get();
    const created = await admin.json('POST', `/api/v1/events/${eventId}/assignments`, { judgeId: free.id, role: 'scoring_judge' });
    expect(created.status).toBe(201);
    const { id } = await body(created);
    const audits = count(server.db, 'audit_log');
    expect((await admin.json('POST', `/api/v1/assignments/${id}/revoke`, {})).status).toBe(400);
    expect(count(server.db, 'audit_log')).toBe(audits);
    expect(await body(await admin.json('POST', `/api/v1/assignments/${id}/revoke`, { reason: '改派' }))).toEqual({ id, revoked: true });
  });

  it('sets the live mode and freeze time, refusing what the scheme forbids', async () => {
    const judged = loadScheme(server.db, eventId)!.criteria.some((c) => c.kind === 'judgement');
    const named = await admin.json('PUT', `/api/v1/events/${eventId}/live`, { mode: 'named', freezeAt: null });
    // Names are never shown live where judges judge (a judge could match totals to teams).
    expect(named.status).toBe(judged ? 422 : 200);
    const ok = await admin.json('PUT', `/api/v1/events/${eventId}/live`, { mode: 'anonymous', freezeAt: '2026-12-30T15:00:00+08:00' });
    expect(ok.status).toBe(200);
    expect(server.db.select().from(events).where(eq(events.id, eventId)).get()!.freezeAt!.toISOString()).toBe('2026-12-30T07:00:00.000Z');
    expect((await admin.json('PUT', `/api/v1/events/${eventId}/live`, { mode: 'loud', freezeAt: null })).status).toBe(400);
  });

  it('reviews a nomination (404 with a message for one that does not exist), and keeps all of it from others', async () => {
    const missing = await admin.json('POST', '/api/v1/nominations/999999/review', { decision: 'confirmed' });
    expect(missing.status).toBe(404);
    const school = new Client(server.url);
    await school.login('school');
    expect((await school.json('POST', `/api/v1/events/${eventId}/draw`, {})).status).toBe(403);
    expect((await school.fetch(`/api/v1/events/${eventId}/check-ins`)).status).toBe(403);
  });
});
