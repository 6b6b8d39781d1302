/**
 * An event's results as a workbook (成绩明细), for the organiser and the chief judge once the event
 * is decrypted: rank, work code, team and school, each module's score, the total and the award —
 * the same exact numbers as the stored results, with their two decimals.
 */
import ExcelJS from 'exceljs';
import type { Db } from '#db/client.ts';
import { fromHundredths } from '#app/domain/exact.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { getResults, scoreEvent } from './result.server.ts';
import { tiersOfRun } from './run.server.ts';
import { loadScheme } from './scheme.server.ts';

const TIER_NAMES = { first: '一等奖', second: '二等奖', third: '三等奖', merit: '优秀奖' } as const;

export async function resultsWorkbook(db: Db, actor: Actor, eventId: number): Promise<{ buffer: Buffer; filename: string; ascii: string }> {
  requirePermission(actor, 'marking:review', { eventId });
  const results = getResults(db, actor, eventId);
  const modules = loadScheme(db, eventId)?.modules ?? [];
  const scores = scoreEvent(db, eventId)?.scores ?? new Map();
  const tiers = tiersOfRun(db, results.runId);
  const book = new ExcelJS.Workbook();
  book.creator = '楚怡杯竞赛系统';
  const sheet = book.addWorksheet('成绩明细', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = ['名次', '作品编号', '参赛队', '院校', ...modules.map((m) => `${m.code} ${m.name}`), '总分', '奖项'];
  sheet.addRow([`${results.event.code} ${results.event.name} 成绩明细`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow(headers).font = { bold: true };
  for (const r of results.rows) {
    const score = scores.get(r.teamId);
    const byModule = modules.map((m) => (r.absent || !score ? null : fromHundredths(score.modules.get(m.id) ?? 0)));
    const tier = tiers.get(r.teamId);
    sheet.addRow([r.absent ? '缺考' : r.rank, r.workCode, r.team, r.school, ...byModule, r.absent ? null : r.total, tier && tier in TIER_NAMES ? TIER_NAMES[tier as keyof typeof TIER_NAMES] : '']);
  }
  sheet.columns = headers.map((h, i) => ({ width: i < 2 ? 9 : i < 4 ? 28 : Math.max(10, h.length * 2) }));
  // Every score with the two decimals it is kept to.
  for (let c = 5; c <= 5 + modules.length; c++) sheet.getColumn(c).numFmt = '0.00';
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const { code, name } = results.event;
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), filename: `${code}-${name}-成绩明细.xlsx`, ascii: `${code}-results.xlsx` };
}
