/** Registration inputs, shared by the team form, its action, the JSON API and the import. */
import { z } from './zod.server.ts';
import { REGISTRATION_SORTS, TEAM_STATUSES } from '#app/domain/registration.ts';
import { idParam, jsonId, optionalText, requiredText, rows } from './common.server.ts';


export const contestantEntry = z.object({
  name: requiredText(40),
  // Rules (checksum, birth date, age) are checked by the domain, which names the problem.
  idNumber: z.string().trim().min(1).max(20),
  studentNumber: optionalText(30),
  major: optionalText(60),
  phone: optionalText(20),
});

export const advisorEntry = z.object({
  name: requiredText(40),
  title: optionalText(40),
  phone: z.string().trim().min(1).max(20),
});

export const rosterInput = z.object({
  name: optionalText(80),
  contestants: rows(contestantEntry, 10).default([]),
  advisors: rows(advisorEntry, 5).default([]),
});
export type RosterInput = z.infer<typeof rosterInput>;

const newTeam = <I extends z.ZodType<number>>(id: I) =>
  z.object({
    eventId: id,
    /** Admins create teams for a school; a school account always creates for its own. */
    schoolId: id.optional(),
    name: optionalText(80),
    contestants: rows(contestantEntry, 10).optional(),
    advisors: rows(advisorEntry, 5).optional(),
  });
/** POST /api/v1/teams: JSON, numbers as numbers. */
export const createTeamInput = newTeam(jsonId);
/** The registration page's form: every value arrives as text. */
export const createTeamFormInput = newTeam(idParam);

export const patchTeamInput = z.object({
  name: optionalText(80),
  contestants: z.array(contestantEntry).max(10).optional(),
  advisors: z.array(advisorEntry).max(5).optional(),
});

export const returnTeamInput = z.object({ reason: z.string().trim().min(1, 'errors.return_reason_required').max(500) });

/** Every form of the team page, one schema: save or submit the roster, approve, return. */
export const teamPageInput = z.discriminatedUnion('intent', [
  rosterInput.extend({ intent: z.enum(['save', 'submit']) }),
  z.object({ intent: z.literal('approve') }),
  returnTeamInput.extend({ intent: z.literal('return') }),
]);

const id = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
/** Query filters of team lists; unknown values are dropped, not refused (they only read). */
export const teamFilterInput = z.object({
  eventId: id.catch(undefined),
  divisionId: id.catch(undefined),
  prefectureId: id.catch(undefined),
  schoolId: id.catch(undefined),
  status: z.enum(TEAM_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined).transform((q) => q || undefined),
  sort: z.enum(REGISTRATION_SORTS).optional().catch(undefined),
});

/** Which page of the review (people) or which slice after a cursor (programs); unknown values fall back. */
export const sliceInput = z.object({
  page: id.catch(undefined),
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()).catch(undefined),
  limit: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(500).optional()).catch(undefined),
});

export const reviewInput = z.object({
  decision: z.enum(['approve', 'return']),
  teamIds: z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(z.coerce.number().int().positive()).min(1).max(500)),
  reason: optionalText(500),
});

export const exportQuery = teamFilterInput.extend({
  groupBy: z.enum(['event', 'school', 'prefecture']).catch('event'),
});
