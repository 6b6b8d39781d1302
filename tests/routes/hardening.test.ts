/**
 * The edges of a real server (#11): strict JSON, plain-word validation messages, malformed URLs,
 * the CSP, oversized bodies beside normal traffic, the forced password change on the API and the
 * socket, and common passwords. Each `regression:` test failed on the code before the fix.
 */
import { request as httpRequest } from 'node:http';
import { eq } from 'drizzle-orm';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#db/schema.ts';
import { resetPassword } from '#app/models/account.server.ts';
import { returnTeam } from '#app/models/team-lifecycle.server.ts';
import { actorOf, count } from '../helpers/db.ts';
import { drawnCodes, readyToScore } from '../helpers/judging.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let ready: ReturnType<typeof readyToScore>;
let judge: Client;
let workCode: string;

beforeAll(async () => {
  server = await startServer();
  ready = readyToScore(server.db);
  judge = new Client(server.url);
  await judge.login('judge');
  workCode = drawnCodes(server.db, ready.event.id).find((d) => d.status === 'present')!.workCode!;
});
afterAll(() => server.stop());

const criterion = () => ready.scheme.criteria.find((c) => !c.allOrNothing && c.maxMarks >= 5)!;
const mark = (over: Record<string, unknown>) => ({ eventId: ready.event.id, workCode, criterionId: criterion().id, value: 1, idempotencyKey: `strict-${Math.random()}`, ...over });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

describe('strict JSON (defect 5)', () => {
  it('regression: PUT /api/v1/marks refuses a number sent as text, for the value and for the ids, and stores nothing', async () => {
    const before = count(server.db, 'marks');
    for (const body of [mark({ value: '5' }), mark({ eventId: String(ready.event.id) }), mark({ criterionId: String(criterion().id) })]) {
      const res = await judge.json('PUT', '/api/v1/marks', body);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_input');
      expect(Object.values(error.fields!).join()).toContain('请填写数字');
    }
    expect(count(server.db, 'marks')).toBe(before);
    expect((await judge.json('PUT', '/api/v1/marks', mark({ value: 5 }))).status).toBe(201);
  });

  it('regression: POST /api/v1/teams refuses "eventId" as text', async () => {
    const school = new Client(server.url);
    await school.login('school');
    const res = await school.json('POST', '/api/v1/teams', { eventId: String(ready.event.id) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields!.eventId).toContain('请填写数字');
  });
});

describe('validation messages in plain words (defect 8)', () => {
  it('regression: a value of 1e400 is “数值无效或过大”, not “期望 数字，实际接收 数字”', async () => {
    const body = JSON.stringify(mark({})).replace('"value":1', '"value":1e400');
    const res = await judge.fetch('/api/v1/marks', { method: 'PUT', body, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': judge.csrf } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.fields!.value).toBe('数值无效或过大，请填写正常的分数。');
    expect(JSON.stringify(error)).not.toMatch(/期望|实际接收|undefined/);
  });

  it('names a missing field as required and a wrong choice by its options', async () => {
    const res = await judge.json('PUT', '/api/v1/marks', { eventId: ready.event.id });
    const error = await errorOf(res);
    expect(error.fields!.workCode).toBe('此项必填。');
    expect(JSON.stringify(error)).not.toMatch(/期望|实际接收|undefined/);
  });
});

describe('registration ends with the draw (defect 6)', () => {
  it('regression: POST /api/v1/teams/:id/return on a checked-in team of a scoring event is 409, and the team stays approved', async () => {
    const admin = new Client(server.url);
    await admin.login('admin');
    const team = drawnCodes(server.db, ready.event.id).find((d) => d.status === 'present')!;
    const res = await admin.json('POST', `/api/v1/teams/${team.teamId}/return`, { reason: '材料不全' });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toContain('已抽签');
    expect(() => returnTeam(server.db, actorOf(server.db, 'admin'), team.teamId, '材料不全')).toThrow();
  });
});

describe('clean errors', () => {
  /** Raw paths, sent as they are (fetch would normalise them). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      const url = new URL(server.url);
      const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, type: String(res.headers['content-type']) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('regression: malformed URLs answer 4xx with no stack trace or server path, for pages and the API', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/api/v1/%', '/teams/%zz', '/results/%', '/live/%c0', '/build/%', '/api/v1/teams/%']) {
      const res = await raw(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toMatch(/node_modules|at .*\(|URIError|\/work\/|\.ts:\d/);
    }
    const api = await raw('/api/v1/%');
    expect(api.type).toContain('application/json');
    expect(JSON.parse(api.body).error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('Content-Security-Policy', () => {
  it('is on every page, allows inline scripts only with this response’s nonce, and every inline script carries it', async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/login', '/live', `/live/${ready.event.id}`, '/results', '/inheritors']) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get('Content-Security-Policy')!;
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      nonces.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attrs of scripts) expect(attrs, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(6);
  });

  it('leaves the built scripts with only what a script needs: no sniffing, same-origin use, cached for good', async () => {
    const html = await (await fetch(`${server.url}/live/${ready.event.id}`)).text();
    const script = /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(html)![1];
    const res = await fetch(server.url + script);
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    expect(res.headers.get('Content-Security-Policy')).toBeNull();
    // A missing build file is a clean 404: no page, no stack, no path.
    const missing = await fetch(`${server.url}/build/nothing-here.js`);
    expect(missing.status).toBe(404);
    const body = await missing.text();
    expect(body).not.toMatch(/at |\/work\/|node_modules|<script/);
  });
});

describe('oversized bodies', () => {
  it('regression: a 20 MB body gets 413 with the JSON error shape, while requests beside it are answered normally', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 'a');
    const school = new Client(server.url);
    await school.login('school');
    const [large, ...normal] = await Promise.all([
      fetch(`${server.url}/api/v1/teams`, { method: 'POST', body: big, headers: { 'Content-Type': 'application/json', Cookie: school.cookieHeader(), 'X-CSRF-Token': school.csrf } }),
      ...Array.from({ length: 10 }, () => fetch(`${server.url}/api/v1/competitions/current`)),
      fetch(`${server.url}/healthz`),
    ]);
    expect(large.status).toBe(413);
    expect((await errorOf(large)).code).toBe('body_too_large');
    for (const res of normal) expect(res.status).toBe(200);
    const mid = await fetch(`${server.url}/api/v1/teams`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 10, ' '), headers: { 'Content-Type': 'application/json', Cookie: school.cookieHeader(), 'X-CSRF-Token': school.csrf } });
    expect(mid.status).toBeLessThan(500);
    const marks = await judge.fetch('/api/v1/marks', { method: 'PUT', body: JSON.stringify({ pad: 'x'.repeat(20_000) }), headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': judge.csrf } });
    expect(marks.status).toBe(413);
    expect((await errorOf(marks)).code).toBe('body_too_large');
  });
});

describe('a forced password change', () => {
  it('regression: holds for the API and the socket, not only the pages', async () => {
    const user = server.db.select().from(users).where(eq(users.username, 'chief')).get()!;
    const client = new Client(server.url);
    expect((await client.login('chief')).status).toBe(200);
    await resetPassword(server.db, actorOf(server.db, 'admin'), user.id, 'a-fresh-one-time-pw');
    // The reset ended the old sessions; the one-time password logs in, but nothing else works.
    expect((await client.login('chief', 'a-fresh-one-time-pw')).status).toBe(200);
    const res = await client.fetch(`/api/v1/events/${ready.event.id}/results`);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('password_change_required');
    expect((await client.json('POST', `/api/v1/events/${ready.event.id}/lock`)).status).toBe(403);
    const socket = connect(`${server.url}/live`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: client.cookieHeader() } });
    try {
      const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', { scope: 'event', eventId: ready.event.id, audience: 'staff' }, resolve));
      expect(ack.ok).toBe(false);
    } finally {
      socket.close();
    }
  });
});

describe('common passwords', () => {
  it('regression: 12345678 is refused as a new password, with a reason, at the model', async () => {
    const school = actorOf(server.db, 'school');
    await expect(resetPassword(server.db, actorOf(server.db, 'admin'), school.userId, '12345678')).rejects.toMatchObject({ status: 422, code: 'password_common' });
    await expect(resetPassword(server.db, actorOf(server.db, 'admin'), school.userId, 'Password1')).rejects.toMatchObject({ code: 'password_common' });
  });
});

describe('a form posted without scripts', () => {
  it('regression: a page’s form posts with the page’s own origin, and an opaque “null” origin is left to the CSRF token instead of a 500', async () => {
    // Under helmet's default no-referrer a browser sent `Origin: null` with every plain form post,
    // and Remix answered it with 500: a judge whose scripts had not loaded could not log in.
    const page = await fetch(`${server.url}/login`);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const client = new Client(server.url);
    await client.page('/login');
    const post = (origin: string) =>
      client.fetch('/login', { method: 'POST', body: new URLSearchParams({ _csrf: client.csrf, username: 'admin', password: 'chuyi2026' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin } });
    expect((await post('null')).status).toBe(302);
    const again = new Client(server.url);
    await again.page('/login');
    const own = await again.fetch('/login', { method: 'POST', body: new URLSearchParams({ _csrf: again.csrf, username: 'admin', password: 'chuyi2026' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url } });
    expect(own.status).toBe(302);
    // A foreign origin is still refused before anything runs.
    const foreign = await again.fetch('/login', { method: 'POST', body: new URLSearchParams({ _csrf: again.csrf, username: 'admin', password: 'chuyi2026' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });
});
