/** The pages through a real server: login, dashboards per role, CSRF on every form action. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerBuild } from '@remix-run/node';
import { count } from '../helpers/db.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const DEMO = ['admin', 'school', 'judge', 'chief', 'arbiter'] as const;
const HOME: Record<(typeof DEMO)[number], string> = { admin: '/admin', school: '/school', judge: '/judge', chief: '/chief', arbiter: '/arbiter' };

async function loggedIn(username: string): Promise<Client> {
  const c = new Client(server.url);
  const res = await c.loginWithForm(username);
  expect(res.status, `login of ${username}`).toBe(302);
  return c;
}

describe('login page', () => {
  it.each(DEMO)('logs %s in and sends it to its own dashboard', async (username) => {
    const c = new Client(server.url);
    const res = await c.loginWithForm(username);
    expect(res.headers.get('Location')).toBe(HOME[username]);
    const { res: page, html } = await c.page(HOME[username]);
    expect(page.status).toBe(200);
    expect(html).toContain('退出登录');
  });

  it('shows a wrong password on the form, in Chinese, with 401', async () => {
    const c = new Client(server.url);
    await c.page('/login');
    const res = await c.postForm('/login', { username: 'admin', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('用户名或密码错误');
  });

  it('refuses a login form without its CSRF token', async () => {
    const c = new Client(server.url);
    await c.page('/login');
    const res = await c.postForm('/login', { username: 'admin', password: 'chuyi2026' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((l) => l.startsWith('chuyi_session='))).toBe(false);
  });

  it('refuses a mutation sent from another origin', async () => {
    const c = new Client(server.url);
    await c.page('/login');
    const res = await c.fetch('/login', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: c.csrf, username: 'admin', password: 'chuyi2026' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('only follows local redirects after login', async () => {
    const c = new Client(server.url);
    await c.page('/login');
    const res = await c.postForm('/login', { username: 'admin', password: 'chuyi2026', redirectTo: '//evil.example/x' });
    expect(res.headers.get('Location')).toBe('/admin');
  });

  it('logout revokes the session on the server', async () => {
    const c = await loggedIn('arbiter');
    await c.page('/arbiter');
    const copied = c.cookieHeader();
    expect((await c.postForm('/logout', {})).headers.get('Location')).toBe('/login?loggedOut=1');
    const res = await fetch(`${server.url}/arbiter`, { headers: { Cookie: copied }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toMatch(/^\/login/);
  });
});

describe('role pages', () => {
  it('send a visitor to the login page, remembering where it was going', async () => {
    const res = await new Client(server.url).fetch('/admin/accounts');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Faccounts');
  });

  it.each([
    ['school', '/admin'],
    ['judge', '/admin/audit'],
    ['arbiter', '/school'],
    ['school', '/judge'],
    ['judge', '/arbiter'],
    ['judge', '/chief'],
  ])('refuse %s on %s with 403', async (username, path) => {
    const c = await loggedIn(username);
    expect((await c.fetch(path)).status).toBe(403);
  });

  it('show the school only its own school and teams', async () => {
    const c = await loggedIn('school');
    const { html } = await c.page('/school');
    expect(html).toContain('湖南铁道职业技术学院');
    expect(html).toContain('GZ003');
    expect(html).not.toContain('长沙民政职业技术学院');
  });

  it('let the admin create a school account that can then log in', async () => {
    const admin = await loggedIn('admin');
    const { html } = await admin.page('/admin/accounts');
    const schoolId = /<option value="(\d+)">省直 · 长沙民政职业技术学院<\/option>/.exec(html)![1];
    const res = await admin.postForm('/admin/accounts', {
      intent: 'create',
      role: 'school',
      username: 'minzheng',
      displayName: '长沙民政联系人',
      password: 'first-password',
      schoolId,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('账号 minzheng 已创建');
    const school = new Client(server.url);
    expect((await school.loginWithForm('minzheng', 'first-password')).headers.get('Location')).toBe('/school');
    // A new account must set its own password first.
    expect((await school.fetch('/school')).headers.get('Location')).toBe('/account/password');
  });

  it('let the admin create a judge whose school (for 回避) is picked from the one school list', async () => {
    const admin = await loggedIn('admin');
    const { html } = await admin.page('/admin/accounts');
    const schoolId = /<option value="(\d+)">省直 · 长沙民政职业技术学院<\/option>/.exec(html)![1];
    const res = await admin.postForm('/admin/accounts', { intent: 'create', role: 'judge', username: 'minzheng-judge', displayName: '民政裁判', password: 'first-password-2026', schoolId });
    expect(res.status).toBe(200);
    const judge = server.db.$client.prepare("select j.affiliation_school_id as school, u.school_id as own from judges j join users u on u.id = j.user_id where u.username = 'minzheng-judge'").get() as { school: number; own: number | null };
    expect(judge).toEqual({ school: Number(schoolId), own: null });
  });

  it('page the accounts, fifty to a page, keeping the filter', async () => {
    const admin = await loggedIn('admin');
    const { html } = await admin.page('/admin/accounts?role=judge');
    expect(html).toMatch(/第 1 \/ \d+ 页/);
    expect(html).toContain('href="/admin/accounts?role=judge&amp;page=2"');
    expect((html.match(/<tr>/g) ?? []).length).toBeLessThanOrEqual(51);
  });

  it('show field errors for bad account input, writing nothing', async () => {
    const admin = await loggedIn('admin');
    await admin.page('/admin/accounts');
    const users = count(server.db, 'users');
    const res = await admin.postForm('/admin/accounts', { intent: 'create', role: 'school', username: 'a b', displayName: '', password: 'short' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('密码至少 8 位');
    expect(html).toContain('院校联系人账号必须绑定一所院校');
    expect(count(server.db, 'users')).toBe(users);
  });

  it('let the admin browse the audit log, filtered', async () => {
    const admin = await loggedIn('admin');
    const { res, html } = await admin.page('/admin/audit?action=session.login&from=2000-01-01');
    expect(res.status).toBe(200);
    expect(html).toContain('session.login');
    expect(html).not.toContain('seed.demo');
  });
});

describe('CSRF', () => {
  it('guards the action of every route: without the token each one answers 403 and writes nothing', async () => {
    const build = (await import(pathToFileURL(join(process.cwd(), 'build', 'index.js')).href)) as ServerBuild;
    const withAction = Object.values(build.routes).filter((r) => typeof r.module.action === 'function' && r.path && !r.id.startsWith('routes/api.'));
    expect(withAction.length).toBeGreaterThanOrEqual(6);
    const clients = await Promise.all(DEMO.map(loggedIn));
    for (const route of withAction) {
      const teamOfDemoSchool = server.db.$client.prepare("select t.id from teams t join users u on u.school_id = t.school_id where u.username = 'school' limit 1").get() as { id: number };
      const gz012 = server.db.$client.prepare("select id from events where code = 'GZ012'").get() as { id: number };
      // A nested route's path is relative to its parent's.
      const fullPath = (r: (typeof build.routes)[string]): string => [r.parentId ? fullPath(build.routes[r.parentId]) : '', r.path ?? ''].filter(Boolean).join('/');
      const path = `/${fullPath(route)}`
        .replace(/\/_index$/, '')
        .replace(/:(\w+)/g, (_, name: string) => (name === 'eventId' ? String(gz012.id) : name === 'workCode' ? 'W0000' : String(teamOfDemoSchool.id)));
      const before = count(server.db, 'audit_log');
      // The first-run page exists only until an administrator does (its CSRF check: tests/routes/setup.test.ts).
      if (path === '/setup') {
        expect((await clients[0].postForm(path, {}, { csrf: false })).status).toBe(404);
        continue;
      }
      let csrfRefusals = 0;
      for (const c of clients) {
        const res = await c.postForm(path, { username: 'admin', password: 'chuyi2026', phase: 'running', competitionId: '1' }, { csrf: false });
        expect(res.status, `${path}`).toBe(403);
        if ((await res.text()).includes('CSRF')) csrfRefusals++;
      }
      expect(csrfRefusals, `${path} refused by its CSRF check for at least one role`).toBeGreaterThan(0);
      expect(count(server.db, 'audit_log'), path).toBe(before);
    }
  });
});

describe('public pages', () => {
  it('show the current competition and its phase on the landing page', async () => {
    const { html } = await new Client(server.url).page('/');
    expect(html).toContain('2026年“楚怡杯”湖南省职业院校技能竞赛');
    expect(html).toContain('报名');
    expect(html).toContain('/inheritors');
  });

  it('/live lists every event of the competition with its status and progress', async () => {
    const { res, html } = await new Client(server.url).page('/live');
    expect(res.status).toBe(200);
    expect(html).toContain('工业机器人技术应用');
    expect(html).toContain('href="/live/');
    expect(html).toContain('评分进度');
  });

  it.each([
    ['/results', '暂无已公示的赛项'],
    ['/inheritors', '楚怡职业教育精神传承人名录'],
    ['/verify', '证书查验'],
  ])('%s is public and says what it holds', async (path, text) => {
    const { res, html } = await new Client(server.url).page(path);
    expect(res.status).toBe(200);
    expect(html).toContain(text);
  });

  it('/results shows the current year first, then the demo’s finished earlier year with its events', async () => {
    const { html } = await new Client(server.url).page('/results');
    expect(html.indexOf('2026年“楚怡杯”')).toBeLessThan(html.indexOf('2025年“楚怡杯”'));
    expect(html).toContain('汽车维修');
  });

  it('refuses a results page of an unpublished event and an unknown certificate, with a 404', async () => {
    const c = new Client(server.url);
    const gz012 = server.db.$client.prepare("select id from events where code = 'GZ012'").get() as { id: number };
    expect((await c.page(`/results/${gz012.id}`)).res.status).toBe(404);
    const unknown = await c.page('/verify/CY-0000-0000-0000-0000');
    expect(unknown.res.status).toBe(404);
    expect(unknown.html).toContain('查无此证书');
  });

  it('switch to English and back', async () => {
    const c = new Client(server.url);
    await c.page('/');
    const res = await c.postForm('/language', { lng: 'en', redirectTo: '/' });
    expect(res.status).toBe(302);
    const { html } = await c.page('/');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Live rankings');
  });
});

describe('team pages', () => {
  it('refuse another school’s team with 403 and a Chinese message', async () => {
    const foreign = server.db.$client.prepare("select t.id from teams t join users u on u.username = 'school' where t.school_id <> u.school_id limit 1").get() as { id: number };
    const c = await loggedIn('school');
    const res = await c.fetch(`/teams/${foreign.id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('您只能查看和修改本校的参赛队');
    expect((await c.fetch('/teams/abc')).status).toBe(404);
  });
});

describe('the scheme editor', () => {
  it('saves a scheme whose total is right and refuses one whose total is wrong, saying so', async () => {
    const admin = await loggedIn('admin');
    const event = server.db.$client.prepare("select id from events where code = 'ZZ040'").get() as { id: number };
    await admin.page(`/admin/events/${event.id}`);
    const row = (i: number, max: string) => ({
      [`rows.${i}.moduleCode`]: 'A', [`rows.${i}.moduleName`]: '设计', [`rows.${i}.code`]: `A${i + 1}`, [`rows.${i}.name`]: `评分项${i + 1}`,
      [`rows.${i}.maxMarks`]: max, [`rows.${i}.decimals`]: '1', [`rows.${i}.kind`]: 'judgement',
    });
    const wrong = await admin.postForm(`/admin/events/${event.id}`, { intent: 'scheme', expectedTotal: '100', ...row(0, '50'), ...row(1, '40') });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('评分标准总分为 90，应为 100');
    const right = await admin.postForm(`/admin/events/${event.id}`, { intent: 'scheme', expectedTotal: '100', ...row(0, '60'), ...row(1, '40') });
    expect(right.status).toBe(200);
    const { html } = await admin.page(`/admin/events/${event.id}`);
    expect(html).toContain('评分项2');
  });
});

describe('the scheme workbook on the event page', () => {
  it('downloads the scheme and imports it back through the page’s upload form', async () => {
    const admin = await loggedIn('admin');
    const gz012 = server.db.$client.prepare("select id from events where code = 'GZ012'").get() as { id: number };
    const { html } = await admin.page(`/admin/events/${gz012.id}`);
    expect(html).toContain(`/admin/events/${gz012.id}/scheme.xlsx`);
    const download = await admin.fetch(`/admin/events/${gz012.id}/scheme.xlsx`);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(download.headers.get('Content-Disposition')).toContain(encodeURIComponent('GZ012-工业机器人技术应用-评分标准.xlsx'));
    const form = new FormData();
    form.set('_csrf', admin.csrf);
    form.set('file', new Blob([await download.arrayBuffer()]), 'scheme.xlsx');
    const upload = await admin.fetch(`/admin/events/${gz012.id}/scheme.xlsx`, { method: 'POST', body: form });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ ok: true, total: 100 });

    const junk = new FormData();
    junk.set('_csrf', admin.csrf);
    junk.set('file', new Blob(['not a workbook']), 'scheme.xlsx');
    const refused = await admin.fetch(`/admin/events/${gz012.id}/scheme.xlsx`, { method: 'POST', body: junk });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, message: '上传的文件不是有效的 Excel（.xlsx）文件。' });

    expect((await (await loggedIn('school')).fetch(`/admin/events/${gz012.id}/scheme.xlsx`)).status).toBe(403);
    expect((await admin.fetch('/admin/events/999999/scheme.xlsx')).status).toBe(404);
  });
});
