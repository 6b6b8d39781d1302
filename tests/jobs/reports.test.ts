/** What long work tells the page, step by step: an import's stages and accounts, an export's rows. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '#app/jobs/progress.ts';
import { importSchools } from '#app/models/school-import.server.ts';
import { exportRegistrations } from '#app/models/registration-xlsx.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';

describe('progress reports', () => {
  it('an import says it reads, checks every row, makes each account, then saves', async () => {
    const db = await demoDb();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('院校');
    ws.addRow(['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话']);
    for (let i = 0; i < 5; i++) ws.addRow([`RPT${i}`, `湖南进度测试学院${i}`, '高职专科', '益阳市', '', '']);
    const seen: JobProgress[] = [];
    const outcome = await importSchools(db, actorOf(db, 'admin'), (await wb.xlsx.writeBuffer()) as ArrayBuffer, '院校.xlsx', (p) => seen.push(p));
    expect(outcome.ok).toBe(true);
    expect(seen.map((p) => `${p.stage} ${p.done}/${p.total}`)).toEqual(['read 0/0', 'check 0/5', 'accounts 0/5', 'accounts 1/5', 'accounts 2/5', 'accounts 3/5', 'accounts 4/5', 'accounts 5/5', 'write 0/5']);
  });

  it('an export counts the teams it has written out of all, then packs the file', async () => {
    const db = await demoDb();
    const seen: JobProgress[] = [];
    await exportRegistrations(db, actorOf(db, 'admin'), {}, 'event', (p) => seen.push(p));
    const teams = db.$client.prepare("select count(*) from teams where status = 'approved'").pluck().get() as number;
    expect(teams).toBeGreaterThan(200);
    expect(seen[0]).toEqual({ stage: 'rows', done: 0, total: teams });
    expect(seen.at(-1)).toEqual({ stage: 'file', done: teams, total: teams });
    expect(seen.filter((p) => p.stage === 'rows').map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(teams / 200) }, (_, i) => i * 200));
  });
});
