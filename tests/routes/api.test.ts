/** The JSON API through a real server: login, sessions, tokens, errors, OpenAPI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../helpers/db.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';
import { issueApiToken } from '#app/models/api-token.server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ loginLimits: { perUserAndIp: 3, perUser: 100, perIp: 20, windowSeconds: 60, blockSeconds: 60 } });
});
afterAll(() => server.stop());

const client = () => new Client(server.url);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

describe('POST /api/v1/session', () => {
  it('logs in and returns the account and a CSRF token, with an httpOnly SameSite session cookie', async () => {
    const c = client();
    const res = await c.json('POST', '/api/v1/session', { username: 'admin', password: 'chuyi2026' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin', homePath: '/admin' });
    expect(body.csrfToken).toMatch(/.{32,}/);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('chuyi_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a wrong password with 401 and a Chinese message', async () => {
    const res = await client().json('POST', '/api/v1/session', { username: 'judge', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toEqual({ code: 'invalid_credentials', message: '用户名或密码错误。' });
  });

  it('answers in English when the reader chose English', async () => {
    const res = await client().json('POST', '/api/v1/session', { username: 'judge', password: 'wrong-password' }, { Cookie: 'lng=en' });
    expect((await errorOf(res)).message).toBe('Wrong username or password.');
  });

  it('rate-limits failed logins with 429, even for the right password', async () => {
    const c = client();
    for (let i = 0; i < 3; i++) expect((await c.json('POST', '/api/v1/session', { username: 'arbiter', password: 'nope' })).status).toBe(401);
    const res = await c.json('POST', '/api/v1/session', { username: 'arbiter', password: 'chuyi2026' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await errorOf(res)).message).toMatch(/登录失败次数过多/);
  });

  it('regression: a venue behind one address keeps logging in while one of its users guesses', async () => {
    // 20 failures from one address (as many usernames): the address is now suspect …
    const guesser = client();
    for (let i = 0; i < 20; i++) await guesser.json('POST', '/api/v1/session', { username: `nobody${i}`, password: 'nope' });
    const wrong = await guesser.json('POST', '/api/v1/session', { username: 'nobody-else', password: 'nope' });
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('Retry-After'))).toBeGreaterThan(0);
    // … yet a colleague at the same address, with the right password, logs in.
    const colleague = client();
    expect((await colleague.json('POST', '/api/v1/session', { username: 'school', password: 'chuyi2026' })).status).toBe(200);
  });

  it.each([
    ['not JSON', '{username', 'application/json', 400, 'invalid_json'],
    ['a form', 'username=a&password=b', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['missing fields', '{}', 'application/json', 400, 'invalid_input'],
    ['wrong types', '{"username":1,"password":[]}', 'application/json', 400, 'invalid_input'],
    ['an array', '[]', 'application/json', 400, 'invalid_input'],
  ])('refuses %s with a 4xx and a clear message', async (_what, body, type, status, code) => {
    const res = await fetch(`${server.url}/api/v1/session`, { method: 'POST', body, headers: { 'Content-Type': type } });
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    if (code === 'invalid_input' && body === '{}') expect(Object.keys(error.fields!)).toEqual(['username', 'password']);
  });

  it('answers GET with 405', async () => {
    const res = await client().fetch('/api/v1/session');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST, DELETE');
  });
});

describe('DELETE /api/v1/session', () => {
  it('needs the CSRF header for a cookie session', async () => {
    const c = client();
    await c.login('school');
    const res = await c.fetch('/api/v1/session', { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('csrf');
    expect((await c.fetch('/api/v1/me')).status).toBe(200);
  });

  it('revokes the session on the server, so a copied cookie no longer works', async () => {
    const c = client();
    await c.login('school');
    const stolen = c.cookieHeader();
    expect((await c.json('DELETE', '/api/v1/session')).status).toBe(204);
    const res = await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: stolen } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthenticated');
  });

  it('needs a session', async () => {
    expect((await client().json('DELETE', '/api/v1/session')).status).toBe(401);
  });
});

describe('GET /api/v1/me', () => {
  it('describes the chief judge with its per-event role', async () => {
    const c = client();
    await c.login('chief');
    const me = await (await c.fetch('/api/v1/me')).json();
    expect(me).toMatchObject({ username: 'chief', role: 'judge', homePath: '/chief' });
    expect(me.assignments).toEqual([{ eventId: expect.any(Number), role: 'chief_judge' }]);
  });

  it('accepts a bearer API token issued by an admin, and no forged one', async () => {
    const { token } = issueApiToken(server.db, actorOf(server.db, 'admin'), { userId: actorOf(server.db, 'judge').userId, name: 'test', expiresInDays: 1 });
    const ok = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await ok.json()).username).toBe('judge');
    const forged = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
  });

  it('is 401 without a session, also with a forged cookie', async () => {
    expect((await client().fetch('/api/v1/me')).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: 'chuyi_session=forged' } })).status).toBe(401);
  });
});

describe('GET /api/v1/competitions/current', () => {
  it('shows the public facts of the current competition', async () => {
    const res = await client().fetch('/api/v1/competitions/current');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.name).toBe('2026年“楚怡杯”湖南省职业院校技能竞赛');
    expect(body.phase).toBe('registration');
    expect(body.divisions.map((d: { code: string }) => d.code)).toEqual(['ZZ', 'GZ', 'JS']);
    expect(body.counts.events).toBeGreaterThanOrEqual(12);
    // Public: no personal data at all.
    expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it('refuses writes with 405', async () => {
    expect((await client().json('POST', '/api/v1/competitions/current', {})).status).toBe(405);
  });
});

describe('the API as a whole', () => {
  it('documents every path of this issue in OpenAPI 3.1, generated from the zod schemas', async () => {
    const doc = await (await client().fetch('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/me', '/api/v1/competitions/current']));
    expect(Object.keys(doc.paths['/api/v1/session'])).toEqual(expect.arrayContaining(['post', 'delete']));
    expect(doc.components.schemas.LoginRequest.required).toEqual(['username', 'password']);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await client().fetch('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found_api');
  });

  it('answers /healthz with the database checked', async () => {
    expect(await (await client().fetch('/healthz')).json()).toEqual({ ok: true, db: 'ok', version: expect.any(String) });
  });
});
