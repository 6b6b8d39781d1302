/** Schools from the province's sheet (#12): all or nothing, by code, with one-time accounts. */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, imports, schools, users } from '#db/schema.ts';
import { createFirstAdmin, verifyLogin } from '#app/models/account.server.ts';
import { importSchools, schoolTemplate, SCHOOL_SHEET } from '#app/models/school-import.server.ts';
import { setSchoolDisabled } from '#app/models/school.server.ts';
import { listOpenEvents } from '#app/models/roster.server.ts';
import { actorOf, count, demoDb, emptyDb, TEST_NOW } from '../helpers/db.ts';
import { asyncRefusal, refusal } from '../helpers/refusal.ts';

async function freshInstall() {
  const db = emptyDb();
  await createFirstAdmin(db, { username: 'office', displayName: '组委会办公室', password: '湘江北去-橘子洲头' });
  return { db, admin: actorOf(db, 'office') };
}

async function sheet(rows: (string | number)[][], headers = ['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话']): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SCHOOL_SHEET);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

const GOOD = [
  ['13001', '长沙航空职业技术学院', '高职专科', '长沙市', '王老师', '13811112222'],
  ['13002', '湖南汽车工程职业大学', '职业本科', '株洲市', '', ''],
  ['43001', '长沙财经学校', '中职', '长沙市', '李老师', '13911112222'],
];

describe('importing schools', () => {
  it('creates every school with its account and a one-time password that logs in once and must be changed', async () => {
    const { db, admin } = await freshInstall();
    const outcome = await importSchools(db, admin, await sheet(GOOD), '院校名单.xlsx');
    expect(outcome).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0 });
    if (!outcome.ok) return;
    expect(outcome.accounts.map((a) => a.username)).toEqual(['s13001', 's13002', 's43001']);
    expect(outcome.accounts.every((a) => /^[a-zA-Z2-9]{10}$/.test(a.password))).toBe(true);
    const login = await verifyLogin(db, 's13001', outcome.accounts[0].password);
    expect(login.ok).toBe(true);
    expect(db.select().from(users).where(eq(users.username, 's13001')).get()!.mustChangePassword).toBe(true);
    const kept = db.select().from(imports).get()!;
    expect(kept).toMatchObject({ kind: 'schools', fileName: '院校名单.xlsx', rows: 3, created: 3 });
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'school.create')).all()).toHaveLength(3);
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(outcome.accounts[0].password);
  });

  it('imports the same file twice without a duplicate, and updates a school by its code', async () => {
    const { db, admin } = await freshInstall();
    await importSchools(db, admin, await sheet(GOOD));
    expect(await importSchools(db, admin, await sheet(GOOD))).toMatchObject({ ok: true, created: 0, updated: 0, accounts: [] });
    const renamed = GOOD.map((r) => (r[0] === '43001' ? [...r.slice(0, 4), '赵老师', r[5]] : r));
    expect(await importSchools(db, admin, await sheet(renamed))).toMatchObject({ ok: true, created: 0, updated: 1 });
    expect(count(db, 'schools')).toBe(3);
    expect(db.select().from(schools).where(eq(schools.code, '43001')).get()!.contactName).toBe('赵老师');
  });

  it('lists every bad row with its column and reason, and writes nothing', async () => {
    const { db, admin } = await freshInstall();
    const outcome = await importSchools(db, admin, await sheet([...GOOD, ['1', '', '大学', '北京市', '', '123'], ['13001', '另一所', '高职专科', '长沙市', '', '']]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '院校代码'],
      [5, '院校名称'],
      [5, '类型'],
      [5, '市州'],
      [5, '联系电话'],
      [6, '院校代码'],
    ]);
    expect(outcome.errors.find((e) => e.row === 6)!.message).toBe('与第 2 行的院校代码重复');
    expect([count(db, 'schools'), count(db, 'imports')]).toEqual([0, 0]);
    expect(count(db, 'users')).toBe(1);
  });

  it('refuses a file that is not a workbook, one without rows, and one without its headers', async () => {
    const { db, admin } = await freshInstall();
    expect((await asyncRefusal(importSchools(db, admin, new TextEncoder().encode('院校代码,院校名称\n13001,x').buffer as ArrayBuffer))).code).toBe('import_not_xlsx');
    expect((await asyncRefusal(importSchools(db, admin, await sheet([])))).code).toBe('import_empty');
    expect((await asyncRefusal(importSchools(db, admin, await sheet(GOOD, ['代码', '名称'])))).code).toBe('import_headers');
    expect((await asyncRefusal(importSchools(db, { ...admin, role: 'school', schoolId: 1 }, await sheet(GOOD)))).status).toBe(403);
  });

  it('reads its own template', async () => {
    const { db, admin } = await freshInstall();
    expect(await importSchools(db, admin, (await schoolTemplate(db, admin)).buffer as ArrayBuffer)).toMatchObject({ ok: true, created: 1 });
  });

  it('imports 5,000 schools within seconds (the figure is printed)', async () => {
    const { db, admin } = await freshInstall();
    const prefectures = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '省直'];
    const rows = Array.from({ length: 5000 }, (_, i) => [String(20000 + i), `测试职业技术学院${i}`, i % 3 ? '高职专科' : '中职', prefectures[i % prefectures.length], `联系人${i}`, `139${String(i).padStart(8, '0')}`]);
    const started = performance.now();
    const outcome = await importSchools(db, admin, await sheet(rows));
    const ms = Math.round(performance.now() - started);
    console.log(`import of 5,000 schools (5,000 new accounts): ${ms} ms`);
    expect(outcome).toMatchObject({ ok: true, created: 5000 });
    const again = performance.now();
    expect(await importSchools(db, admin, await sheet(rows))).toMatchObject({ ok: true, created: 0, updated: 0 });
    console.log(`the same 5,000 again (no change): ${Math.round(performance.now() - again)} ms`);
  }, 120_000);
});

describe('disabling a school', () => {
  it('stops its accounts and its registrations, audited; enabling it again restores them', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const school = actorOf(db, 'school');
    expect(refusal(() => setSchoolDisabled(db, admin, school.schoolId!, true, ' ')).code).toBe('reason_required');
    setSchoolDisabled(db, admin, school.schoolId!, true, '学校合并');
    expect(await verifyLogin(db, 'school', 'chuyi2026')).toEqual({ ok: false, code: 'account_disabled' });
    expect(listOpenEvents(db, school, TEST_NOW).every((e) => !e.canEnter)).toBe(true);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'school.disable')).get()!.reason).toBe('学校合并');
    setSchoolDisabled(db, admin, school.schoolId!, false, '误操作');
    expect((await verifyLogin(db, 'school', 'chuyi2026')).ok).toBe(true);
    expect(refusal(() => setSchoolDisabled(db, school, school.schoolId!, true, '越权')).status).toBe(403);
  });
});

describe('delegations on the school sheet', () => {
  it('records each school’s delegation in the current year, once, and refuses it before any year exists', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    const rows = [['13901', '湖南测试职业技术学院', '高职专科', '益阳市', '', '', '湖南测试职业技术学院代表队'], ['43901', '益阳测试中职学校', '中职', '益阳市', '', '', '益阳市代表团（测试）']];
    const headers = ['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话', '代表团'];
    expect(await importSchools(db, admin, await sheet(rows, headers))).toMatchObject({ ok: true, created: 2 });
    expect(await importSchools(db, admin, await sheet(rows, headers))).toMatchObject({ ok: true, created: 0 });
    const made = db.$client.prepare("select name, kind from delegations where name like '%测试%' order by name").all();
    expect(made).toEqual([{ name: '湖南测试职业技术学院代表队', kind: 'school' }, { name: '益阳市代表团（测试）', kind: 'prefecture' }]);
    const { db: fresh, admin: office } = await freshInstall();
    const outcome = await importSchools(fresh, office, await sheet(rows, headers));
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.column)).toEqual(['代表团', '代表团']);
  });
});
