/** Judging inputs: one schema serves the judge's sheet, the API and the chief judge's forms. */
import { fromBeijingInput } from '#app/domain/beijing.ts';
import { z } from './zod.server.ts';
import { CRITERION_KINDS } from '#app/domain/aggregation.ts';
import { CHECK_IN_STATUSES } from '#app/domain/event-lifecycle.ts';
import { ASSIGNMENT_ROLES } from '#app/domain/roles.ts';
import { LIVE_MODES } from '#app/domain/scoreboard.ts';
import { appealStepInput } from './awards.server.ts';
import { eventPatch } from './setup.server.ts';
import { jsonId, requiredText, rows } from './common.server.ts';

/** A mark as JSON (the judge's sheet and the API both send JSON): numbers are numbers. */
export const markInput = z.object({
  eventId: jsonId,
  workCode: z.string().trim().min(1).max(20),
  criterionId: jsonId,
  value: z.number(),
  /** Made by the client for each entry, so a resend after a lost connection is stored once. */
  idempotencyKey: z.string().min(8).max(100),
  reason: z.string().trim().max(500).optional(),
});

export const reasonInput = z.object({ reason: requiredText(500) });
export const resolveFlagInput = z.object({ flagId: z.coerce.number().int().positive(), resolution: requiredText(500) });
export const reopenInput = z.object({ sheetId: z.coerce.number().int().positive(), reason: requiredText(500) });
export const checkInInput = z.object({ teamId: z.coerce.number().int().positive(), status: z.enum(CHECK_IN_STATUSES) });
export const assignInput = z.object({ judgeId: z.coerce.number().int().positive(), role: z.enum(ASSIGNMENT_ROLES) });

/** One criterion of a scheme, as the editor's row and the workbook's row both give it. */
export const schemeRowInput = z.object({
  moduleCode: requiredText(10),
  moduleName: requiredText(60),
  code: requiredText(10),
  name: requiredText(60),
  maxMarks: z.coerce.number().positive().max(1000),
  decimals: z.coerce.number().int().min(0).max(2),
  kind: z.enum(CRITERION_KINDS),
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
  mode: z.enum(LIVE_MODES),
  freezeAt: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'errors.datetime_invalid' })
      .transform(fromBeijingInput)
      .nullable(),
  ),
});

/** Every form of the organiser's event page, one schema: the `intent` says which. */
export const eventDeskInput = z.discriminatedUnion('intent', [
  checkInInput.extend({ intent: z.literal('check_in') }),
  // The confirmation box sends the number of teams it names; unticked, nothing (and the model refuses).
  z.object({ intent: z.literal('draw'), confirmAbsent: z.coerce.number().int().min(0).max(10_000).optional() }),
  z.object({ intent: z.literal('redraw'), reason: requiredText(500) }),
  assignInput.extend({ intent: z.literal('assign') }),
  z.object({ intent: z.literal('revoke'), assignmentId: z.coerce.number().int().positive(), reason: z.string().trim().max(500).default('') }),
  z.object({ intent: z.literal('unseal'), reason: requiredText(500) }),
  schemeFormInput.extend({ intent: z.literal('scheme') }),
  liveSettingsInput.extend({ intent: z.literal('live') }),
  eventPatch.extend({ intent: z.literal('settings') }),
]);

/** The chief judge's desk: every form, one schema (the appeal steps included). */
export const chiefDeskInput = z.discriminatedUnion('intent', [
  ...appealStepInput.options,
  resolveFlagInput.extend({ intent: z.literal('resolve') }),
  reopenInput.extend({ intent: z.literal('reopen') }),
  z.object({ intent: z.literal('lock') }),
  z.object({ intent: z.literal('revokeConflicted'), judgeId: z.coerce.number().int().positive(), reason: requiredText(500) }),
]);

/** The organiser's search for a judge to assign (GET parameter of the event page). */
export const judgeSearchInput = z.object({ judge: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined) });

/** The live overview narrowed by division and venue (GET parameters of `/live`); anything unknown is no narrowing. */
export const liveNarrowing = z.object({
  division: z.string().max(10).optional().catch(undefined),
  venue: z.coerce.number().int().positive().optional().catch(undefined),
});

/** A final's stage desk: call a team to pitch or to questions, clear the stage, or set the times (in minutes). */
export const stageDeskInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('pitch'), workCode: requiredText(20) }),
  z.object({ intent: z.literal('questions'), workCode: requiredText(20) }),
  z.object({ intent: z.literal('clear') }),
  z.object({ intent: z.literal('timing'), pitchMinutes: z.coerce.number().min(0.5).max(60), questionsMinutes: z.coerce.number().min(0.5).max(60) }),
]);
