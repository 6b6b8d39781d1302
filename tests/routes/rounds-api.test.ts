/** Rounds and advancement over the JSON API (#15): 4xx on bad input, the cut, a withdrawal, the recommendation. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '#db/schema.ts';
import { resolveFlag } from '#app/models/mark.server.ts';
import { openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { markAll, readyToScore, share } from '../helpers/judging.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;
let eventId: number;
beforeAll(async () => {
  server = await startServer();
  admin = new Client(server.url);
  await admin.login('admin');
  const ready = readyToScore(server.db, 'GZ012');
  eventId = ready.event.id;
  const present = ready.desk.filter((d) => d.status === 'present');
  const level = new Map(present.map((d, i) => [d.workCode!, 0.95 - 0.02 * i]));
  markAll(server.db, ready, (_j, code, c) => share(c, level.get(code)!));
  for (const f of openFlags(server.db, ready.chief, eventId)) resolveFlag(server.db, ready.chief, f.id, '维持');
  lockEvent(server.db, ready.chief, eventId);
});
afterAll(() => server.stop());

const body = async (res: Response) => (await res.json()) as Record<string, any>;

describe('rounds over the API', () => {
  it('refuses bad rounds with a 4xx that says why, in Chinese', async () => {
    const post = (b: unknown) => admin.json('POST', `/api/v1/events/${eventId}/rounds`, b);
    expect((await post({ name: '', rule: { top: 3 } })).status).toBe(400);
    expect((await post({ name: '选拔赛', rule: { top: '3' } })).status).toBe(400);
    expect((await post({ name: '选拔赛', rule: { topPercent: 25.555 } })).status).toBe(400);
    const empty = await post({ name: '选拔赛', rule: {} });
    expect(empty.status).toBe(422);
    expect((await body(empty)).error).toMatchObject({ code: 'advancement_rule_empty', message: expect.stringMatching(/前 N 名/) });
    const weights = await post({ name: '选拔赛', rule: { top: 3 }, basis: [{ roundId: eventId, weightPercent: 90 }] });
    expect([weights.status, (await body(weights)).error.code]).toEqual([422, 'round_weights_sum']);
    const school = new Client(server.url);
    await school.login('school');
    expect((await school.json('POST', `/api/v1/events/${eventId}/rounds`, { name: '选拔赛', rule: { top: 3 } })).status).toBe(403);
    expect((await admin.fetch(`/api/v1/events/${eventId}/rounds`, { method: 'POST', body: JSON.stringify({ name: '选拔赛', rule: { top: 3 } }), headers: { 'Content-Type': 'application/json' } })).status).toBe(403);
  });

  it('declares a round, previews and makes the cut, replaces a withdrawal, and makes the recommendation list', async () => {
    const created = await admin.json('POST', `/api/v1/events/${eventId}/rounds`, { name: '选拔赛第一阶段', rule: { top: 3, perSchool: 1, minEntrants: 2 } });
    expect(created.status).toBe(201);
    const roundId = (await body(created)).id as number;
    const rounds = await body(await admin.fetch(`/api/v1/events/${eventId}/rounds`));
    expect(rounds.rounds.map((r: { roundName: string }) => r.roundName)).toEqual(['省赛', '选拔赛第一阶段']);

    const preview = await body(await admin.fetch(`/api/v1/events/${roundId}/advancement`));
    expect(preview.advancing).toHaveLength(3);
    expect(preview.explanation.join('')).toContain('晋级名额 3 队');
    const changed = await admin.json('PUT', `/api/v1/events/${roundId}/advancement`, { rule: { top: 4, perSchool: 1, minEntrants: 2 }, reason: '名额调整为 4 队' });
    expect(changed.status).toBe(200);
    expect((await body(changed)).advancing).toHaveLength(4);
    expect((await admin.json('PUT', `/api/v1/events/${roundId}/advancement`, { rule: { top: 4 } })).status).toBe(400);

    expect((await admin.fetch(`/api/v1/events/${roundId}/advance`, { method: 'POST' })).status).toBe(403);
    const made = await admin.json('POST', `/api/v1/events/${roundId}/advance`);
    expect(made.status).toBe(200);
    expect((await body(made)).advanced).toBe(4);
    expect((await admin.json('POST', `/api/v1/events/${roundId}/advance`)).status).toBe(409);

    const advancementId = server.db.$client.prepare('select id from advancements where to_event_id = ? order by rank limit 1').pluck().get(roundId) as number;
    expect((await admin.json('POST', `/api/v1/advancements/${advancementId}/withdraw`, { reason: '' })).status).toBe(400);
    const withdrawn = await admin.json('POST', `/api/v1/advancements/${advancementId}/withdraw`, { reason: '选手因伤退出' });
    expect(withdrawn.status).toBe(200);
    expect((await body(withdrawn)).replacement).toMatchObject({ rank: 5 });

    // The recommendation: not before it is made; a rule, then the list from the last round once locked.
    expect((await admin.fetch(`/api/v1/events/${eventId}/recommendation`)).status).toBe(404);
    expect((await admin.json('PUT', `/api/v1/events/${eventId}/recommendation`, { rule: { top: 2 } })).status).toBe(200);
    const early = await admin.json('POST', `/api/v1/events/${eventId}/recommend`);
    expect([early.status, (await body(early)).error.code]).toEqual([409, 'round_source_not_locked']);
    expect(server.db.select().from(events).where(eq(events.id, roundId)).get()!.status).toBe('scheduled');

    const doc = await body(await admin.fetch('/api/v1/openapi.json'));
    for (const path of ['/api/v1/events/{id}/rounds', '/api/v1/events/{id}/advancement', '/api/v1/events/{id}/advance', '/api/v1/advancements/{id}/withdraw', '/api/v1/events/{id}/recommendation', '/api/v1/events/{id}/recommend', '/api/v1/events/{id}/recommendation.xlsx']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/events/{id}/recommendation'])).toEqual(['get', 'put']);
  });
});
