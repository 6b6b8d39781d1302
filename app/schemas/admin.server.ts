/** Query filters of the organiser's pages. A bad filter value is dropped, not refused: they only read. */
import { z } from './zod.server.ts';

import { ACCOUNT_ROLES } from '#app/domain/roles.ts';

export const schoolFilterInput = z.object({
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
});

export const accountFilterInput = z.object({
  role: z.enum(ACCOUNT_ROLES).optional().catch(undefined),
  q: z.string().max(60).optional().catch(undefined),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditFilterInput = z.object({
  entity: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  actor: z.string().max(60).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
