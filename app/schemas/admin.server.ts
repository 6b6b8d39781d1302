/** Query filters of the organiser's pages. A bad filter value is dropped, not refused: they only read. */
import { z } from './zod.server.ts';
import { ACCOUNT_SORTS, EVENT_SORTS, JUDGE_SORTS, SCHOOL_SORTS } from '#app/domain/list-orders.ts';
import { EVENT_STATUSES } from '#app/domain/event-lifecycle.ts';

import { ACCOUNT_ROLES } from '#app/domain/roles.ts';

export const schoolFilterInput = z.object({
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
  prefectureId: z.coerce.number().int().positive().optional().catch(undefined),
  sort: z.enum(SCHOOL_SORTS).optional().catch(undefined),
});

export const accountFilterInput = z.object({
  role: z.enum(ACCOUNT_ROLES).optional().catch(undefined),
  q: z.string().max(60).optional().catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).optional().catch(undefined),
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

const listId = z.coerce.number().int().positive().optional().catch(undefined);
export const eventFilterInput = z.object({
  competitionId: listId,
  divisionId: listId,
  venueId: listId,
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
  sort: z.enum(EVENT_SORTS).optional().catch(undefined),
});

export const judgeFilterInput = z.object({
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
  sort: z.enum(JUDGE_SORTS).optional().catch(undefined),
});
