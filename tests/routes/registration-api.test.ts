/** Registration through the JSON API of a real server. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOpenEvents } from '#app/models/roster.server.ts';
import { COLUMNS, SHEET } from '#app/models/registration-xlsx.server.ts';
import { actorOf, count } from '../helpers/db.ts';
import { advisor, contestant } from '../helpers/people.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let school: Client;
let other: Client;
let admin: Client;
let schoolUser: string;

beforeAll(async () => {
  server = await startServer();
  const names = (server.db.$client.prepare("select username from users where role = 'school' and username like 's%' order by id").all() as { username: string }[]).map((u) => u.username);
  // Another school than the demo's own `school`, which plays the outsider below.
  schoolUser = names.find((n) => n !== 'school' && listOpenEvents(server.db, actorOf(server.db, n)).filter((e) => e.canEnter && e.maxTeamSize >= 2).length >= 2)!;
  school = new Client(server.url);
  other = new Client(server.url);
  admin = new Client(server.url);
  await school.login(schoolUser);
  await other.login('school');
  await admin.login('admin');
});
afterAll(() => server.stop());

const openEvent = (n = 0) => listOpenEvents(server.db, actorOf(server.db, schoolUser)).filter((e) => e.canEnter && e.maxTeamSize >= 2)[n];
const body = async (res: Response) => res.json();

describe('the team API', () => {
  let teamId: number;

  it('creates a team with its roster (POST /api/v1/teams)', async () => {
    const event = openEvent();
    const people = Array.from({ length: event.minTeamSize }, (_, i) => contestant(`选手${i}`));
    const res = await school.json('POST', '/api/v1/teams', { eventId: event.id, contestants: people, advisors: [advisor('陈老师')] });
    expect(res.status).toBe(201);
    const team = await body(res);
    teamId = team.team.id;
    expect(res.headers.get('Location')).toBe(`/api/v1/teams/${teamId}`);
    expect(team.roster.contestants).toHaveLength(event.minTeamSize);
    expect(team.roster.contestants[0].idNumber).toBe(people[0].idNumber);
    expect(team.violations).toEqual([]);
  });

  it('refuses a roster that breaks rules with 422 and a message per field', async () => {
    const res = await school.json('PATCH', `/api/v1/teams/${teamId}`, { contestants: [contestant('超龄', '19900101')] });
    expect(res.status).toBe(422);
    const { error } = await body(res);
    expect(error.code).toBe('registration_rules');
    expect(error.fields['contestants.0.idNumber']).toMatch(/超龄.*周岁/);
  });

  it('refuses bad JSON input with 400, never 500', async () => {
    for (const payload of [{ contestants: 'x' }, { contestants: [{ name: '' }] }, { advisors: [{}] }]) {
      const res = await school.json('PATCH', `/api/v1/teams/${teamId}`, payload);
      expect(res.status).toBe(400);
    }
    expect((await school.json('POST', '/api/v1/teams', { eventId: 'abc' })).status).toBe(400);
    expect((await school.json('GET', '/api/v1/teams/abc')).status).toBe(404);
    expect((await school.json('POST', '/api/v1/teams', { eventId: 999999 })).status).toBe(404);
  });

  it('keeps another school out: read, edit, submit and approve are refused and nothing changes', async () => {
    const audits = count(server.db, 'audit_log');
    expect((await other.json('GET', `/api/v1/teams/${teamId}`)).status).toBe(403);
    expect((await other.json('PATCH', `/api/v1/teams/${teamId}`, { name: '冒名' })).status).toBe(403);
    expect((await other.json('POST', `/api/v1/teams/${teamId}/submit`)).status).toBe(403);
    expect((await other.json('POST', `/api/v1/teams/${teamId}/approve`)).status).toBe(403);
    expect((await other.json('POST', `/api/v1/teams/${teamId}/return`, { reason: 'x' })).status).toBe(403);
    const list = await body(await other.json('GET', '/api/v1/teams'));
    expect(list.teams.some((t: { id: number }) => t.id === teamId)).toBe(false);
    expect(count(server.db, 'audit_log')).toBe(audits);
    expect((await body(await school.json('GET', `/api/v1/teams/${teamId}`))).team.status).toBe('draft');
  });

  it('submits, is returned with a reason, resubmits and is approved', async () => {
    expect((await school.fetch(`/api/v1/teams/${teamId}/submit`, { method: 'POST' })).status).toBe(403);
    expect((await body(await school.json('POST', `/api/v1/teams/${teamId}/submit`))).team.status).toBe('submitted');
    expect((await school.json('PATCH', `/api/v1/teams/${teamId}`, { name: '改名' })).status).toBe(409);
    expect((await admin.json('POST', `/api/v1/teams/${teamId}/return`, {})).status).toBe(400);
    const returned = await body(await admin.json('POST', `/api/v1/teams/${teamId}/return`, { reason: '请补充学号' }));
    expect(returned.team).toMatchObject({ status: 'returned', returnReason: '请补充学号' });
    expect((await school.json('PATCH', `/api/v1/teams/${teamId}`, { name: '改名后的队' })).status).toBe(200);
    expect((await body(await school.json('POST', `/api/v1/teams/${teamId}/submit`))).team.status).toBe('submitted');
    expect((await school.json('POST', `/api/v1/teams/${teamId}/approve`)).status).toBe(403);
    expect((await body(await admin.json('POST', `/api/v1/teams/${teamId}/approve`))).team.status).toBe('approved');
  });

  it('lists teams with personal data masked, filtered for the organiser', async () => {
    const { teams, total, nextCursor } = await body(await admin.json('GET', '/api/v1/teams?status=approved'));
    expect(total).toBeGreaterThan(100);
    expect(teams).toHaveLength(100);
    expect(JSON.stringify(teams)).not.toMatch(/"idNumber":"\d{17}[\dX]"/);
    // The rest follow by cursor, each team once; a bad cursor or limit falls back rather than fails.
    const seen = new Set<number>(teams.map((t: { id: number }) => t.id));
    let cursor: string | null = nextCursor;
    while (cursor) {
      const next = await body(await admin.json('GET', `/api/v1/teams?status=approved&limit=250&cursor=${cursor}`));
      for (const t of next.teams) seen.add(t.id);
      expect(next.teams.every((t: { status: string }) => t.status === 'approved')).toBe(true);
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(total);
    const odd = await admin.json('GET', '/api/v1/teams?cursor=abc&limit=99999');
    expect(odd.status).toBe(200);
    expect((await body(odd)).teams).toHaveLength(100);
  });

  it('is documented in OpenAPI', async () => {
    const doc = await body(await admin.fetch('/api/v1/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/teams',
        '/api/v1/teams/{id}',
        '/api/v1/teams/{id}/submit',
        '/api/v1/teams/{id}/approve',
        '/api/v1/teams/{id}/return',
        '/api/v1/imports/registrations',
        '/api/v1/exports/registrations.xlsx',
      ]),
    );
  });
});

describe('Excel over HTTP', () => {
  async function upload(client: Client, buffer: Uint8Array<ArrayBuffer>, csrf = true) {
    const form = new FormData();
    form.set('file', new Blob([buffer]), 'entries.xlsx');
    if (csrf) form.set('_csrf', client.csrf);
    return client.fetch('/api/v1/imports/registrations', { method: 'POST', body: form });
  }

  it('imports a good file, and refuses a bad one with every error', async () => {
    const event = openEvent();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(SHEET);
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
    for (let i = 0; i < event.minTeamSize; i++) {
      const c = contestant(`导入${i}`);
      sheet.addRow({ eventCode: event.code, role: '选手', name: c.name, idNumber: c.idNumber });
    }
    const good = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    expect(await (await upload(school, good)).json()).toMatchObject({ teams: 1, rows: event.minTeamSize });
    // The same rows again: the people are now on a team, so each row is an error.
    sheet.getCell('B2').value = 'ZZ999';
    const bad = await upload(school, new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(error.code).toBe('import_rejected');
    expect(error.rows[0]).toMatchObject({ sheet: SHEET, row: 2, column: '赛项代码' });
  });

  it('refuses a file that is not a spreadsheet and an empty upload with 400', async () => {
    expect((await upload(school, new TextEncoder().encode('hello'))).status).toBe(400);
    expect((await upload(school, new Uint8Array())).status).toBe(400);
    expect((await upload(school, new TextEncoder().encode('hello'), false)).status).toBe(403);
  });

  it('exports approved registrations as .xlsx', async () => {
    const res = await admin.fetch('/api/v1/exports/registrations.xlsx?groupBy=prefecture');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.length).toBeGreaterThan(5);
    expect((await other.fetch('/api/v1/exports/registrations.xlsx')).status).toBe(200);
    expect((await new Client(server.url).fetch('/api/v1/exports/registrations.xlsx')).status).toBe(401);
  });
});

describe('phase control', () => {
  it('refuses registration edits outside the registration phase, saying why', async () => {
    const event = listOpenEvents(server.db, actorOf(server.db, 'school')).find((e) => e.eligible && e.teams.length < e.quotaPerSchool)!;
    const other = new Client(server.url);
    await other.login('school');
    server.db.$client.prepare("update competitions set phase = 'running'").run();
    try {
      const res = await other.json('POST', '/api/v1/teams', { eventId: event.id });
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.fields._form).toBe('竞赛当前处于“比赛”阶段，不能修改报名。');
    } finally {
      server.db.$client.prepare("update competitions set phase = 'registration'").run();
    }
  });
});

describe('every registration rule through the API', () => {
  const rule = async (client: Client, teamId: number, patch: unknown) => {
    const res = await client.json('PATCH', `/api/v1/teams/${teamId}`, patch);
    expect(res.status).toBe(422);
    return (await res.json()).error.fields as Record<string, string>;
  };

  it('refuses each broken rule with 422, naming the field in Chinese', async () => {
    const c = new Client(server.url);
    const names = (server.db.$client.prepare("select username from users where role = 'school' and username like 's%' order by id desc").all() as { username: string }[]).map((u) => u.username);
    const user = names.find((n) => listOpenEvents(server.db, actorOf(server.db, n)).some((e) => e.canEnter && e.maxTeamSize >= 2))!;
    await c.login(user);
    const event = listOpenEvents(server.db, actorOf(server.db, user)).find((e) => e.canEnter && e.maxTeamSize >= 2)!;
    const created = await (await c.json('POST', '/api/v1/teams', { eventId: event.id })).json();
    const id = created.team.id;
    const ok = contestant('合规');
    const taken = server.db.$client.prepare('select c.name, c.id_number from contestants c join team_members m on m.contestant_id = c.id and m.removed_at is null join teams t on t.id = m.team_id where t.school_id <> (select school_id from users where username = ?) limit 1').get(user) as { name: string; id_number: string };

    const size = await rule(c, id, { contestants: Array.from({ length: event.maxTeamSize + 1 }, (_, i) => contestant(`多${i}`)) });
    expect(size.contestants).toMatch(/每队选手须为/);
    const advisors = await rule(c, id, { advisors: Array.from({ length: event.maxAdvisors + 1 }, (_, i) => advisor(`师${i}`)) });
    expect(advisors.advisors).toMatch(/指导教师最多/);
    const checksum = await rule(c, id, { contestants: [{ ...ok, idNumber: ok.idNumber.slice(0, 17) + (ok.idNumber.endsWith('1') ? '2' : '1') }] });
    expect(checksum['contestants.0.idNumber']).toBe('身份证号校验位不正确，请核对。');
    const age = await rule(c, id, { contestants: [contestant('超龄', '19800101')] });
    expect(age['contestants.0.idNumber']).toMatch(/周岁/);
    const elsewhere = await rule(c, id, { contestants: [{ name: taken.name, idNumber: taken.id_number }] });
    expect(elsewhere['contestants.0.idNumber']).toMatch(/已报名本届|其他院校/);
    const duplicate = await rule(c, id, { contestants: [ok, { ...ok, name: '同号' }] });
    expect(duplicate['contestants.1.idNumber']).toMatch(/重复/);
    const phone = await rule(c, id, { advisors: [advisor('电话错', '1234')] });
    expect(phone['advisors.0.phone']).toMatch(/电话号码格式不正确/);

    const quota = await c.json('POST', '/api/v1/teams', { eventId: event.id });
    expect(quota.status).toBe(422);
    expect((await quota.json()).error.fields._form).toMatch(/名额/);
    const zz = server.db.$client.prepare("select e.id from events e join divisions d on d.id = e.division_id where d.code = 'ZZ' limit 1").get() as { id: number };
    // The demo school is a 高职 school: 中职组 is closed to it.
    const schoolType = await other.json('POST', '/api/v1/teams', { eventId: zz.id });
    expect(schoolType.status).toBe(422);
    expect((await schoolType.json()).error.fields._form).toMatch(/本校类型不能报名中职组/);
    const submit = await c.json('POST', `/api/v1/teams/${id}/submit`);
    expect(submit.status).toBe(422);
    expect((await submit.json()).error.fields.contestants).toMatch(/每队选手须为/);
  });
});
