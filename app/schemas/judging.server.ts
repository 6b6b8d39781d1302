/** Judging inputs: one schema serves the judge's sheet, the API and the chief judge's forms. */
import { z } from './zod.server.ts';
import { requiredText } from './common.server.ts';

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
