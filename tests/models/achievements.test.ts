/** An inheritor's later record (#15): entered by the organiser year by year, retracted never deleted, and a public 国赛推荐名单 shown. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { achievementsOf, addAchievement, retractAchievement } from '#app/models/achievement.server.ts';
import { actorOf, count, demoDb, TEST_NOW } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';
import { seedHistory } from '../../scripts/seed/history.ts';

let db: Db;
let nominationId: number;
beforeAll(async () => {
  db = await demoDb();
  await seedHistory(db, { now: TEST_NOW });
  nominationId = db.$client.prepare("select id from nominations where status = 'confirmed' order by id limit 1").pluck().get() as number;
});

describe('an inheritor’s later record', () => {
  it('is entered by the organiser only, from the nomination’s year on, and retracted with a reason, never deleted', () => {
    const admin = actorOf(db, 'admin');
    expect(refusal(() => addAchievement(db, actorOf(db, 'school'), nominationId, { year: 2026, kind: 'national', title: '全国职业院校技能大赛' })).status).toBe(403);
    expect(refusal(() => addAchievement(db, admin, nominationId, { year: 2024, kind: 'national', title: '全国职业院校技能大赛' }))).toMatchObject({ status: 422, code: 'achievement_year' });
    const a = addAchievement(db, admin, nominationId, { year: 2026, kind: 'national', title: '全国职业院校技能大赛 工业机器人技术应用赛项', result: '一等奖' });
    const b = addAchievement(db, admin, nominationId, { year: 2025, kind: 'national_team', title: '世界技能大赛中国集训队' });
    expect(achievementsOf(db, nominationId).map((x) => [x.year, x.kind])).toEqual([[2026, 'national'], [2025, 'national_team']]);
    expect(refusal(() => retractAchievement(db, admin, b, ' ')).code).toBe('reason_required');
    retractAchievement(db, admin, b, '录入错误');
    expect(refusal(() => retractAchievement(db, admin, b, '再撤')).code).toBe('achievement_retracted');
    expect(achievementsOf(db, nominationId).map((x) => x.id)).toEqual([a]);
    expect(count(db, 'achievements')).toBe(2);
    // A declined or unknown nomination has no public record.
    expect(refusal(() => achievementsOf(db, 999_999)).status).toBe(404);
  });

  it('shows a place on a 国赛推荐名单 of a later year, found by the person, once that list is public', () => {
    const sql = db.$client;
    const person = sql.prepare('select c.* from nominations n join contestants c on c.id = n.contestant_id where n.id = ?').get(nominationId) as { id_number: string; school_id: number; name: string; gender: string; birth_date: string };
    // The same person enters GZ012 this year (as their 身份证号 says), and is recommended from it.
    const event = sql.prepare("select e.id, e.competition_id from events e join competitions c on c.id = e.competition_id where e.code = 'GZ012' order by c.year desc limit 1").get() as { id: number; competition_id: number };
    const team = sql.prepare('select id from teams where event_id = ? limit 1').pluck().get(event.id) as number;
    const contestant = sql.prepare('insert into contestants (competition_id, school_id, name, gender, id_number, birth_date) values (?, ?, ?, ?, ?, ?) returning id').pluck().get(event.competition_id, person.school_id, person.name, person.gender, person.id_number, person.birth_date) as number;
    sql.prepare('insert into team_members (team_id, contestant_id, position) values (?, ?, 9)').run(team, contestant);
    sql.prepare('insert into advancements (first_round_id, from_event_id, to_event_id, team_id, rank, created_by) values (?, ?, null, ?, 1, 1)').run(event.id, event.id, team);
    sql.prepare('update events set recommended_at = 1 where id = ?').run(event.id);
    expect(achievementsOf(db, nominationId).some((x) => x.kind === 'recommended')).toBe(false);
    sql.prepare("update events set status = 'published' where id = ?").run(event.id);
    const record = achievementsOf(db, nominationId);
    expect(record.find((x) => x.kind === 'recommended')).toMatchObject({ year: 2026, title: expect.stringContaining('GZ012') });
  });
});

describe('the register across platforms', () => {
  it('records each inheritor’s platform and filters by it', async () => {
    const { inheritorRegister } = await import('#app/models/nomination.server.ts');
    const all = inheritorRegister(db);
    expect(all.total).toBeGreaterThan(0);
    expect(all.rows.every((r) => r.platform === 'skills')).toBe(true);
    expect(inheritorRegister(db, { platform: 'skills' }).total).toBe(all.total);
    expect(inheritorRegister(db, { platform: 'works' }).total).toBe(0);
  });
});
