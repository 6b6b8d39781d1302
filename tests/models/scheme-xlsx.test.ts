/** Scoring schemes in Excel: the workbook round trip, row problems, whole-scheme rules, all or nothing. */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { events } from '#db/schema.ts';
import { translator } from '#app/i18n/i18n.ts';
import { ModelError } from '#app/models/errors.ts';
import { putMark } from '#app/models/mark.server.ts';
import { importScheme, schemeWorkbook, SCHEME_SHEET } from '#app/models/scheme-xlsx.server.ts';
import { loadScheme } from '#app/models/scheme.server.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';
import { readyToScore } from '../helpers/judging.ts';

let db: Db;
let eventId: number;
beforeEach(async () => {
  db = await demoDb();
  eventId = db.select().from(events).where(eq(events.code, 'GZ012')).get()!.id;
});

const t = translator('zh-CN');
const admin = () => actorOf(db, 'admin');
const importAs = (file: ArrayBuffer, who = admin()) => importScheme(db, who, eventId, file, 'zh-CN', t);

type Line = [moduleCode: string, moduleName: string, code: string, name: string, maxMarks: number | string, decimals: number | string, kind: string, allOrNothing?: string];
const HEADERS = ['模块代码', '模块名称', '评分项代码', '评分项名称', '满分', '小数位', '类型', '只能0分或满分'];

async function workbook(lines: Line[], expectedTotal?: number | string): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SCHEME_SHEET);
  sheet.addRow(HEADERS);
  for (const line of lines) sheet.addRow(line);
  if (expectedTotal !== undefined) wb.addWorksheet('设置').addRows([['项目', '值'], ['应得总分', expectedTotal]]);
  return toArrayBuffer(await wb.xlsx.writeBuffer());
}
const toArrayBuffer = (b: ArrayBuffer | Buffer | Uint8Array) => (b instanceof ArrayBuffer ? b : new Uint8Array(b).slice().buffer);

const GOOD: Line[] = [
  ['A', '机器人装调', 'A1', '机械装配', 30, 1, '客观测量'],
  ['A', '机器人装调', 'A2', '电气接线', 20, 0, '客观测量', '是'],
  ['B', '编程与调试', 'B1', '程序功能', 35, 1, '客观测量'],
  ['B', '编程与调试', 'B2', '职业素养', 15, 1, '主观评价', '否'],
];

describe('the scheme workbook', () => {
  it('downloads the event’s scheme and imports it back unchanged', async () => {
    const before = loadScheme(db, eventId)!;
    const { buffer, filename } = await schemeWorkbook(db, admin(), eventId);
    expect(filename).toBe('GZ012-工业机器人技术应用-评分标准.xlsx');
    const outcome = await importAs(toArrayBuffer(buffer));
    expect(outcome).toEqual({ ok: true, modules: before.modules.length, criteria: before.criteria.length, total: before.total });
    const after = loadScheme(db, eventId)!;
    const shape = (s: typeof before) => s.modules.map((m) => [m.code, m.name, m.criteria.map((c) => [c.code, c.name, c.maxMarks, c.decimals, c.kind, c.allOrNothing])]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.expectedTotal).toBe(before.expectedTotal);
    // A new scheme version: the old criteria are retired, not deleted.
    expect(after.criteria.map((c) => c.id)).not.toEqual(before.criteria.map((c) => c.id));
  });

  it('imports modules and criteria in the sheet’s order, with the kind and all-or-nothing words', async () => {
    expect(await importAs(await workbook(GOOD, 100))).toEqual({ ok: true, modules: 2, criteria: 4, total: 100 });
    const scheme = loadScheme(db, eventId)!;
    expect(scheme.modules.map((m) => m.code)).toEqual(['A', 'B']);
    expect(scheme.criteria.map((c) => [c.code, c.kind, c.allOrNothing])).toEqual([
      ['A1', 'measurement', false],
      ['A2', 'measurement', true],
      ['B1', 'measurement', false],
      ['B2', 'judgement', false],
    ]);
    const audit = db.$client.prepare("select actor_label from audit_log where action = 'scheme.save' order by id desc").get() as { actor_label: string };
    expect(audit.actor_label).toContain('admin');
  });

  it('names every bad row and column, and changes nothing', async () => {
    const before = loadScheme(db, eventId)!;
    const audits = count(db, 'audit_log');
    const outcome = await importAs(
      await workbook([
        GOOD[0],
        ['A', '机器人装调', 'A2', '电气接线', -5, 0, '客观测量'],
        ['B', '编程与调试', 'B1', '', 35, 1, '客观'],
        ['B', '编程与调试', 'B2', '职业素养', 15, 3, '印象分', '也许'],
      ]),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '满分'],
      [4, '评分项名称'],
      [5, '类型'],
      [5, '只能0分或满分'],
      [5, '小数位'],
    ]);
    expect(outcome.errors.find((e) => e.column === '类型')!.message).toBe('类型须为“客观测量”或“主观评价”。');
    expect(loadScheme(db, eventId)!.criteria.map((c) => c.id)).toEqual(before.criteria.map((c) => c.id));
    expect(count(db, 'audit_log')).toBe(audits);
  });

  it('refuses a scheme whose total is not the expected one, or with a code twice', async () => {
    const before = loadScheme(db, eventId)!;
    const short = await importAs(await workbook(GOOD.slice(1), 100));
    expect(short).toEqual({ ok: false, errors: [expect.objectContaining({ message: '评分标准总分为 70，应为 100。' })] });
    const twice = await importAs(await workbook([...GOOD.slice(0, 3), ['B', '编程与调试', 'A1', '职业素养', 15, 1, '主观评价']], 100));
    expect(twice).toEqual({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining('A1') })] });
    expect(loadScheme(db, eventId)!.criteria.map((c) => c.id)).toEqual(before.criteria.map((c) => c.id));
  });

  it('keeps the event’s expected total when the workbook has no settings sheet', async () => {
    const expected = loadScheme(db, eventId)!.expectedTotal;
    expect(expected).toBe(100);
    expect(await importAs(await workbook(GOOD.slice(1)))).toEqual({ ok: false, errors: [expect.objectContaining({ message: '评分标准总分为 70，应为 100。' })] });
    expect(await importAs(await workbook(GOOD.slice(1), ''))).toMatchObject({ ok: true, total: 70 });
    expect(loadScheme(db, eventId)!.expectedTotal).toBeNull();
  });

  it('refuses once the first mark is in, a file that is not a workbook, a sheet without its headers, and a non-admin', async () => {
    await expect(importAs(new TextEncoder().encode('not a workbook').buffer as ArrayBuffer)).rejects.toMatchObject({ status: 400, code: 'import_not_xlsx' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SCHEME_SHEET).addRows([['名称', '分'], ['x', 1]]);
    await expect(importAs(toArrayBuffer(await wb.xlsx.writeBuffer()))).rejects.toMatchObject({ status: 400, code: 'scheme_import_headers' });
    await expect(importAs(await workbook(GOOD, 100), actorOf(db, 'chief'))).rejects.toBeInstanceOf(ModelError);
    await expect(schemeWorkbook(db, actorOf(db, 'school'), eventId)).rejects.toMatchObject({ status: 403 });

    const ready = readyToScore(db);
    const c = ready.scheme.criteria[0];
    putMark(db, ready.judges[0], { eventId, workCode: ready.desk.find((d) => d.workCode)!.workCode!, criterionId: c.id, value: 0, idempotencyKey: 'first-mark' });
    const outcome = await importAs(await workbook(GOOD, 100));
    expect(outcome).toEqual({ ok: false, errors: [expect.objectContaining({ message: '已有评分记录，评分标准不能再修改。' })] });
  });
});
