/** Registration through the model layer, on the demo competition in a real database. */
import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { competitions, contestants, events, teamMembers, teams } from '#db/schema.ts';
import { panelConflicts } from '#app/models/conflict.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { listRegistrations, registrationCounts } from '#app/models/registration-review.server.ts';
import { createTeam, getTeamDetail, listOpenEvents, saveRoster } from '#app/models/roster.server.ts';
import { approveTeam, returnTeam, reviewMany, submitTeam } from '#app/models/team-lifecycle.server.ts';
import { refusal } from '../helpers/refusal.ts';
import { actorOf, count, demoDb, TEST_NOW } from '../helpers/db.ts';
import { advisor, contestant } from '../helpers/people.ts';

let db: Db;
const now = TEST_NOW;

beforeEach(async () => {
  db = await demoDb();
});

/** A 高职组 team event the demo school has not entered yet. */
function freeEvent(): { id: number; code: string } {
  const school = actorOf(db, 'school').schoolId!;
  // An event none of the school's own teachers judges (回避 would refuse the approval).
  const open = listOpenEvents(db, actorOf(db, 'school'), now).filter((e) => e.canEnter && e.maxTeamSize >= 2 && panelConflicts(db, e.id, [school]).length === 0);
  expect(open.length).toBeGreaterThan(0);
  return open[0];
}

const codesOf = (e: ModelError) => (e.violations ?? []).map((v) => v.code);

function newTeamWithRoster(size = 2) {
  const school = actorOf(db, 'school');
  const event = freeEvent();
  const teamId = createTeam(db, school, { eventId: event.id }, now);
  const people = [contestant('张三'), contestant('李四', '20040101', 'female'), contestant('王五')].slice(0, size);
  saveRoster(db, school, teamId, { contestants: people, advisors: [advisor('刘老师')] }, now);
  return { school, event, teamId, people };
}

describe('creating a team', () => {
  it('opens a draft for an event the school may enter', () => {
    const { teamId } = newTeamWithRoster();
    const detail = getTeamDetail(db, actorOf(db, 'school'), teamId, now);
    expect(detail.team.status).toBe('draft');
    expect(detail.roster.contestants.map((c) => c.name)).toEqual(['张三', '李四']);
    expect(detail.roster.contestants[1]).toMatchObject({ gender: 'female', birthDate: '2004-01-01' });
    expect(detail.editable).toBe(true);
  });

  it('is refused outside the registration phase and after the deadline', () => {
    const school = actorOf(db, 'school');
    const event = freeEvent();
    db.update(competitions).set({ phase: 'running' }).run();
    expect(codesOf(refusal(() => createTeam(db, school, { eventId: event.id }, now)))).toEqual(['registration_closed']);
    db.update(competitions).set({ phase: 'registration' }).run();
    const late = new Date(now.getTime() + 60 * 86400_000);
    expect(codesOf(refusal(() => createTeam(db, school, { eventId: event.id }, late)))).toEqual(['deadline_passed']);
    expect(count(db, 'teams')).toBe(350);
  });

  it('holds the quota of one team per school and event', () => {
    const { school, event } = newTeamWithRoster();
    expect(codesOf(refusal(() => createTeam(db, school, { eventId: event.id }, now)))).toEqual(['quota_exceeded']);
  });

  it('admits only school types of the division', () => {
    const zz = db.select().from(events).where(eq(events.code, 'ZZ031')).get()!;
    expect(codesOf(refusal(() => createTeam(db, actorOf(db, 'school'), { eventId: zz.id }, now)))).toEqual(['school_type_not_allowed']);
  });

  it('is refused to judges and arbiters', () => {
    expect(refusal(() => createTeam(db, actorOf(db, 'judge'), { eventId: freeEvent().id }, now)).status).toBe(403);
  });
});

describe('saving a roster', () => {
  it('refuses every broken rule at once, naming the fields, and writes nothing', () => {
    const { school, teamId } = newTeamWithRoster();
    const before = [count(db, 'contestants'), count(db, 'team_members'), count(db, 'audit_log')];
    const taken = db.select().from(contestants).where(eq(contestants.schoolId, school.schoolId!)).get()!;
    const other = db.select().from(contestants).all().find((c) => c.schoolId !== school.schoolId)!;
    const bad = contestant('坏号');
    const e = refusal(() =>
      saveRoster(db, school, teamId, {
        contestants: [
          { ...bad, idNumber: bad.idNumber.slice(0, 17) + (bad.idNumber.endsWith('1') ? '2' : '1') },
          contestant('超龄', '19990101'),
          { name: taken.name, idNumber: taken.idNumber },
          { name: '别校', idNumber: other.idNumber },
        ],
        advisors: [advisor('甲', '123'), advisor('乙'), advisor('丙')],
      }, now),
    );
    expect(e.status).toBe(422);
    expect(codesOf(e).sort()).toEqual(
      ['contestant_on_other_team', 'contestant_on_other_team', 'contestant_too_old', 'id_number.checksum', 'id_number_other_school', 'phone_invalid', 'team_size', 'too_many_advisors'].sort(),
    );
    expect(e.violations!.find((v) => v.code === 'contestant_too_old')!.field).toBe('contestants.1.idNumber');
    expect([count(db, 'contestants'), count(db, 'team_members'), count(db, 'audit_log')]).toEqual(before);
  });

  it('refuses a 身份证号 that another school registered', () => {
    const { school, teamId, people } = newTeamWithRoster();
    const other = db.select().from(contestants).all().find((c) => c.schoolId !== school.schoolId && c.competitionId === 1)!;
    // Free the person from their own team first, so only the school rule is left.
    db.update(teamMembers).set({ removedAt: now }).where(eq(teamMembers.contestantId, other.id)).run();
    const e = refusal(() => saveRoster(db, school, teamId, { contestants: [people[0], { name: '别校', idNumber: other.idNumber }], advisors: [] }, now));
    expect(codesOf(e)).toEqual(['id_number_other_school']);
  });

  it('keeps a removed contestant’s rows and records the change', () => {
    const { school, teamId, people } = newTeamWithRoster();
    saveRoster(db, school, teamId, { contestants: [people[1]], advisors: [] }, now);
    const rows = db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId)).all();
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.removedAt === null)).toHaveLength(1);
    expect(getTeamDetail(db, school, teamId, now).roster.contestants.map((c) => c.name)).toEqual(['李四']);
    expect(count(db, 'contestants')).toBeGreaterThanOrEqual(752);
  });

  it('is refused after submission until the team is returned', () => {
    const { school, teamId, people } = newTeamWithRoster();
    submitTeam(db, school, teamId, now);
    expect(refusal(() => saveRoster(db, school, teamId, { contestants: people, advisors: [] }, now)).code).toBe('team_not_editable');
    returnTeam(db, actorOf(db, 'admin'), teamId, '请补充指导教师职称', now);
    saveRoster(db, school, teamId, { contestants: people, advisors: [advisor('刘老师')] }, now);
    submitTeam(db, school, teamId, now);
    expect(getTeamDetail(db, school, teamId, now).team.status).toBe('submitted');
  });
});

describe('submission and review', () => {
  it('submission needs the minimum team size', () => {
    const { school, teamId } = newTeamWithRoster(1);
    expect(codesOf(refusal(() => submitTeam(db, school, teamId, now)))).toEqual(['team_size']);
  });

  it('approval is the organiser’s and checks the quota again', () => {
    const { school, teamId, event } = newTeamWithRoster();
    submitTeam(db, school, teamId, now);
    expect(refusal(() => approveTeam(db, school, teamId, now)).status).toBe(403);
    // A second team of the same school sneaks in (e.g. entered before the quota was lowered).
    db.insert(teams).values({ eventId: event.id, schoolId: school.schoolId!, name: '第二队', status: 'approved' }).run();
    expect(codesOf(refusal(() => approveTeam(db, actorOf(db, 'admin'), teamId, now)))).toEqual(['quota_exceeded']);
    db.update(teams).set({ withdrawnAt: now }).where(eq(teams.name, '第二队')).run();
    approveTeam(db, actorOf(db, 'admin'), teamId, now);
    expect(db.select().from(teams).where(eq(teams.id, teamId)).get()!.status).toBe('approved');
  });

  it('approval still works after the deadline, when edits no longer do', () => {
    const { school, teamId } = newTeamWithRoster();
    submitTeam(db, school, teamId, now);
    db.update(competitions).set({ phase: 'running' }).run();
    approveTeam(db, actorOf(db, 'admin'), teamId, now);
  });

  it('returning needs a reason, which the school then sees', () => {
    const { school, teamId } = newTeamWithRoster();
    submitTeam(db, school, teamId, now);
    expect(refusal(() => returnTeam(db, actorOf(db, 'admin'), teamId, '  ', now)).code).toBe('return_reason_required');
    returnTeam(db, actorOf(db, 'admin'), teamId, '身份证复印件不清晰', now);
    expect(getTeamDetail(db, school, teamId, now).team).toMatchObject({ status: 'returned', returnReason: '身份证复印件不清晰' });
  });

  it('reviews in bulk, each team on its own', () => {
    const admin = actorOf(db, 'admin');
    const submitted = db.select().from(teams).where(and(eq(teams.status, 'submitted'), isNull(teams.withdrawnAt))).all().slice(0, 5);
    const outcome = reviewMany(db, admin, [...submitted.map((t) => t.id), 999999], 'approve', undefined, now);
    expect(outcome.filter((o) => o.ok).length).toBeGreaterThan(0);
    expect(outcome.at(-1)).toMatchObject({ teamId: 999999, ok: false });
  });
});

describe('who sees what', () => {
  it('another school can neither read, save, submit nor approve a team', () => {
    const { teamId, people } = newTeamWithRoster();
    const otherSchool = actorOf(db, 's13001');
    const audits = count(db, 'audit_log');
    expect(refusal(() => getTeamDetail(db, otherSchool, teamId, now)).status).toBe(403);
    expect(refusal(() => saveRoster(db, otherSchool, teamId, { contestants: people, advisors: [] }, now)).status).toBe(403);
    expect(refusal(() => submitTeam(db, otherSchool, teamId, now)).status).toBe(403);
    expect(refusal(() => approveTeam(db, otherSchool, teamId, now)).status).toBe(403);
    expect(count(db, 'audit_log')).toBe(audits);
    expect(getTeamDetail(db, actorOf(db, 'school'), teamId, now).team.status).toBe('draft');
  });

  it('pages the list: every team once across the pages and across the cursor slices, with the total', () => {
    const admin = actorOf(db, 'admin');
    const first = listRegistrations(db, admin, {}, { page: 1, limit: 40 }, now);
    expect(first.teams).toHaveLength(40);
    expect(first.pages).toBe(Math.ceil(first.total / 40));
    const paged = Array.from({ length: first.pages }, (_, i) => listRegistrations(db, admin, {}, { page: i + 1, limit: 40 }, now).teams.map((t) => t.id)).flat();
    expect(paged).toHaveLength(first.total);
    expect(new Set(paged).size).toBe(first.total);
    // A page past the end is the last page, not an empty one.
    expect(listRegistrations(db, admin, {}, { page: 9999, limit: 40 }, now).page).toBe(first.pages);
    const followed: number[] = [];
    let cursor: number | undefined = 0;
    while (cursor !== undefined) {
      const slice = listRegistrations(db, admin, {}, { cursor, limit: 70 }, now);
      followed.push(...slice.teams.map((t) => t.id));
      cursor = slice.nextCursor === null ? undefined : Number(slice.nextCursor);
    }
    expect(followed.sort((a, b) => a - b)).toEqual([...paged].sort((a, b) => a - b));
    // Searching names a team or a school, and a % or _ is a character, not a wildcard.
    const named = listRegistrations(db, admin, { q: '铁道' }, {}, now);
    expect(named.total).toBeGreaterThan(0);
    expect(named.teams.every((t) => t.school.includes('铁道') || t.name.includes('铁道'))).toBe(true);
    expect(listRegistrations(db, admin, { q: '%' }, {}, now).total).toBe(0);
    // Other orders page just as well: by school, by status, newest submission first.
    for (const sort of ['school', 'status', 'submitted'] as const) {
      const pages = Math.ceil(first.total / 40);
      const ids = Array.from({ length: pages }, (_, i) => listRegistrations(db, admin, { sort }, { page: i + 1, limit: 40 }, now).teams.map((t) => t.id)).flat();
      expect(new Set(ids).size, sort).toBe(first.total);
    }
    const bySchool = listRegistrations(db, admin, { sort: 'school' }, { limit: 500 }, now).teams;
    const order = bySchool.map((t) => t.school);
    expect(order.indexOf(order.at(-1)!)).toBeGreaterThan(order.lastIndexOf(order[0]));
    const byStatus = listRegistrations(db, admin, { sort: 'status' }, { limit: 500 }, now).teams.map((t) => t.status);
    expect(byStatus).toEqual([...byStatus].sort());
  });

  it('lists mask 身份证号 and phones; a school lists only its own teams', () => {
    const admin = listRegistrations(db, actorOf(db, 'admin'), { status: 'approved' }, { limit: 500 }, now).teams;
    expect(admin.length).toBeGreaterThan(100);
    expect(admin.every((t) => t.status === 'approved')).toBe(true);
    for (const t of admin.slice(0, 20)) {
      for (const c of t.contestants) expect(c.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      for (const a of t.advisors) expect(a.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const own = listRegistrations(db, actorOf(db, 'school'), { schoolId: 1 }, {}, now).teams;
    expect(new Set(own.map((t) => t.school))).toEqual(new Set(['湖南铁道职业技术学院']));
  });

  it('counts per event and per prefecture', () => {
    const { byEvent, byPrefecture } = registrationCounts(db, actorOf(db, 'admin'));
    expect(byEvent.reduce((n, e) => n + e.total, 0)).toBe(350);
    expect(byPrefecture.reduce((n, p) => n + p.approved, 0)).toBe(byEvent.reduce((n, e) => n + e.approved, 0));
    expect(refusal(() => registrationCounts(db, actorOf(db, 'school'))).status).toBe(403);
  });
});
