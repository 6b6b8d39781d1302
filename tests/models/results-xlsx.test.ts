/** The results workbook (#14): every module's score beside the total, exact, for the chief judge and the organiser only. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hundredthsOf } from '#app/domain/exact.ts';
import { resultsWorkbook } from '#app/models/results-xlsx.server.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { readyToScore } from '../helpers/judging.ts';
import { asyncRefusal } from '../helpers/refusal.ts';

describe('the results workbook', () => {
  it('gives each team its module scores, which add up exactly to its total, with its rank and award', async () => {
    const db = await demoDb();
    const { ready } = lockedWithAnError(db);
    const { buffer, filename, ascii } = await resultsWorkbook(db, ready.chief, ready.event.id);
    expect(filename).toBe('GZ003-电子商务技能-成绩明细.xlsx');
    expect(ascii).toBe('GZ003-results.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('成绩明细')!;
    const headers = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const modules = ready.scheme.modules.length;
    expect(headers.slice(4, 4 + modules)).toEqual(ready.scheme.modules.map((m) => `${m.code} ${m.name}`));
    expect(headers.slice(-2)).toEqual(['总分', '奖项']);
    let ranked = 0;
    sheet.eachRow((row, n) => {
      if (n <= 2 || row.getCell(1).value === '缺考') return;
      const scores = Array.from({ length: modules }, (_, i) => row.getCell(5 + i).value as number);
      const total = row.getCell(5 + modules).value as number;
      expect(scores.reduce((a, b) => a + hundredthsOf(b), 0)).toBe(hundredthsOf(total));
      expect(row.getCell(5).numFmt).toBe('0.00');
      ranked++;
    });
    expect(ranked).toBeGreaterThan(10);
    expect((await asyncRefusal(resultsWorkbook(db, actorOf(db, 'school'), ready.event.id))).status).toBe(403);
    // Before the lock decrypts it, there is nothing to export.
    const scoring = readyToScore(db);
    expect((await asyncRefusal(resultsWorkbook(db, scoring.chief, scoring.event.id))).status).toBe(409);
  });
});
