/** The announcement list (公示名单) of an event as a workbook: the award winners, then 优秀指导教师. */
import ExcelJS from 'exceljs';
import type { EventAwards } from './award.server.ts';

const TIER_NAMES = { first: '一等奖', second: '二等奖', third: '三等奖', merit: '优秀奖' } as const;

export async function announcementWorkbook(awards: EventAwards): Promise<{ buffer: Buffer; filename: string; ascii: string }> {
  const { event } = awards;
  const book = new ExcelJS.Workbook();
  book.creator = '楚怡杯竞赛系统';
  const winners = book.addWorksheet('获奖名单', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  winners.addRow([`${event.competition} ${event.code} ${event.name} 获奖名单（公示）`]).font = { bold: true, size: 14 };
  winners.mergeCells(1, 1, 1, 9);
  winners.addRow(['序号', '奖项', '名次', '总分', '参赛队', '院校', '市州', '选手', '指导教师']).font = { bold: true };
  awards.rows
    .filter((r) => r.award)
    .forEach((r, i) => winners.addRow([i + 1, TIER_NAMES[r.award!], r.rank, r.total, r.team, r.school, r.prefecture, r.contestants.join('、'), r.advisors.join('、')]));
  winners.columns = [6, 8, 6, 10, 30, 28, 14, 24, 20].map((width) => ({ width }));
  // Totals are kept to two decimals, and shown with both (89.00, 80.10), as on every page.
  winners.getColumn(4).numFmt = '0.00';
  winners.views = [{ state: 'frozen', ySplit: 2 }];

  const advisors = book.addWorksheet('优秀指导教师');
  advisors.addRow(['序号', '姓名', '院校', '参赛队']).font = { bold: true };
  awards.outstandingAdvisors.forEach((a, i) => advisors.addRow([i + 1, a.name, a.school, a.team]));
  advisors.columns = [6, 12, 28, 30].map((width) => ({ width }));

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer, filename: `${event.code}-${event.name}-公示名单.xlsx`, ascii: `${event.code}-announcement.xlsx` };
}
