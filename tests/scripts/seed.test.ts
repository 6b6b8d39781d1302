import { describe, expect, it } from 'vitest';
import { parseIdNumber, ageOn } from '#app/domain/id-number.ts';
import { emptyDb, TEST_NOW } from '../helpers/db.ts';
import { seedCompetition } from '../../scripts/seed/generate.ts';
import type { Db } from '#db/client.ts';

const all = <T>(db: Db, sql: string) => db.$client.prepare(sql).all() as T[];

/** Everything but timestamps: what a second run must reproduce. */
function fingerprint(db: Db): string {
  return JSON.stringify([
    all(db, 'select code, name, type, prefecture_id, contact_phone from schools order by id'),
    all(db, 'select code, name, min_team_size, max_team_size, aggregation_method from events order by id'),
    all(db, 'select name, id_number, school_id from contestants order by id'),
    all(db, 'select event_id, school_id, status from teams order by id'),
    all(db, 'select module_id, name, max_marks, kind from criteria order by id'),
  ]);
}

describe('the demo competition', async () => {
  const db = emptyDb();
  const report = await seedCompetition(db, { now: TEST_NOW });

  it('is deterministic', async () => {
    const again = emptyDb();
    await seedCompetition(again, { now: TEST_NOW });
    expect(fingerprint(again)).toBe(fingerprint(db));
  });

  it('has three divisions and at least 12 events mixing individual and team events', () => {
    expect(all<{ code: string }>(db, 'select code from divisions order by sort_order').map((d) => d.code)).toEqual(['ZZ', 'GZ', 'JS']);
    expect(report.events).toBeGreaterThanOrEqual(12);
    const sizes = all<{ max_team_size: number }>(db, 'select max_team_size from events');
    expect(sizes.some((e) => e.max_team_size === 1)).toBe(true);
    expect(sizes.some((e) => e.max_team_size > 1)).toBe(true);
    for (const e of all<{ code: string }>(db, 'select code from events')) expect(e.code).toMatch(/^(GZ|ZZ|JS)\d{3}$/);
  });

  it('gives every event a scheme of 2–4 modules and 6–20 criteria totalling 100, mixing kinds', () => {
    const schemes = all<{ event_id: number; modules: number; criteria: number; total: number; kinds: number }>(
      db,
      `select s.event_id, count(distinct m.id) modules, count(c.id) criteria, sum(c.max_marks) total, count(distinct c.kind) kinds
       from scoring_schemes s join scheme_modules m on m.scheme_id = s.id join criteria c on c.module_id = m.id group by s.id`,
    );
    expect(schemes).toHaveLength(report.events);
    for (const s of schemes) {
      expect(s.modules).toBeGreaterThanOrEqual(2);
      expect(s.modules).toBeLessThanOrEqual(4);
      expect(s.criteria).toBeGreaterThanOrEqual(6);
      expect(s.criteria).toBeLessThanOrEqual(20);
      expect(s.total).toBeCloseTo(100, 6);
    }
    expect(schemes.filter((s) => s.kinds === 2).length).toBeGreaterThanOrEqual(report.events - 2);
  });

  it('has at least 40 schools over all 14 prefectures and 省直, of all four types', () => {
    expect(report.schools).toBeGreaterThanOrEqual(40);
    expect(all(db, 'select distinct prefecture_id from schools')).toHaveLength(15);
    expect(all(db, 'select distinct type from schools')).toHaveLength(4);
  });

  it('gives every contestant a valid, unique 身份证号 matching birth date, gender and division age', () => {
    const rows = all<{ id_number: string; birth_date: string; gender: string; max_age: number | null; starts_on: string }>(
      db,
      `select c.id_number, c.birth_date, c.gender, d.max_age, comp.starts_on from contestants c
       join team_members tm on tm.contestant_id = c.id join teams t on t.id = tm.team_id join events e on e.id = t.event_id
       join divisions d on d.id = e.division_id join competitions comp on comp.id = e.competition_id`,
    );
    expect(rows.length).toBe(report.contestants);
    expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
    for (const r of rows) {
      const parsed = parseIdNumber(r.id_number, TEST_NOW);
      expect(parsed.ok, r.id_number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.info.birthDate).toBe(r.birth_date);
      expect(parsed.info.gender).toBe(r.gender);
      if (r.max_age !== null) expect(ageOn(r.birth_date, r.starts_on)).toBeLessThanOrEqual(r.max_age);
    }
  });

  it('keeps team sizes, advisor limits and the quota of one team per school and event', () => {
    const bad = all(
      db,
      `select t.id from teams t join events e on e.id = t.event_id
       where (select count(*) from team_members m where m.team_id = t.id) not between e.min_team_size and e.max_team_size
          or (select count(*) from team_advisors a where a.team_id = t.id) > e.max_advisors`,
    );
    expect(bad).toEqual([]);
    expect(all(db, 'select event_id, school_id from teams group by event_id, school_id having count(*) > 1')).toEqual([]);
  });

  it('enters only schools whose type the division allows', () => {
    const rows = all<{ type: string; allowed: string }>(
      db,
      'select s.type, d.allowed_school_types allowed from teams t join schools s on s.id = t.school_id join events e on e.id = t.event_id join divisions d on d.id = e.division_id',
    );
    for (const r of rows) expect(JSON.parse(r.allowed)).toContain(r.type);
  });

  it('assigns every event one chief judge and scoring judges, none from a school with a team in it (回避)', () => {
    const chiefs = all<{ n: number }>(db, "select count(*) n from judge_assignments where role = 'chief_judge' group by event_id");
    expect(chiefs).toHaveLength(report.events);
    expect(chiefs.every((c) => c.n === 1)).toBe(true);
    const conflicts = all(
      db,
      `select ja.id from judge_assignments ja join judges j on j.id = ja.judge_id
       join teams t on t.event_id = ja.event_id and t.school_id = j.affiliation_school_id`,
    );
    expect(conflicts).toEqual([]);
  });

  it('has one account of every role, and the demo accounts', () => {
    expect(all<{ role: string }>(db, 'select distinct role from users order by role').map((r) => r.role)).toEqual(['admin', 'arbiter', 'judge', 'school']);
    const demo = all<{ username: string }>(db, "select username from users where username in ('admin','school','judge','chief','arbiter')");
    expect(demo).toHaveLength(5);
  });
});

describe('the province-scale competition', () => {
  it('reaches DOMAIN.md’s scale', async () => {
    const db = emptyDb();
    const report = await seedCompetition(db, { scale: 'province', now: TEST_NOW });
    expect(report.events).toBe(200);
    expect(report.schools).toBeGreaterThanOrEqual(700);
    expect(report.contestants).toBeGreaterThanOrEqual(10_000);
    expect(report.judges).toBeGreaterThanOrEqual(2_000);
  }, 60_000);
});

describe('the demo’s finished earlier year', () => {
  it('holds a closed year with final results, issued certificates and confirmed inheritors; the current year stays current', async () => {
    const { openMigratedDatabase } = await import('#db/client.ts');
    const { seedCompetition } = await import('../../scripts/seed/generate.ts');
    const { seedHistory } = await import('../../scripts/seed/history.ts');
    const { findCurrentCompetition } = await import('#app/models/competition.server.ts');
    const { inheritorRegister } = await import('#app/models/nomination.server.ts');
    const db = openMigratedDatabase(':memory:');
    await seedCompetition(db);
    const past = await seedHistory(db);
    expect(findCurrentCompetition(db)!.year).toBe(2026);
    const year = db.$client.prepare('select year, phase from competitions where id = ?').get(past.competitionId);
    expect(year).toEqual({ year: 2025, phase: 'closed' });
    expect(db.$client.prepare('select distinct status from events where competition_id = ?').pluck().all(past.competitionId)).toEqual(['final']);
    // The demo school took part: its certificates are there for the `school` account to see.
    const railway = db.$client.prepare("select count(*) from certificates c join schools s on s.id = c.school_id join events e on e.id = c.event_id where s.name = '湖南铁道职业技术学院' and e.competition_id = ?").pluck().get(past.competitionId) as number;
    expect(railway).toBeGreaterThan(0);
    expect(inheritorRegister(db, { year: 2025 }).total).toBe(past.inheritors);
    expect(past.inheritors).toBeGreaterThan(0);
  });
});
