/** Reading an uploaded workbook: shared by every import (registrations, scoring schemes). */
import ExcelJS from 'exceljs';
import { ModelError } from './errors.ts';

export type Column<K extends string> = { header: string; key: K };
export type SheetRow<K extends string> = { row: number; text: Record<K, string> };

/** A sheet's columns as the templates declare them: the header a person reads, the key code reads. */
export type TemplateColumn<K extends string> = { header: string; key: K; width: number };

/** Columns in their order, written as `key: [header, width]`. */
export function columns<K extends string>(spec: Record<K, readonly [header: string, width: number]>): TemplateColumn<K>[] {
  return (Object.entries(spec) as [K, readonly [string, number]][]).map(([key, [header, width]]) => ({ key, header, width }));
}

/** Header by key, for naming a column in an import error. */
export const headersOf = <K extends string>(columns: readonly TemplateColumn<K>[]) => Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<K, string>;

/**
 * A new workbook with one template sheet: bold, frozen headers, and the columns that hold codes,
 * ID numbers or phones kept as text (as numbers Excel would round or strip them).
 */
export function templateSheet<K extends string>(name: string, columns: readonly TemplateColumn<K>[], textColumns: readonly K[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '楚怡杯竞赛系统';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const key of textColumns) sheet.getColumn(key).numFmt = '@';
  return { workbook, sheet };
}

/** The sheet of that name (else the first one) of an uploaded file; 400 when it is not a workbook. */
export async function uploadedSheet(file: ArrayBuffer, name: string, emptyCode: string): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file);
  } catch {
    throw new ModelError(400, 'import_not_xlsx');
  }
  const sheet = workbook.getWorksheet(name) ?? workbook.worksheets[0];
  if (!sheet) throw new ModelError(400, emptyCode);
  return { workbook, sheet };
}

/**
 * Every non-empty row below the header as trimmed text by column key. Columns are found by their
 * headers, so a reordered sheet still reads; a missing required header is a 400 naming it.
 */
export function sheetRows<K extends string>(sheet: ExcelJS.Worksheet, columns: readonly Column<K>[], optional: readonly K[], headersCode: string): SheetRow<K>[] {
  const columnOf = new Map<K, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const found = columns.find((c) => c.header === cell.text.trim());
    if (found) columnOf.set(found.key, col);
  });
  const missing = columns.filter((c) => !optional.includes(c.key) && !columnOf.has(c.key));
  if (missing.length) throw new ModelError(400, headersCode, { headers: missing.map((c) => c.header).join('、') });
  const rows: SheetRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    if (number === 1) return;
    const text = Object.fromEntries(columns.map((c) => [c.key, columnOf.has(c.key) ? r.getCell(columnOf.get(c.key)!).text.trim() : ''])) as Record<K, string>;
    if (columns.some((c) => text[c.key])) rows.push({ row: number, text });
  });
  return rows;
}

/** A drop-down or other check over a range of cells (exceljs writes range rules; its typings only know per-cell ones). */
export function validateRange(sheet: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
}
