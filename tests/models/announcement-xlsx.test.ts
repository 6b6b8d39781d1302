/** The 公示名单 workbook (#14): its winners with their totals, and a file name people can read. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxResponse } from '#app/api/xlsx.server.ts';
import { announcementWorkbook } from '#app/models/announcement-xlsx.server.ts';
import { eventAwards } from '#app/models/award.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { actorOf, demoDb } from '../helpers/db.ts';

describe('the announcement list as a workbook', () => {
  it('gives every winner’s total with its two decimals, and names the file in words in both encodings', async () => {
    const db = await demoDb();
    const { ready } = lockedWithAnError(db);
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    const awards = eventAwards(db, null, ready.event.id);
    const { buffer, filename, ascii } = await announcementWorkbook(awards);
    expect(filename).toBe('GZ003-电子商务技能-公示名单.xlsx');
    expect(ascii).toBe('GZ003-announcement.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('获奖名单')!;
    expect(sheet.getRow(2).getCell(4).value).toBe('总分');
    const winners = awards.rows.filter((r) => r.award);
    winners.forEach((w, i) => {
      const cell = sheet.getRow(3 + i).getCell(4);
      expect(cell.value).toBe(w.total);
      expect(cell.numFmt).toBe('0.00');
    });
    const disposition = xlsxResponse(buffer, { filename, ascii }).headers.get('Content-Disposition')!;
    expect(disposition).toContain('filename="GZ003-announcement.xlsx"');
    expect(disposition).toContain(encodeURIComponent(filename));
  });
});
