/**
 * Scoring schemes in Excel: the event's scheme as a workbook (which is also the import template),
 * and the import, which replaces the whole scheme or changes nothing. Every row goes through the
 * editor's own schema and `saveScheme`, so a workbook meets exactly the rules a form does.
 */
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { eq } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events } from '#db/schema.ts';
import { type Actor } from '#app/domain/roles.ts';
import { schemeRowInput } from '#app/schemas/judging.server.ts';
import type { Language } from '#app/i18n/i18n.ts';
import { fieldErrors, parseIn } from '#app/utils/validation.server.ts';
import { columns, headersOf, templateSheet, sheetRows, uploadedSheet, validateRange } from './workbook.server.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { ModelError, notFound } from './errors.ts';
import { loadScheme, saveScheme, type SchemeInput } from './scheme.server.ts';

export const SCHEME_SHEET = '评分标准';
const SETTINGS_SHEET = '设置';
const EXPECTED_TOTAL = '应得总分';

const COLUMNS = columns({
  moduleCode: ['模块代码', 10], moduleName: ['模块名称', 24], code: ['评分项代码', 12],
  name: ['评分项名称', 36], maxMarks: ['满分', 8], decimals: ['小数位', 8],
  kind: ['类型', 12], allOrNothing: ['只能0分或满分', 14],
});
type Key = (typeof COLUMNS)[number]['key'];
const HEADER_OF = headersOf(COLUMNS);

const KIND_WORDS = { measurement: '客观测量', judgement: '主观评价' } as const;
const KIND_OF: Record<string, 'measurement' | 'judgement'> = {
  客观测量: 'measurement',
  客观: 'measurement',
  measurement: 'measurement',
  主观评价: 'judgement',
  主观: 'judgement',
  judgement: 'judgement',
};
const FLAG_OF: Record<string, boolean> = { 是: true, 否: false, '': false, y: true, n: false, yes: true, no: false, true: true, false: false };

export type SchemeImportError = { sheet: string; row: number; column: string; message: string };
export type SchemeImportOutcome = { ok: true; modules: number; criteria: number; total: number } | { ok: false; errors: SchemeImportError[] };

/** The event's scheme as a workbook; an event without one gets the headers and an example row. */
export async function schemeWorkbook(db: Db, actor: Actor, eventId: number): Promise<{ buffer: Buffer; filename: string; ascii: string }> {
  requirePermission(actor, 'event:manage');
  const event = db.select({ code: events.code, name: events.name }).from(events).where(eq(events.id, eventId)).get();
  if (!event) throw notFound('event_not_found');
  const scheme = loadScheme(db, eventId) ?? { expectedTotal: null, modules: [] };
  const { workbook: wb, sheet } = templateSheet(SCHEME_SHEET, COLUMNS, ['moduleCode', 'code']);
  const criteria = scheme.modules.flatMap((m) => m.criteria.map((c) => ({ m, c })));
  for (const { m, c } of criteria) {
    sheet.addRow({ moduleCode: m.code, moduleName: m.name, code: c.code, name: c.name, maxMarks: c.maxMarks, decimals: c.decimals, kind: KIND_WORDS[c.kind], allOrNothing: c.allOrNothing ? '是' : '否' });
  }
  if (criteria.length === 0) sheet.addRow({ moduleCode: 'A', moduleName: '模块A 示例', code: 'A1', name: '评分项示例', maxMarks: 10, decimals: 1, kind: KIND_WORDS.measurement, allOrNothing: '否' });
  validateRange(sheet, 'G2:G500', { type: 'list', allowBlank: false, formulae: [`"${KIND_WORDS.measurement},${KIND_WORDS.judgement}"`], showErrorMessage: true });
  validateRange(sheet, 'H2:H500', { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true });
  const settings = wb.addWorksheet(SETTINGS_SHEET);
  settings.columns = [{ header: '项目', key: 'item', width: 14 }, { header: '值', key: 'value', width: 10 }];
  settings.addRow({ item: EXPECTED_TOTAL, value: scheme.expectedTotal ?? '' });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${event.code}-${event.name}-评分标准.xlsx`, ascii: `${event.code}-scoring-scheme.xlsx` };
}

/** Reads the workbook, checks every row, and saves the scheme only when nothing is wrong. */
export async function importScheme(db: Db, actor: Actor, eventId: number, file: ArrayBuffer, lng: Language, t: TFunction): Promise<SchemeImportOutcome> {
  requirePermission(actor, 'event:manage');
  if (!db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) throw notFound('event_not_found');
  const current = loadScheme(db, eventId);
  const { workbook: wb, sheet } = await uploadedSheet(file, SCHEME_SHEET, 'scheme_import_empty');
  const lines = sheetRows(sheet, COLUMNS, ['allOrNothing'], 'scheme_import_headers');

  const errors: SchemeImportError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ sheet: sheet.name, row, column, message });
  const modules: SchemeInput['modules'] = [];
  for (const { row: number, text } of lines) {
    const kind = KIND_OF[text.kind.toLowerCase()];
    const flag = FLAG_OF[text.allOrNothing.toLowerCase()];
    if (!kind) fail(number, HEADER_OF.kind, t('errors.scheme_import_kind'));
    if (flag === undefined) fail(number, HEADER_OF.allOrNothing, t('errors.scheme_import_flag'));
    const parsed = parseIn(schemeRowInput, { ...text, kind: kind ?? text.kind, allOrNothing: flag ?? false }, lng);
    if (!parsed.success) {
      for (const [key, message] of Object.entries(fieldErrors(parsed.error, t))) {
        if ((key === 'kind' && !kind) || key === 'allOrNothing') continue;
        fail(number, HEADER_OF[key as Key] ?? key, message);
      }
      continue;
    }
    const row = parsed.data;
    let module = modules.find((m) => m.code === row.moduleCode);
    if (!module) modules.push((module = { code: row.moduleCode, name: row.moduleName, criteria: [] }));
    module.criteria.push(row);
  }
  if (errors.length) return { ok: false, errors };
  if (modules.length === 0) throw new ModelError(400, 'scheme_import_empty');

  const expectedTotal = readExpectedTotal(wb, current?.expectedTotal ?? null);
  // The whole-scheme rules (total, unique codes, frozen) are saveScheme's; its refusal is one error.
  try {
    saveScheme(db, actor, eventId, { expectedTotal, modules });
  } catch (error) {
    if (!(error instanceof ModelError) || error.status === 403 || error.status === 404) throw error;
    return { ok: false, errors: [{ sheet: sheet.name, row: 0, column: '—', message: t(`errors.${error.code}`, error.params) }] };
  }
  const criteria = modules.flatMap((m) => m.criteria);
  return { ok: true, modules: modules.length, criteria: criteria.length, total: Math.round(criteria.reduce((s, c) => s + c.maxMarks, 0) * 100) / 100 };
}

/** The settings sheet's 应得总分; the event's current one when the workbook does not say. */
function readExpectedTotal(wb: ExcelJS.Workbook, fallback: number | null): number | null {
  const settings = wb.getWorksheet(SETTINGS_SHEET);
  if (!settings) return fallback;
  let value: number | null | undefined;
  settings.eachRow((r) => {
    if (r.getCell(1).text.trim() !== EXPECTED_TOTAL) return;
    const text = r.getCell(2).text.trim();
    value = text === '' ? null : Number(text);
  });
  if (value === undefined) return fallback;
  if (value !== null && !(Number.isFinite(value) && value > 0 && value <= 1000)) throw new ModelError(400, 'scheme_import_total');
  return value;
}
