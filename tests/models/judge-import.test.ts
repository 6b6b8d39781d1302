/** Judges from a sheet (#12): all or nothing, by phone, assignments with 回避 per row, one-time accounts. */
import ExcelJS from 'exceljs';
import { seedHistory } from '../../scripts/seed/history.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, judgeAssignments, judges, schools, teams, users } from '#db/schema.ts';
import { verifyLogin } from '#app/models/account.server.ts';
import { onEventChanged } from '#app/models/changes.server.ts';
import { importJudges, judgePool, judgeTemplate, JUDGE_SHEET } from '#app/models/judge-import.server.ts';
import { actorOf, count, demoDb, TEST_NOW } from '../helpers/db.ts';

async function sheet(rows: string[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(JUDGE_SHEET);
  ws.addRow(['姓名', '工作单位', '所在院校代码', '职称', '手机号', '赛项代码', '角色']);
  for (const r of rows) ws.addRow(r);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

describe('importing judges on the demo', () => {
  it('creates judges with accounts, assigns them, and the same file again creates nobody', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const gz058 = db.select().from(events).where(eq(events.code, 'GZ058')).get()!;
    const rows = [
      ['周建国', '三一重工股份有限公司', '', '高级工程师', '13600000001', 'GZ058', '评分裁判'],
      ['吴丽华', '中车株洲电力机车有限公司', '', '教授级高工', '13600000002', 'GZ058', ''],
      ['周建国', '三一重工股份有限公司', '', '高级工程师', '13600000001', 'GZ066', '评分裁判'],
    ];
    const before = count(db, 'judges');
    const outcome = await importJudges(db, admin, await sheet(rows));
    expect(outcome).toMatchObject({ ok: true, rows: 3, created: 2, assigned: 3 });
    if (!outcome.ok) return;
    expect(count(db, 'judges')).toBe(before + 2);
    expect((await verifyLogin(db, outcome.accounts[0].username, outcome.accounts[0].password)).ok).toBe(true);
    expect(db.select().from(users).where(eq(users.username, outcome.accounts[0].username)).get()!.mustChangePassword).toBe(true);
    const zhou = db.select().from(judges).where(eq(judges.phone, '13600000001')).get()!;
    expect(db.select().from(judgeAssignments).where(and(eq(judgeAssignments.judgeId, zhou.id), isNull(judgeAssignments.revokedAt))).all().map((a) => a.eventId)).toContain(gz058.id);
    expect(await importJudges(db, admin, await sheet(rows))).toMatchObject({ ok: true, created: 0, updated: 0, assigned: 0 });
    expect(count(db, 'judges')).toBe(before + 2);
    const pool = judgePool(db, admin, { q: '周建国' });
    expect(pool.rows).toEqual([expect.objectContaining({ name: '周建国', events: expect.arrayContaining([{ code: 'GZ058', role: 'scoring_judge' }]) })]);
  });

  it('pages the pool in the order asked, matches what is typed as written, and shows this year’s events only', async () => {
    const db = await demoDb();
    await seedHistory(db, { now: TEST_NOW });
    const admin = actorOf(db, 'admin');
    const first = judgePool(db, admin, { sort: 'affiliation' });
    const all = Array.from({ length: first.pages }, (_, i) => judgePool(db, admin, { sort: 'affiliation', page: i + 1 }).rows).flat();
    expect(new Set(all.map((j) => j.id)).size).toBe(first.total);
    expect(all.map((j) => j.affiliation)).toEqual(all.map((j) => j.affiliation).sort());
    const newest = judgePool(db, admin, { sort: 'newest' }).rows.map((j) => j.id);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    // A page past the end is the last page; _ and % are characters, not wildcards.
    expect(judgePool(db, admin, { page: 999 }).page).toBe(first.pages);
    expect(judgePool(db, admin, { q: '_' }).total).toBe(0);
    // The demo's judges also judged last year: only this year's events are listed beside them.
    const thisYear = new Set(db.$client.prepare('select code from events where competition_id = (select id from competitions order by year desc limit 1)').pluck().all() as string[]);
    const codes = all.flatMap((j) => j.events.map((e) => e.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => thisYear.has(c))).toBe(true);
    const assignedThisYear = db.$client
      .prepare('select count(*) from judge_assignments a join events e on e.id = a.event_id where a.revoked_at is null and e.competition_id = (select id from competitions order by year desc limit 1)')
      .pluck()
      .get();
    expect(codes.length).toBe(assignedThisYear);
  });

  it('tells the live boards of each event it assigns to, as an assignment by hand does', async () => {
    const db = await demoDb();
    const gz058 = db.select().from(events).where(eq(events.code, 'GZ058')).get()!;
    const told: number[] = [];
    const stop = onEventChanged(db, (eventId) => told.push(eventId));
    const outcome = await importJudges(db, actorOf(db, 'admin'), await sheet([['周建国', '三一重工股份有限公司', '', '高级工程师', '13600000001', 'GZ058', '评分裁判']]));
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    expect(outcome).toMatchObject({ ok: true, assigned: 1 });
    expect(told).toEqual([gz058.id]);
  });

  it('reports every 回避 conflict and bad value on its row, and writes nothing', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const gz012 = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    const competing = db.select({ code: schools.code, name: schools.name }).from(teams).innerJoin(schools, eq(schools.id, teams.schoolId)).where(eq(teams.eventId, gz012.id)).get()!;
    const judgesBefore = count(db, 'judges');
    const outcome = await importJudges(db, admin, await sheet([
      ['回避老师', '', competing.code, '讲师', '13600000011', 'GZ012', '评分裁判'],
      ['', '某公司', '', '', '123', 'XX999', '组长'],
      ['新裁判长', '某公司', '', '', '13600000013', 'GZ012', '裁判长'],
    ]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.column])).toEqual([[2, '赛项代码'], [3, '姓名'], [3, '手机号'], [3, '赛项代码'], [3, '角色'], [4, '角色']]);
    expect(outcome.errors[0].message).toBe(`须回避：${competing.name}在 GZ012 有参赛队`);
    expect(count(db, 'judges')).toBe(judgesBefore);
  });

  it('reads its own template', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    expect(await importJudges(db, admin, (await judgeTemplate(db, admin)).buffer as ArrayBuffer)).toMatchObject({ ok: true, created: 1 });
  });
});
