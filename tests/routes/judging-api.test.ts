/** Judging through the JSON API of a real server, and the identity-leak crawl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from '../helpers/db.ts';
import { readyToScore, share } from '../helpers/judging.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let ready: ReturnType<typeof readyToScore>;
let judge: Client;
let chief: Client;
let codes: string[];

beforeAll(async () => {
  server = await startServer();
  ready = readyToScore(server.db);
  judge = new Client(server.url);
  chief = new Client(server.url);
  await judge.login('judge');
  await chief.login('chief');
  const sheets = await (await judge.fetch(`/api/v1/judge/events/${ready.event.id}/sheets`)).json();
  codes = sheets.sheets.map((s: { workCode: string }) => s.workCode);
});
afterAll(() => server.stop());

const put = (client: Client, body: Record<string, unknown>) => client.json('PUT', '/api/v1/marks', body);

describe('PUT /api/v1/marks', () => {
  it('stores a mark once, however often it is resent', async () => {
    const c = ready.scheme.criteria[0];
    const body = { eventId: ready.event.id, workCode: codes[0], criterionId: c.id, value: share(c, 0.5), idempotencyKey: 'resend-0001' };
    const first = await put(judge, body);
    expect(first.status).toBe(201);
    const before = count(server.db, 'marks');
    for (let i = 0; i < 3; i++) {
      const again = await put(judge, body);
      expect(again.status).toBe(200);
      expect((await again.json()).duplicate).toBe(true);
    }
    expect(count(server.db, 'marks')).toBe(before);
  });

  it('refuses with 4xx and writes nothing: unassigned judge, unknown code, foreign criterion, out of range, too many decimals', async () => {
    const c = ready.scheme.criteria.find((x) => !x.allOrNothing)!;
    const base = { eventId: ready.event.id, workCode: codes[1], criterionId: c.id, value: 0, idempotencyKey: 'refused-01' };
    const other = new Client(server.url);
    await other.login('j0001');
    const before = count(server.db, 'marks');
    expect((await put(other, base)).status).toBe(403);
    expect((await put(chief, base)).status).toBe(403);
    expect((await put(judge, { ...base, workCode: 'NOPE' })).status).toBe(404);
    expect((await put(judge, { ...base, criterionId: 1 })).status).toBe(422);
    const tooHigh = await put(judge, { ...base, value: c.maxMarks + 0.5 });
    expect(tooHigh.status).toBe(422);
    expect((await tooHigh.json()).error.message).toBe(`分值须在 0 到 ${c.maxMarks} 之间。`);
    expect((await put(judge, { ...base, value: 1.234 })).status).toBe(422);
    expect((await put(judge, { ...base, value: 'ten' })).status).toBe(400);
    expect((await put(judge, { ...base, idempotencyKey: 'x' })).status).toBe(400);
    expect((await judge.fetch('/api/v1/marks', { method: 'PUT', body: JSON.stringify(base), headers: { 'Content-Type': 'application/json' } })).status).toBe(403);
    expect(count(server.db, 'marks')).toBe(before);
  });

  it('refuses a mark on a submitted sheet', async () => {
    const sheetIds = new Set<number>();
    for (const c of ready.scheme.criteria) {
      const res = await put(judge, { eventId: ready.event.id, workCode: codes[2], criterionId: c.id, value: share(c, 0.6), idempotencyKey: `full-mark-${c.id}` });
      const stored = await res.json();
      expect(res.status, JSON.stringify(stored)).toBe(201);
      sheetIds.add(stored.sheetId);
    }
    const [sheetId] = [...sheetIds];
    expect((await judge.json('POST', `/api/v1/judge/sheets/${sheetId}/submit`)).status).toBe(200);
    const late = await put(judge, { eventId: ready.event.id, workCode: codes[2], criterionId: ready.scheme.criteria[0].id, value: 0, idempotencyKey: 'late-mark-1' });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('sheet_submitted');
  });
});

describe('lock and results over the API', () => {
  it('refuses to lock with sheets outstanding, and results before decryption', async () => {
    const lock = await chief.json('POST', `/api/v1/events/${ready.event.id}/lock`);
    expect(lock.status).toBe(409);
    expect((await lock.json()).error.code).toBe('sheets_outstanding');
    expect((await chief.fetch(`/api/v1/events/${ready.event.id}/results`)).status).toBe(409);
    expect((await judge.json('POST', `/api/v1/events/${ready.event.id}/lock`)).status).toBe(403);
    // The results workbook likewise: not before decryption, never for a scoring judge.
    expect((await chief.fetch(`/api/v1/events/${ready.event.id}/results.xlsx`)).status).toBe(409);
    expect((await judge.fetch(`/api/v1/events/${ready.event.id}/results.xlsx`)).status).toBe(403);
  });
});

describe('blank score sheets to print', () => {
  it('gives the judge one page per work code with every criterion and a box to write in', async () => {
    const res = await judge.fetch(`/judge/events/${ready.event.id}/print`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect((html.match(/class="print-page"/g) ?? []).length).toBe(codes.length);
    for (const code of codes) expect(html).toContain(`<strong>${code}</strong>`);
    expect((html.match(/class="print-box"/g) ?? []).length).toBe(codes.length * ready.scheme.criteria.length);
    expect(html).toContain('裁判签名');
    // Only a scoring judge of the event has its sheets.
    expect((await chief.fetch(`/judge/events/${ready.event.id}/print`)).status).toBeGreaterThanOrEqual(300);
  });
});

describe('the identity-leak crawl', () => {
  it('finds no team, school or contestant name and no 身份证号 in anything a judge can reach', async () => {
    const db = server.db.$client;
    const teamsOfEvent = db.prepare('select t.id, t.name, s.name school from teams t join schools s on s.id = t.school_id where t.event_id = ?').all(ready.event.id) as { id: number; name: string; school: string }[];
    const people = db.prepare('select c.name, c.id_number from contestants c join team_members m on m.contestant_id = c.id join teams t on t.id = m.team_id where t.event_id = ?').all(ready.event.id) as { name: string; id_number: string }[];
    const shownJudges = new Set((db.prepare('select name from judges').all() as { name: string }[]).map((j) => j.name));
    const forbidden = [
      ...teamsOfEvent.flatMap((t) => [t.name, t.school]),
      ...people.map((p) => p.id_number),
      // A contestant who shares a judge's name cannot be told apart from the judge's own name in the header.
      ...people.map((p) => p.name).filter((n) => !shownJudges.has(n)),
    ];
    expect(forbidden.length).toBeGreaterThan(20);

    // Follow every link from the judge's dashboard within the judge's pages, and every judge API.
    const seen = new Set<string>();
    const queue = ['/judge', `/judge/events/${ready.event.id}`];
    const bodies: [string, string][] = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await judge.fetch(path);
      const body = await res.text();
      bodies.push([path, body]);
      for (const [, href] of body.matchAll(/href="(\/(?:judge|chief)[^"#?]*)"/g)) if (!seen.has(href)) queue.push(href);
    }
    expect(seen.size).toBeGreaterThan(codes.length);
    for (const path of ['/api/v1/me', '/api/v1/judge/assignments', `/api/v1/judge/events/${ready.event.id}/sheets`]) {
      bodies.push([path, await (await judge.fetch(path)).text()]);
    }
    const c = ready.scheme.criteria[0];
    bodies.push(['PUT /api/v1/marks', await (await put(judge, { eventId: ready.event.id, workCode: codes[3], criterionId: c.id, value: 0, idempotencyKey: 'crawl-mark-1' })).text()]);
    for (const [path, body] of bodies) {
      for (const word of forbidden) expect(body.includes(word), `${path} shows “${word}”`).toBe(false);
    }
  });
});

describe('the marks endpoint’s own plumbing', () => {
  it('answers bad requests with the API’s JSON errors', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/marks`, { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    const text = await judge.fetch('/api/v1/marks', { method: 'PUT', body: 'value=1', headers: { 'Content-Type': 'text/plain', 'X-CSRF-Token': judge.csrf } });
    expect(text.status).toBe(415);
    const broken = await judge.fetch('/api/v1/marks', { method: 'PUT', body: '{"value":', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': judge.csrf } });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
    expect((await judge.fetch('/api/v1/marks')).status).toBe(405);
    expect((await judge.json('POST', '/api/v1/marks', {})).status).toBe(405);
    const unknownCode = await put(judge, { eventId: ready.event.id, workCode: 'NOPE', criterionId: 1, value: 0, idempotencyKey: 'unknown-code-1' });
    expect((await unknownCode.json()).error.message).toBe('该赛项没有作品编号 NOPE。');
  });
});
