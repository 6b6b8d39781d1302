/** An inheritor's later achievement, as the organiser's form and the API send it. */
import { ACHIEVEMENT_KINDS } from '#app/domain/achievements.ts';
import { z } from './zod.server.ts';

const fields = (year: z.ZodType<number>) => ({
  year,
  kind: z.enum(ACHIEVEMENT_KINDS),
  title: z.string().trim().min(1).max(120),
  result: z.string().trim().max(60).optional(),
});
export const achievementApiInput = z.object(fields(z.number().int()));
export const achievementForm = z.object({ intent: z.literal('achievement'), ...fields(z.coerce.number().int()) });
export const retractForm = z.object({ intent: z.literal('retract'), achievementId: z.coerce.number().int().positive(), reason: z.string().trim().min(1).max(500) });
