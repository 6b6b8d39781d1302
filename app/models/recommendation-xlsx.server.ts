/**
 * The 国赛推荐名单 as a workbook: who is recommended, in order, with the total the rule ranked by,
 * and below them the rule and the cut in words — what the list says on the page and on paper.
 */
import ExcelJS from 'exceljs';
import { fromOrNull } from '#app/domain/exact.ts';
import type { recommendationList } from './round.server.ts';

/** The list as `recommendationList` gave it to its reader (who may see it is decided there). */
export async function recommendationWorkbook(list: ReturnType<typeof recommendationList>): Promise<{ buffer: Buffer; filename: string; ascii: string }> {
  const book = new ExcelJS.Workbook();
  book.creator = '楚怡杯竞赛系统';
  const sheet = book.addWorksheet('国赛推荐名单', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = ['序号', '排名', '选手', '参赛队', '院校', '市州', '总分', '备注'];
  sheet.addRow([`${list.event.code} ${list.event.name} 国赛推荐名单`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow(headers).font = { bold: true };
  list.rows.forEach((r, i) => sheet.addRow([i + 1, r.rank, r.names.join('、'), r.team, r.school, r.prefecture, fromOrNull(r.total), r.withdrawn ? '已退出' : r.replaces ? '递补' : '']));
  sheet.addRow([]);
  for (const line of [list.ruleText, list.basisText, ...list.explanation]) sheet.addRow([line]);
  sheet.columns = [6, 6, 18, 28, 28, 12, 10, 8].map((width) => ({ width }));
  sheet.getColumn(7).numFmt = '0.00';
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const { code, name } = list.event;
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), filename: `${code}-${name}-国赛推荐名单.xlsx`, ascii: `${code}-recommendation.xlsx` };
}
