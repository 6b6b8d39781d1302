/**
 * The organiser's setup as JSON (the API twin of the setup pages): numbers are numbers, dates are
 * "YYYY-MM-DD", moments are ISO 8601. The rules themselves are the domain's (competition-setup.ts).
 */
import { AGGREGATION_METHODS } from '#app/domain/aggregation.ts';
import { CHECK_IN_STATUSES } from '#app/domain/event-lifecycle.ts';
import { ASSIGNMENT_ROLES } from '#app/domain/roles.ts';
import { NOMINATION_DECISIONS } from '#app/domain/awards.ts';
import { TIE_DIRECTIONS } from '#app/domain/awards.ts';
import { SCHOOL_TYPES } from '#app/domain/competition-setup.ts';
import { PHASES } from '#app/domain/phases.ts';
import { COMPETITION_KINDS } from '#app/domain/works.ts';
import { LIVE_MODES } from '#app/domain/scoreboard.ts';
import { jsonId } from './common.server.ts';
import { z } from './zod.server.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors.setup.date' });
const moment = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const count = z.coerce.number().int().min(0).max(10_000);
const awardCounts = z.object({ first: count, second: count, third: count, merit: count.optional() });
/** A group of blank fields (the form's counts left empty) means none: by the ratios. */
const blankToNull = (v: unknown) => (v && typeof v === 'object' && Object.values(v).every((x) => x === '' || x === undefined) ? null : v);
const ratios = z.object({ first: z.number(), second: z.number(), third: z.number(), merit: z.number().optional() }).describe('获奖比例，0.1 表示 10% (shares of the teams that competed)');
const text = (max: number) => z.string().trim().max(max);

const competitionFields = {
  name: text(120).min(1),
  year: z.number().int(),
  startsOn: day,
  endsOn: day,
  registrationOpensAt: moment.nullable(),
  registrationDeadline: moment.nullable(),
  announcementDays: z.number().int(),
  defaultAwardRatios: ratios,
  defaultTieAtBoundary: z.enum(TIE_DIRECTIONS),
  defaultLiveMode: z.enum(LIVE_MODES),
  defaultAggregationMethod: z.enum(AGGREGATION_METHODS),
  standardisedScores: z.boolean().describe('跨赛项标准分：各赛项总分换算到中位数 700 的共同尺度 (standardised scores across events)'),
};
/** A new year: what is left out takes DOMAIN.md's defaults. */
export const competitionInput = z.object({
  ...competitionFields,
  registrationOpensAt: competitionFields.registrationOpensAt.default(null),
  registrationDeadline: competitionFields.registrationDeadline.default(null),
  announcementDays: competitionFields.announcementDays.default(5),
  defaultAwardRatios: competitionFields.defaultAwardRatios.default({ first: 0.1, second: 0.2, third: 0.3 }),
  defaultTieAtBoundary: competitionFields.defaultTieAtBoundary.default('down'),
  defaultLiveMode: competitionFields.defaultLiveMode.default('anonymous'),
  defaultAggregationMethod: competitionFields.defaultAggregationMethod.default('mean'),
  standardisedScores: competitionFields.standardisedScores.default(false),
  kind: z.enum(COMPETITION_KINDS).default('skills').describe('技能竞赛 skills（楚怡杯）、创新创业 innovation 或文明风采 works；新建后不变 (the platform; fixed once created)'),
  copyFrom: jsonId.nullable().optional().describe('复制该届的组别、赛点和赛项 (copy divisions, venues and events from this year)'),
});
/** A change: only what is given changes (no defaults here, or a PATCH would reset what it left out). */
export const competitionPatch = z.object(competitionFields).partial();
export const phaseInput = z.object({ phase: z.enum(PHASES), reason: text(500).optional() });

export const divisionInput = z.object({
  code: z.string().trim(),
  name: text(40).min(1),
  allowedSchoolTypes: z.array(z.enum(SCHOOL_TYPES)),
  maxAge: z.number().int().nullable().default(null),
  ageReferenceDate: day.nullable().default(null),
  sortOrder: z.number().int().optional(),
});

export const venueInput = z.object({
  name: text(80).min(1),
  hostSchoolId: jsonId,
  address: text(200).nullable().default(null),
  directorName: text(40).nullable().default(null),
  supervisorName: text(40).nullable().default(null),
});

const eventFields = {
  code: z.string().trim(),
  name: text(80).min(1),
  divisionId: jsonId,
  venueId: jsonId.nullable(),
  minTeamSize: z.number().int(),
  maxTeamSize: z.number().int(),
  maxAdvisors: z.number().int(),
  quotaPerSchool: z.number().int(),
  allowMultiTeamContestants: z.boolean(),
  scheduledOn: day.nullable(),
  timeSlot: text(40).nullable(),
  registrationDeadline: moment.nullable(),
  aggregationMethod: z.enum(AGGREGATION_METHODS),
  discrepancyThreshold: z.number(),
  tieBreaks: z.array(z.object({ kind: z.enum(['module', 'criterion']), id: jsonId })).max(10),
  tieBreakByCompletionTime: z.boolean(),
  awardRatios: ratios,
  awardCounts: z.preprocess(blankToNull, awardCounts.nullable()).describe('按固定名额评奖（每档队数），null 为按比例 (awards by fixed count per tier; null: by the ratios)'),
  tieAtBoundary: z.enum(TIE_DIRECTIONS),
  minTotalForAward: z.number().nullable(),
  liveMode: z.enum(LIVE_MODES),
};
/** A new event: code, name and division; the rest defaults to the year's rules. */
export const eventInput = z.object(eventFields).partial().required({ code: true, name: true, divisionId: true });
export const eventPatch = z.object(eventFields).partial();

/** Every form of a year's setup page, one schema: the `intent` says which. */
export const yearDeskInput = z.discriminatedUnion('intent', [
  competitionPatch.extend({ intent: z.literal('settings') }),
  divisionInput.extend({ intent: z.literal('division') }),
  venueInput.extend({ intent: z.literal('venue') }),
  eventInput.extend({ intent: z.literal('event') }),
]);

// ── An event's day as JSON: check-in, draw, panel, live settings, unseal; nominations ──────────────
export const checkInApiInput = z.object({ teamId: jsonId, status: z.enum(CHECK_IN_STATUSES) });
export const drawApiInput = z.object({
  seed: z.string().trim().min(8).max(64).optional().describe('可选：指定种子以便复核 (optional: a seed to replay)'),
  confirmAbsent: z.number().int().min(0).max(10_000).optional().describe('未检录、将记为缺考的队数；有未检录的队时必须与之相符 (how many teams not checked in will be recorded absent: required, and must match, when there are any)'),
});
export const redrawApiInput = z.object({ reason: text(500).min(1) });
export const assignApiInput = z.object({ judgeId: jsonId, role: z.enum(ASSIGNMENT_ROLES) });
export const revokeApiInput = z.object({ reason: text(500).min(1) });
export const liveApiInput = z.object({ mode: z.enum(LIVE_MODES), freezeAt: moment.nullable() });
export const unsealApiInput = z.object({ reason: text(500).min(1) });
export const nominationApiInput = z.object({ decision: z.enum(NOMINATION_DECISIONS), reason: text(500).optional() });

/** An event's scoring scheme as JSON: modules in order, each with its criteria. */
export const schemeApiInput = z.object({
  expectedTotal: z.number().positive().nullable(),
  modules: z.array(z.object({
    code: text(10).min(1),
    name: text(60).min(1),
    criteria: z.array(z.object({ code: text(10).min(1), name: text(60).min(1), maxMarks: z.number().positive(), decimals: z.number().int().min(0).max(2), kind: z.enum(['measurement', 'judgement']), allOrNothing: z.boolean().default(false) })).min(1),
  })).min(1).max(20),
});
export const confirmManyApiInput = z.object({ nominationIds: z.array(jsonId).min(1).max(1000) });
export const tokenApiInput = z.object({ name: text(60).min(1), expiresInDays: z.number().int().min(1).max(730).default(90) });
export const resetApiInput = z.object({ password: z.string().min(8).max(200) });

/** A school disabled (closed, merged) or enabled again, with the reason. */
export const schoolStatusApiInput = z.object({ disabled: z.boolean(), reason: text(500).min(1) });
export const schoolStatusFormInput = z.object({ intent: z.enum(['disable', 'enable']), schoolId: z.coerce.number().int().positive(), reason: text(500).min(1) });

/** 组织奖's rule: points per prize, and how many schools and prefectures receive it. */
const points = z.coerce.number().int().min(0).max(100);
export const organisationRuleInput = z.object({
  points: z.object({ first: points, second: points, third: points, merit: points }),
  schools: z.coerce.number().int().min(0).max(1000).describe('获组织奖的学校数 (schools that receive it)'),
  prefectures: z.coerce.number().int().min(0).max(14).describe('获组织奖的市州数 (prefectures that receive it)'),
});
