/** Inputs of publication, appeals, nominations and the register: one schema for the form and the API. */
import { COMPETITION_KINDS } from '#app/domain/works.ts';
import { z } from './zod.server.ts';
import { APPEAL_DECISIONS, NOMINATION_DECISIONS, NOMINATION_STATUSES } from '#app/domain/awards.ts';
import { idParam, jsonId, optionalId, optionalText, reasonText, requiredText } from './common.server.ts';

const ids = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(idParam).max(1000));

export const publishInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish'), eventId: idParam }),
  z.object({ intent: z.literal('publishAll') }),
]);

export const appealInput = z.object({ teamId: idParam, reason: requiredText(2000) });
/** The page's form: the team is the page's. */
export const appealFormInput = appealInput.omit({ teamId: true });

/** The API's appeal: the attachment, if any, as base64 (at most 5 MB once decoded). */
export const appealApiInput = appealInput.extend({
  teamId: jsonId,
  attachment: z
    .object({ name: requiredText(200), contentBase64: z.string().max(7_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'errors.attachment_type') })
    .optional(),
});

export const decideInput = z.object({ decision: z.enum(APPEAL_DECISIONS), reason: requiredText(500) });
export const decideFormInput = decideInput.extend({ appealId: idParam });

export const correctionInput = z.object({
  appealId: idParam,
  sheetId: idParam,
  criterionId: idParam,
  value: z.coerce.number().finite(),
  reason: requiredText(500),
});

export const appealStepInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reopenAppeal'), appealId: idParam }),
  correctionInput.extend({ intent: z.literal('correct') }),
  z.object({ intent: z.literal('relock'), appealId: idParam }),
]);

export const nominationReviewInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('review'), nominationId: idParam, decision: z.enum(NOMINATION_DECISIONS), reason: reasonText }),
  z.object({ intent: z.literal('confirmMany'), nominationIds: ids }),
]);

export const nominationFilterInput = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(NOMINATION_STATUSES).optional()).catch(undefined),
  eventId: optionalId.catch(undefined),
  competitionId: optionalId.catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
});

/** The register's search: anything unreadable is dropped rather than refused (it is a public page). */
export const registerFilterInput = z.object({
  q: optionalText(50).catch(undefined),
  year: optionalId.catch(undefined),
  division: optionalText(20).catch(undefined),
  event: optionalText(50).catch(undefined),
  school: optionalText(50).catch(undefined),
  prefecture: optionalText(20).catch(undefined),
  platform: z.enum(COMPETITION_KINDS).optional().catch(undefined),
  page: optionalId.catch(undefined),
});
