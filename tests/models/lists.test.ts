/**
 * The organiser's long lists page and search on the server (#14): schools and the judges to assign
 * (registrations are tested with their model), and the orders schools and accounts are offered in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { listJudges } from '#app/models/assignment.server.ts';
import { pageOfSchools, prefectureChoices } from '#app/models/school.server.ts';
import { listAccounts } from '#app/models/account.server.ts';
import { pageOfNominations } from '#app/models/nomination.server.ts';
import { seedHistory } from '../../scripts/seed/history.ts';
import type { AccountSort, SchoolSort } from '#app/domain/list-orders.ts';
import { actorOf, demoDb, TEST_NOW } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

describe('long lists', () => {
  it('pages the schools, each once, and finds them by name or code', () => {
    const admin = actorOf(db, 'admin');
    const first = pageOfSchools(db, admin, {}, { limit: 20 });
    expect(first.schools).toHaveLength(20);
    const all = Array.from({ length: first.pages }, (_, i) => pageOfSchools(db, admin, {}, { page: i + 1, limit: 20 }).schools.map((s) => s.id)).flat();
    expect(new Set(all).size).toBe(first.total);
    const railway = pageOfSchools(db, admin, { q: '铁道' });
    expect(railway.schools.map((s) => s.name)).toContain('湖南铁道职业技术学院');
    expect(pageOfSchools(db, admin, { q: railway.schools[0].code }).schools[0].id).toBe(railway.schools[0].id);
    expect(refusal(() => pageOfSchools(db, actorOf(db, 'school'))).status).toBe(403);
  });

  it('orders the schools as asked, pages stay whole in every order, and filters by prefecture', () => {
    const admin = actorOf(db, 'admin');
    const whole = (sort: SchoolSort) => {
      const first = pageOfSchools(db, admin, { sort }, { limit: 15 });
      return Array.from({ length: first.pages }, (_, i) => pageOfSchools(db, admin, { sort }, { page: i + 1, limit: 15 }).schools).flat();
    };
    const byCode = whole('code').map((s) => s.code);
    expect(byCode).toEqual([...byCode].sort());
    const byName = whole('name').map((s) => s.name);
    expect(byName).toEqual([...byName].sort());
    const byPrefecture = whole('prefecture');
    expect(new Set(byPrefecture.map((s) => s.id)).size).toBe(byCode.length);
    // Prefectures come together, in their customary order, not one name's order.
    const runs = byPrefecture.map((s) => s.prefecture).filter((p, i, all) => p !== all[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    const changsha = prefectureChoices(db).find((p) => p.label === '长沙市')!;
    const inChangsha = pageOfSchools(db, admin, { prefectureId: changsha.id });
    expect(inChangsha.total).toBeGreaterThan(0);
    expect(inChangsha.schools.every((s) => s.prefecture === '长沙市')).toBe(true);
  });

  it('orders the accounts as asked: by username, by name, newest first', () => {
    const admin = actorOf(db, 'admin');
    const all = (sort: AccountSort) => listAccounts(db, admin, { sort }, { limit: 1000 }).accounts;
    const usernames = all('username').map((a) => a.username);
    expect(usernames).toEqual([...usernames].sort());
    const names = all('name').map((a) => a.displayName);
    expect(names).toEqual([...names].sort());
    const newest = all('newest');
    for (let i = 1; i < newest.length; i++) expect(newest[i - 1].createdAt.getTime() >= newest[i].createdAt.getTime()).toBe(true);
    expect(all('role')[0].role).toBe([...new Set(all('role').map((a) => a.role))].sort()[0]);
  });

  it('offers a few judges to assign, found by name or organisation, and says how many were found', () => {
    const admin = actorOf(db, 'admin');
    const everyone = listJudges(db, admin);
    const few = listJudges(db, admin, { limit: 10 });
    expect(few.judges).toHaveLength(10);
    expect(few.found).toBe(everyone.judges.length);
    const someone = everyone.judges[17];
    const found = listJudges(db, admin, { q: someone.name });
    expect(found.judges.map((j) => j.id)).toContain(someone.id);
    expect(found.judges.every((j) => j.name.includes(someone.name) || j.affiliation.includes(someone.name))).toBe(true);
  });

  it('pages the nominations of one year (regression: every year’s were listed together), found by name, school or event', async () => {
    const withPast = await demoDb();
    await seedHistory(withPast, { now: TEST_NOW });
    const admin = actorOf(withPast, 'admin');
    const current = pageOfNominations(withPast, admin);
    expect(current.years).toHaveLength(2);
    // The demo's current year is still running: its nominations are none yet, the past year's are not shown.
    expect(current.total).toBe(0);
    const past = current.years.find((y) => y.id !== current.competitionId)!;
    const then = pageOfNominations(withPast, admin, { competitionId: past.id }, { limit: 4 });
    expect(then.total).toBeGreaterThan(4);
    const all = Array.from({ length: then.pages }, (_, i) => pageOfNominations(withPast, admin, { competitionId: past.id }, { page: i + 1, limit: 4 }).nominations).flat();
    expect(new Set(all.map((n) => n.id)).size).toBe(then.total);
    expect(all.every((n) => n.year === 2025)).toBe(true);
    const someone = all[3];
    const found = pageOfNominations(withPast, admin, { competitionId: past.id, q: someone.name });
    expect(found.nominations.map((n) => n.id)).toContain(someone.id);
    expect(pageOfNominations(withPast, admin, { competitionId: past.id, q: someone.eventCode }).nominations.every((n) => n.eventCode === someone.eventCode)).toBe(true);
    expect(refusal(() => pageOfNominations(withPast, actorOf(withPast, 'school'))).status).toBe(403);
  });
});

