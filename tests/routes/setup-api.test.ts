/**
 * The organiser's setup through the JSON API, from an empty database: each endpoint's success,
 * a 4xx with a clear message on bad input, nothing written on refusal, an audit row on success,
 * and each path in the OpenAPI document.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schools } from '#db/schema.ts';
import { count } from '../helpers/db.ts';
import { Client, startFreshServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  ({ server, admin } = await startFreshServer());
});
afterAll(() => server.stop());

const body = async (res: Response) => res.json();
const audits = () => count(server.db, 'audit_log');
const YEAR = { name: '2027年“楚怡杯”湖南省职业院校技能竞赛', year: 2027, startsOn: '2027-03-01', endsOn: '2027-05-31', registrationDeadline: '2027-02-20T17:00:00+08:00', announcementDays: 7 };

describe('the setup API', () => {
  let competitionId: number;
  let divisionId: number;
  let venueId: number;
  let eventId: number;

  it('creates a year (201, audited), refusing bad input with field messages and writing nothing', async () => {
    const before = audits();
    const bad = await admin.json('POST', '/api/v1/competitions', { ...YEAR, endsOn: '2027-01-01', announcementDays: 0 });
    expect(bad.status).toBe(422);
    const { error } = await body(bad);
    expect(error.code).toBe('setup_rules');
    expect(error.fields).toMatchObject({ endsOn: '结束日期不能早于开始日期。', announcementDays: '公示期须为 1–30 天。' });
    expect((await admin.json('POST', '/api/v1/competitions', { ...YEAR, year: '2027' })).status).toBe(400);
    expect(count(server.db, 'competitions')).toBe(0);
    expect(audits()).toBe(before);
    const res = await admin.json('POST', '/api/v1/competitions', YEAR);
    expect(res.status).toBe(201);
    competitionId = (await body(res)).id;
    expect(audits()).toBe(before + 1);
  });

  it('changes the year and moves its phase', async () => {
    const res = await admin.json('PATCH', `/api/v1/competitions/${competitionId}`, { announcementDays: 5 });
    expect(res.status).toBe(200);
    expect((await body(res)).announcementDays).toBe(5);
    // Only what a PATCH names changes: the deadline and the default rules stay.
    const setup = await body(await admin.fetch(`/api/v1/competitions/${competitionId}`));
    expect(setup.competition.registrationDeadline).toBe(new Date(YEAR.registrationDeadline).toISOString());
    expect((await admin.json('POST', `/api/v1/competitions/${competitionId}/phase`, { phase: 'running' })).status).toBe(409);
    const moved = await admin.json('POST', `/api/v1/competitions/${competitionId}/phase`, { phase: 'registration', reason: '报名开始' });
    expect(await body(moved)).toEqual({ id: competitionId, phase: 'registration' });
  });

  it('adds a division and a venue, and refuses bad ones', async () => {
    const bad = await admin.json('POST', `/api/v1/competitions/${competitionId}/divisions`, { code: 'gz', name: '高职组', allowedSchoolTypes: [] });
    expect(bad.status).toBe(422);
    expect(Object.keys((await body(bad)).error.fields)).toEqual(['code', 'allowedSchoolTypes']);
    const division = await admin.json('POST', `/api/v1/competitions/${competitionId}/divisions`, { code: 'GZ', name: '高职组', allowedSchoolTypes: ['vocational_bachelor', 'higher_vocational'], maxAge: 25 });
    expect(division.status).toBe(201);
    divisionId = (await body(division)).id;
    const renamed = await admin.json('PATCH', `/api/v1/competitions/${competitionId}/divisions/${divisionId}`, { code: 'GZ', name: '高职组（含职业本科）', allowedSchoolTypes: ['vocational_bachelor', 'higher_vocational'], maxAge: 25 });
    expect(renamed.status).toBe(200);
    const prefecture = server.db.$client.prepare("select id from prefectures where name = '湘潭市'").get() as { id: number };
    const host = server.db.insert(schools).values({ code: '14001', name: '湖南软件职业技术大学', type: 'vocational_bachelor', prefectureId: prefecture.id }).returning().get();
    expect((await admin.json('POST', `/api/v1/competitions/${competitionId}/venues`, { name: '赛点', hostSchoolId: 99999 })).status).toBe(422);
    const venue = await admin.json('POST', `/api/v1/competitions/${competitionId}/venues`, { name: '湖南软件职业技术大学赛点', hostSchoolId: host.id, address: '湘潭市雨湖区' });
    expect(venue.status).toBe(201);
    venueId = (await body(venue)).id;
  });

  it('adds an event with the year’s defaults, changes it, and names the rule it breaks', async () => {
    const bad = await admin.json('POST', `/api/v1/competitions/${competitionId}/events`, { code: 'ZZ012', name: '工业机器人技术应用', divisionId, minTeamSize: 5 });
    expect(bad.status).toBe(422);
    expect((await body(bad)).error.fields).toMatchObject({ code: '赛项代码须以所属组别代码 GZ 开头。', minTeamSize: '每队人数须为 1–4。' });
    const res = await admin.json('POST', `/api/v1/competitions/${competitionId}/events`, { code: 'GZ012', name: '工业机器人技术应用', divisionId, venueId, minTeamSize: 2, maxTeamSize: 2, scheduledOn: '2027-03-10' });
    expect(res.status).toBe(201);
    eventId = (await body(res)).id;
    const settings = await body(await admin.fetch(`/api/v1/events/${eventId}/settings`));
    expect(settings).toMatchObject({ code: 'GZ012', aggregationMethod: 'mean', awardRatios: { first: 0.1, second: 0.2, third: 0.3 }, frozen: false });
    const patched = await admin.json('PATCH', `/api/v1/events/${eventId}/settings`, { aggregationMethod: 'trimmed_mean', awardRatios: { first: 0.1, second: 0.2, third: 0.3 }, minTotalForAward: 60 });
    expect(patched.status).toBe(200);
    expect((await body(patched)).aggregationMethod).toBe('trimmed_mean');
    expect((await admin.json('PATCH', `/api/v1/events/${eventId}/settings`, { discrepancyThreshold: '3' })).status).toBe(400);
    const setup = await body(await admin.fetch(`/api/v1/competitions/${competitionId}`));
    expect([setup.divisions.length, setup.venues.length, setup.events.length]).toEqual([1, 1, 1]);
  });

  it('is the organiser’s alone, and documented', async () => {
    const stranger = new Client(server.url);
    expect((await stranger.json('POST', '/api/v1/competitions', YEAR)).status).toBe(401);
    const doc = await body(await admin.fetch('/api/v1/openapi.json'));
    for (const path of ['/api/v1/competitions', '/api/v1/competitions/{id}', '/api/v1/competitions/{id}/phase', '/api/v1/competitions/{id}/divisions', '/api/v1/competitions/{id}/venues', '/api/v1/competitions/{id}/events', '/api/v1/events/{id}/settings']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.CompetitionInput.required).toEqual(expect.arrayContaining(['name', 'year', 'startsOn', 'endsOn']));
  });
});

describe('schools by sheet over HTTP', () => {
  const workbook = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('院校');
    ws.addRow(['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话']);
    rows.forEach((r) => ws.addRow(r));
    return new Blob([await wb.xlsx.writeBuffer()]);
  };
  const upload = async (file: Blob) => {
    const form = new FormData();
    form.set('file', file, '院校.xlsx');
    return admin.fetch('/api/v1/imports/schools', { method: 'POST', body: form, headers: { 'X-CSRF-Token': admin.csrf } });
  };

  it('imports the sheet and answers each new account’s one-time password, once; the account must change it', async () => {
    const bad = await upload(await workbook([['9', '', '大学', '火星', '', '']]));
    expect(bad.status).toBe(422);
    expect((await body(bad)).error.rows.map((r: { column: string }) => r.column)).toEqual(['院校代码', '院校名称', '类型', '市州']);
    const res = await upload(await workbook([['13101', '湖南测试职业技术学院', '高职专科', '益阳市', '周老师', '13700001111']]));
    expect(res.status).toBe(200);
    const outcome = await body(res);
    expect(outcome).toMatchObject({ ok: true, created: 1, accounts: [{ username: 's13101' }] });
    const school = new Client(server.url);
    expect((await school.login('s13101', outcome.accounts[0].password)).status).toBe(200);
    expect((await body(await school.fetch('/api/v1/teams'))).error.code).toBe('password_change_required');
    expect((await upload(new Blob(['not a workbook']))).status).toBe(400);
    const empty = await upload(new Blob([]));
    expect(empty.status).toBe(400);
    expect((await body(empty)).error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
