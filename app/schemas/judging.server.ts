/** Judging inputs: one schema serves the judge's sheet, the API and the chief judge's forms. */
import { z } from './zod.server.ts';
import { requiredText, rows } from './common.server.ts';

export const markInput = z.object({
  eventId: z.coerce.number().int().positive(),
  workCode: z.string().trim().min(1).max(20),
  criterionId: z.coerce.number().int().positive(),
  value: z.coerce.number().finite(),
  /** Made by the client for each entry, so a resend after a lost connection is stored once. */
  idempotencyKey: z.string().min(8).max(100),
  reason: z.string().trim().max(500).optional(),
});

export const reasonInput = z.object({ reason: requiredText(500) });
export const resolveFlagInput = z.object({ flagId: z.coerce.number().int().positive(), resolution: requiredText(500) });
export const reopenInput = z.object({ sheetId: z.coerce.number().int().positive(), reason: requiredText(500) });
export const checkInInput = z.object({ teamId: z.coerce.number().int().positive(), status: z.enum(['present', 'absent']) });
export const assignInput = z.object({ judgeId: z.coerce.number().int().positive(), role: z.enum(['chief_judge', 'scoring_judge']) });

/** One criterion of a scheme, as the editor's row and the workbook's row both give it. */
export const schemeRowInput = z.object({
  moduleCode: requiredText(10),
  moduleName: requiredText(60),
  code: requiredText(10),
  name: requiredText(60),
  maxMarks: z.coerce.number().positive().max(1000),
  decimals: z.coerce.number().int().min(0).max(2),
  kind: z.enum(['measurement', 'judgement']),
  allOrNothing: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
export const expectedTotalInput = z.preprocess((v) => (v === '' ? null : v), z.coerce.number().positive().max(1000).nullable().default(null));

/** The scheme editor: one row per criterion, grouped into modules by the module code, in order. */
export const schemeFormInput = z.object({
  expectedTotal: expectedTotalInput,
  rows: rows(schemeRowInput, 80).refine((r) => r.length > 0, { message: 'errors.scheme_empty' }),
});
export type SchemeFormInput = z.infer<typeof schemeFormInput>;

/** Form rows to the model's modules → criteria. */
export function schemeFromRows(input: SchemeFormInput) {
  const modules: { code: string; name: string; criteria: SchemeFormInput['rows'] }[] = [];
  for (const row of input.rows) {
    let module = modules.find((m) => m.code === row.moduleCode);
    if (!module) modules.push((module = { code: row.moduleCode, name: row.moduleName, criteria: [] }));
    module.criteria.push(row);
  }
  return { expectedTotal: input.expectedTotal, modules };
}

/** The organiser's live settings; the freeze time is typed in Beijing time (the competition's own). */
export const liveSettingsInput = z.object({
  mode: z.enum(['named', 'anonymous', 'hidden']),
  freezeAt: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'errors.datetime_invalid' })
      .transform((v) => new Date(`${v}:00+08:00`))
      .nullable(),
  ),
});
