/** A year set up by page, from an empty database: forms read as the API's schemas, errors on their fields. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitions, divisions, events, schools, venues } from '#db/schema.ts';
import { count } from '../helpers/db.ts';
import { Client, startFreshServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  ({ server, admin } = await startFreshServer());
});
afterAll(() => server.stop());

describe('setting up a year by page', () => {
  let id: number;

  it('creates the year from the form, with Beijing-time deadlines, and shows a broken rule on its field', async () => {
    const { html } = await admin.page('/admin/competitions');
    expect(html).toContain('还没有任何一届竞赛');
    const form = { name: '2027年“楚怡杯”湖南省职业院校技能竞赛', year: '2027', startsOn: '2027-03-01', endsOn: '2027-02-01', registrationOpensAt: '', registrationDeadline: '2027-02-20T17:00', announcementDays: '5', copyFrom: '' };
    const bad = await admin.postForm('/admin/competitions', form);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('结束日期不能早于开始日期。');
    expect(count(server.db, 'competitions')).toBe(0);
    const ok = await admin.postForm('/admin/competitions', { ...form, endsOn: '2027-05-31' });
    expect(ok.status).toBe(302);
    id = Number(ok.headers.get('Location')!.split('/').pop());
    const year = server.db.select().from(competitions).where(eq(competitions.id, id)).get()!;
    expect(year.registrationDeadline!.toISOString()).toBe('2027-02-20T09:00:00.000Z');
    expect(year.registrationOpensAt).toBeNull();
  });

  it('adds a division, a venue and an event on the year’s page', async () => {
    await admin.page(`/admin/competitions/${id}`);
    const noTypes = await admin.postForm(`/admin/competitions/${id}`, { intent: 'division', code: 'GZ', name: '高职组', maxAge: '', ageReferenceDate: '' });
    expect(noTypes.status).toBe(422);
    expect(await noTypes.text()).toContain('请至少选择一种院校类型。');
    const body = new URLSearchParams([['_csrf', admin.csrf], ['intent', 'division'], ['code', 'GZ'], ['name', '高职组'], ['allowedSchoolTypes', 'vocational_bachelor'], ['allowedSchoolTypes', 'higher_vocational'], ['maxAge', '25'], ['ageReferenceDate', '']]);
    expect((await admin.fetch(`/admin/competitions/${id}`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    const division = server.db.select().from(divisions).where(eq(divisions.competitionId, id)).get()!;
    expect(division).toMatchObject({ code: 'GZ', allowedSchoolTypes: ['vocational_bachelor', 'higher_vocational'], maxAge: 25 });
    const prefecture = server.db.$client.prepare("select id from prefectures where name = '株洲市'").get() as { id: number };
    const host = server.db.insert(schools).values({ code: '13002', name: '湖南汽车工程职业大学', type: 'higher_vocational', prefectureId: prefecture.id }).returning().get();
    await admin.page(`/admin/competitions/${id}`);
    expect((await admin.postForm(`/admin/competitions/${id}`, { intent: 'venue', name: '株洲赛点', hostSchoolId: String(host.id), address: '', directorName: '张主任', supervisorName: '' })).status).toBe(200);
    const venue = server.db.select().from(venues).where(eq(venues.competitionId, id)).get()!;
    expect(venue).toMatchObject({ name: '株洲赛点', directorName: '张主任', address: null });
    const badEvent = await admin.postForm(`/admin/competitions/${id}`, { intent: 'event', code: 'GZ12', name: '工业机器人技术应用', divisionId: String(division.id), venueId: '', minTeamSize: '2', maxTeamSize: '2', scheduledOn: '', timeSlot: '' });
    expect(badEvent.status).toBe(422);
    expect(await badEvent.text()).toContain('赛项代码为两个大写字母加三位数字');
    const event = await admin.postForm(`/admin/competitions/${id}`, { intent: 'event', code: 'GZ012', name: '工业机器人技术应用', divisionId: String(division.id), venueId: String(venue.id), minTeamSize: '2', maxTeamSize: '2', scheduledOn: '2027-03-10', timeSlot: '08:30–12:00' });
    expect(event.status).toBe(200);
    expect(server.db.select().from(events).where(eq(events.competitionId, id)).get()).toMatchObject({ code: 'GZ012', venueId: venue.id, timeSlot: '08:30–12:00', minTeamSize: 2 });
    const { html } = await admin.page(`/admin/competitions/${id}`);
    expect(html).toContain('株洲赛点');
    expect(html).toContain('GZ012');
  });

  it('changes an event’s settings on its page, naming a broken rule on its field', async () => {
    const event = server.db.select().from(events).where(eq(events.competitionId, id)).get()!;
    await admin.page(`/admin/events/${event.id}`);
    const form = { intent: 'settings', name: event.name, venueId: String(event.venueId), scheduledOn: '2027-03-10', timeSlot: '13:30–17:00', minTeamSize: '2', maxTeamSize: '3', maxAdvisors: '2', quotaPerSchool: '2', aggregationMethod: 'median', discrepancyThreshold: '2.5', 'awardRatios.first': '0.1', 'awardRatios.second': '0.2', 'awardRatios.third': '0.3', tieAtBoundary: 'up', minTotalForAward: '' };
    const bad = await admin.postForm(`/admin/events/${event.id}`, { ...form, minTeamSize: '4', maxTeamSize: '3' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('每队最多人数不能少于最少人数。');
    expect((await admin.postForm(`/admin/events/${event.id}`, form)).status).toBe(200);
    expect(server.db.select().from(events).where(eq(events.id, event.id)).get()).toMatchObject({
      timeSlot: '13:30–17:00', maxTeamSize: 3, quotaPerSchool: 2, aggregationMethod: 'median', discrepancyThreshold: 2.5, tieAtBoundary: 'up', minTotalForAward: null, allowMultiTeamContestants: false, tieBreakByCompletionTime: false,
    });
  });
});
