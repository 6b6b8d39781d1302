import { z } from './zod.server.ts';
import { PHASES } from '#app/domain/phases.ts';
import { phone, reasonText } from './common.server.ts';

export const changePhaseInput = z.object({
  competitionId: z.coerce.number().int().positive(),
  phase: z.enum(PHASES),
  reason: reasonText,
});

export const schoolContactInput = z.object({
  contactName: z.string().trim().min(1).max(40),
  contactPhone: phone,
  /** 在校生人数: blank is unknown (the smallest quota band applies). */
  enrolment: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(0).max(200_000).nullable()).optional(),
});
