/**
 * The whole data model of ../shared/DOMAIN.md.
 *
 * Nothing is ever deleted: rows that can be withdrawn carry a `removedAt`/`revokedAt`, marks and
 * results are append-only (the current value is the newest row), and every write is mirrored in
 * `audit_log`. Timestamps are epoch milliseconds; calendar dates are ISO `YYYY-MM-DD` text.
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const id = () => integer('id').primaryKey({ autoIncrement: true });

// Every value list belongs to the domain; the schema only stores them.
export { PHASES as COMPETITION_PHASES } from '../app/domain/phases.ts';
export { ACCOUNT_ROLES, ASSIGNMENT_ROLES } from '../app/domain/roles.ts';
export { TEAM_STATUSES } from '../app/domain/registration.ts';
import type { Stage, StageTiming } from '../app/domain/stage.ts';
import type { OrganisationRule } from '../app/domain/organisation-awards.ts';
import type { AdvancementRule } from '../app/domain/advancement.ts';
import { ACHIEVEMENT_KINDS } from '../app/domain/achievements.ts';
import { COMPETITION_KINDS, FILE_KINDS, type Category } from '../app/domain/works.ts';
import type { RoundWeight } from '../app/domain/round-basis.ts';
export { AGGREGATION_METHODS, CRITERION_KINDS } from '../app/domain/aggregation.ts';
export { SCHOOL_TYPES } from '../app/domain/competition-setup.ts';
export { LIVE_MODES } from '../app/domain/scoreboard.ts';
export { EVENT_STATUSES } from '../app/domain/event-lifecycle.ts';
export { APPEAL_STATUSES, AWARD_KINDS, CERTIFICATE_KINDS, NOMINATION_STATUSES, TIE_DIRECTIONS } from '../app/domain/awards.ts';
export { CHECK_IN_STATUSES, SHEET_STATUSES } from '../app/domain/event-lifecycle.ts';
import { PHASES as COMPETITION_PHASES } from '../app/domain/phases.ts';
import { ACCOUNT_ROLES, ASSIGNMENT_ROLES } from '../app/domain/roles.ts';
import { TEAM_STATUSES } from '../app/domain/registration.ts';
import { AGGREGATION_METHODS, CRITERION_KINDS } from '../app/domain/aggregation.ts';
import { SCHOOL_TYPES } from '../app/domain/competition-setup.ts';
import { LIVE_MODES } from '../app/domain/scoreboard.ts';
import { CHECK_IN_STATUSES, EVENT_STATUSES, SHEET_STATUSES } from '../app/domain/event-lifecycle.ts';
import { APPEAL_STATUSES, AWARD_KINDS, CERTIFICATE_KINDS, NOMINATION_STATUSES, TIE_DIRECTIONS } from '../app/domain/awards.ts';

// ── Places and institutions ─────────────────────────────────────────────────────────────────────

export const prefectures = sqliteTable('prefectures', {
  id: id(),
  /** GB/T 2260 code of the prefecture (430100 …); 省直 uses 430000. */
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull(),
});

export const schools = sqliteTable(
  'schools',
  {
    id: id(),
    /** 全国院校代码 */
    code: text('code').notNull().unique(),
    name: text('name').notNull().unique(),
    type: text('type', { enum: SCHOOL_TYPES }).notNull(),
    prefectureId: integer('prefecture_id').notNull().references(() => prefectures.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** Students enrolled, as the school declares it: 创新创业's quota of entries follows its band. */
    enrolment: integer('enrolment'),
    /** A school the organiser disabled (closed, merged): its accounts cannot log in, it cannot enter. */
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('schools_prefecture_idx').on(t.prefectureId)],
);

// ── The competition and its structure ───────────────────────────────────────────────────────────

export type TieBreak = { kind: 'module' | 'criterion'; id: number };
export type AwardRatios = { first: number; second: number; third: number; merit?: number };

export const competitions = sqliteTable('competitions', {
  id: id(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** provincial: 省赛; selection: the second stage that picks Hunan's national/world teams. */
  stage: text('stage', { enum: ['provincial', 'selection'] }).notNull().default('provincial'),
  phase: text('phase', { enum: COMPETITION_PHASES }).notNull().default('draft'),
  registrationOpensAt: integer('registration_opens_at', { mode: 'timestamp_ms' }),
  registrationDeadline: integer('registration_deadline', { mode: 'timestamp_ms' }),
  /** The date ages are reckoned on. */
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  announcementDays: integer('announcement_days').notNull().default(5),
  /** What a new event starts with; each event may change its own until its draw. */
  defaultAwardRatios: text('default_award_ratios', { mode: 'json' }).$type<AwardRatios>().notNull().default({ first: 0.1, second: 0.2, third: 0.3 }),
  defaultTieAtBoundary: text('default_tie_at_boundary', { enum: TIE_DIRECTIONS }).notNull().default('down'),
  defaultLiveMode: text('default_live_mode', { enum: LIVE_MODES }).notNull().default('anonymous'),
  /** Set each event's totals on a common scale (median 700), so that honours and nominations compare across events. */
  standardisedScores: integer('standardised_scores', { mode: 'boolean' }).notNull().default(false),
  /** 组织奖: points per prize and places for schools and prefectures (works-based years); null: the default. */
  organisationRule: text('organisation_rule', { mode: 'json' }).$type<OrganisationRule>(),
  /** 技能竞赛 (楚怡杯), 创新创业大赛 or 文明风采: the three platforms of the one register. */
  kind: text('kind', { enum: COMPETITION_KINDS }).notNull().default('skills'),
  defaultAggregationMethod: text('default_aggregation_method', { enum: AGGREGATION_METHODS }).notNull().default('mean'),
  /** The year whose divisions, venues and events this one was copied from, if any. */
  copiedFromId: integer('copied_from_id').references((): AnySQLiteColumn => competitions.id),
  /** Which award winners become nominated 传承人: by default contestants of first-prize teams. */
  nominationAwardKinds: text('nomination_award_kinds', { mode: 'json' }).$type<string[]>().notNull().default(['first']),
  createdAt: createdAt(),
});

export const divisions = sqliteTable(
  'divisions',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    /** ZZ 中职组, GZ 高职组, JS 教师组 */
    code: text('code').notNull(),
    name: text('name').notNull(),
    allowedSchoolTypes: text('allowed_school_types', { mode: 'json' }).$type<(typeof SCHOOL_TYPES)[number][]>().notNull(),
    /** Oldest age (full years on the reference date) a contestant may have; null: no limit. */
    maxAge: integer('max_age'),
    /** The date ages are reckoned on (YYYY-MM-DD); null: the competition's first day. */
    ageReferenceDate: text('age_reference_date'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('divisions_competition_code_uq').on(t.competitionId, t.code)],
);

export const venues = sqliteTable('venues', {
  id: id(),
  competitionId: integer('competition_id').notNull().references(() => competitions.id),
  hostSchoolId: integer('host_school_id').notNull().references(() => schools.id),
  name: text('name').notNull(),
  address: text('address'),
  /** 省派赛点第一副主任 */
  directorName: text('director_name'),
  /** 纪律监督员 */
  supervisorName: text('supervisor_name'),
});

export const delegations = sqliteTable(
  'delegations',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    name: text('name').notNull(),
    /** A 高职 school is its own delegation; 中职 schools usually enter through their prefecture's. */
    kind: text('kind', { enum: ['school', 'prefecture'] }).notNull(),
    schoolId: integer('school_id').references(() => schools.id),
    prefectureId: integer('prefecture_id').references(() => prefectures.id),
  },
  (t) => [uniqueIndex('delegations_competition_name_uq').on(t.competitionId, t.name)],
);

export const events = sqliteTable(
  'events',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    divisionId: integer('division_id').notNull().references(() => divisions.id),
    venueId: integer('venue_id').references(() => venues.id),
    /** GZ012, ZZ031 … unique within a competition. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    minTeamSize: integer('min_team_size').notNull().default(1),
    maxTeamSize: integer('max_team_size').notNull().default(1),
    maxAdvisors: integer('max_advisors').notNull().default(2),
    quotaPerSchool: integer('quota_per_school').notNull().default(1),
    /** Overrides the competition's deadline when set. */
    registrationDeadline: integer('registration_deadline', { mode: 'timestamp_ms' }),
    allowMultiTeamContestants: integer('allow_multi_team_contestants', { mode: 'boolean' }).notNull().default(false),
    scheduledOn: text('scheduled_on'),
    /** The time slot on that day, as the venue announces it (e.g. 08:30–12:00). */
    timeSlot: text('time_slot'),
    aggregationMethod: text('aggregation_method', { enum: AGGREGATION_METHODS }).notNull().default('mean'),
    /** Judgement criteria whose judges' marks spread wider than this are flagged. */
    discrepancyThreshold: real('discrepancy_threshold').notNull().default(3),
    tieBreaks: text('tie_breaks', { mode: 'json' }).$type<TieBreak[]>().notNull().default([]),
    tieBreakByCompletionTime: integer('tie_break_by_completion_time', { mode: 'boolean' }).notNull().default(true),
    awardRatios: text('award_ratios', { mode: 'json' }).$type<AwardRatios>().notNull().default({ first: 0.1, second: 0.2, third: 0.3 }),
    /** Awards by fixed count (名额) instead of ratio: teams per tier; null: by the ratios. */
    awardCounts: text('award_counts', { mode: 'json' }).$type<AwardRatios>(),
    tieAtBoundary: text('tie_at_boundary', { enum: TIE_DIRECTIONS }).notNull().default('down'),
    minTotalForAward: real('min_total_for_award'),
    liveMode: text('live_mode', { enum: LIVE_MODES }).notNull().default('anonymous'),
    freezeAt: integer('freeze_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('scheduled'),
    lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
    decryptedAt: integer('decrypted_at', { mode: 'timestamp_ms' }),
    // ── Rounds (轮次): a row is one round of an event. The first round (省赛) is the event as
    // registered; each later round (选拔赛第一阶段 …) is a row of its own with its own scheme, panel,
    // check-in, draw, marks, lock, results, publication and appeals, sharing the event's code.
    /** For a later round: the event's first round. Null for a first round. */
    firstRoundId: integer('first_round_id').references((): AnySQLiteColumn => events.id),
    roundNo: integer('round_no').notNull().default(1),
    roundName: text('round_name').notNull().default('省赛'),
    /** For a later round: who comes in from the round before, declared before it opens, frozen at the cut. */
    advancementRule: text('advancement_rule', { mode: 'json' }).$type<AdvancementRule>(),
    /** What the cut ranks by: the previous round's own total (null), or a weighted combination of rounds. */
    advancementBasis: text('advancement_basis', { mode: 'json' }).$type<RoundWeight[]>(),
    advancedAt: integer('advanced_at', { mode: 'timestamp_ms' }),
    /** A final's stage (路演 · 答辩): who presents, which part, since when; null when the stage is empty. */
    stage: text('stage', { mode: 'json' }).$type<Stage>(),
    /** The final's pitch and question times; null: the defaults (5 and 3 minutes). */
    stageTiming: text('stage_timing', { mode: 'json' }).$type<StageTiming>(),
    /** The cut in words, as it was made. */
    advancementExplanation: text('advancement_explanation', { mode: 'json' }).$type<string[]>(),
    /** On a first round: the rule for the 国赛推荐名单, taken from the event's last round. */
    recommendationRule: text('recommendation_rule', { mode: 'json' }).$type<AdvancementRule>(),
    recommendationBasis: text('recommendation_basis', { mode: 'json' }).$type<RoundWeight[]>(),
    recommendedAt: integer('recommended_at', { mode: 'timestamp_ms' }),
    recommendationExplanation: text('recommendation_explanation', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('events_competition_code_round_uq').on(t.competitionId, t.code, t.roundNo),
    index('events_division_idx').on(t.divisionId),
    index('events_first_round_idx').on(t.firstRoundId),
  ],
);

// ── Scoring schemes (评分标准) ─────────────────────────────────────────────────────────────────────

export const scoringSchemes = sqliteTable('scoring_schemes', {
  id: id(),
  eventId: integer('event_id').notNull().unique().references(() => events.id),
  /** The total the criteria must add up to (usually 100); null: not checked. */
  expectedTotal: real('expected_total'),
  /** Set when the first mark is entered; the scheme can no longer change after it. */
  frozenAt: integer('frozen_at', { mode: 'timestamp_ms' }),
});

export const schemeModules = sqliteTable(
  'scheme_modules',
  {
    id: id(),
    schemeId: integer('scheme_id').notNull().references(() => scoringSchemes.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** Set when an edit of the scheme (before any mark) replaced this module. */
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('scheme_modules_scheme_idx').on(t.schemeId)],
);

export const criteria = sqliteTable(
  'criteria',
  {
    id: id(),
    moduleId: integer('module_id').notNull().references(() => schemeModules.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    maxMarks: real('max_marks').notNull(),
    decimals: integer('decimals').notNull().default(1),
    kind: text('kind', { enum: CRITERION_KINDS }).notNull(),
    /** A measurement criterion that scores either 0 or its max. */
    allOrNothing: integer('all_or_nothing', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('criteria_module_idx').on(t.moduleId)],
);

// ── Registration ─────────────────────────────────────────────────────────────────────────────────

export const teams = sqliteTable(
  'teams',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    delegationId: integer('delegation_id').references(() => delegations.id),
    name: text('name').notNull(),
    status: text('status', { enum: TEAM_STATUSES }).notNull().default('draft'),
    returnReason: text('return_reason'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    /** Withdrawn teams stay, so that audit and history keep their meaning. */
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** For a team a cut sent into a later round: its team in the first round (the lineage rounds combine by). */
    firstRoundTeamId: integer('first_round_team_id').references((): AnySQLiteColumn => teams.id),
    createdAt: createdAt(),
  },
  (t) => [index('teams_event_idx').on(t.eventId), index('teams_school_idx').on(t.schoolId)],
);

export const contestants = sqliteTable(
  'contestants',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    /** 身份证号 (GB 11643); birth date and gender are read from it. */
    idNumber: text('id_number').notNull(),
    birthDate: text('birth_date').notNull(),
    studentNumber: text('student_number'),
    major: text('major'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contestants_competition_id_number_uq').on(t.competitionId, t.idNumber),
    index('contestants_school_idx').on(t.schoolId),
  ],
);

export const teamMembers = sqliteTable(
  'team_members',
  {
    id: id(),
    teamId: integer('team_id').notNull().references(() => teams.id),
    contestantId: integer('contestant_id').notNull().references(() => contestants.id),
    position: integer('position').notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('team_members_team_idx').on(t.teamId), index('team_members_contestant_idx').on(t.contestantId)],
);

export const advisors = sqliteTable(
  'advisors',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('advisors_school_idx').on(t.schoolId)],
);

export const teamAdvisors = sqliteTable(
  'team_advisors',
  {
    id: id(),
    teamId: integer('team_id').notNull().references(() => teams.id),
    advisorId: integer('advisor_id').notNull().references(() => advisors.id),
    position: integer('position').notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('team_advisors_team_idx').on(t.teamId)],
);

// ── Accounts ─────────────────────────────────────────────────────────────────────────────────────

export const users = sqliteTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** `chief_judge` is not an account role: it is a judge's role in one event's assignment. */
    role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
    /** A school account is bound to exactly one school. */
    schoolId: integer('school_id').references(() => schools.id),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: id(),
    /** SHA-256 of the cookie's token: a copy of the database does not hand out live sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id').notNull().references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so that a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    userId: integer('user_id').notNull().references(() => users.id),
    issuedBy: integer('issued_by').notNull().references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

// ── Judging ──────────────────────────────────────────────────────────────────────────────────────

export const judges = sqliteTable('judges', {
  id: id(),
  userId: integer('user_id').notNull().unique().references(() => users.id),
  name: text('name').notNull(),
  title: text('title'),
  /** The judge's own school, for 回避; null for judges from enterprises or other provinces. */
  affiliationSchoolId: integer('affiliation_school_id').references(() => schools.id),
  affiliation: text('affiliation').notNull(),
  phone: text('phone'),
  createdAt: createdAt(),
});

export const judgeAssignments = sqliteTable(
  'judge_assignments',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    judgeId: integer('judge_id').notNull().references(() => judges.id),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('judge_assignments_event_idx').on(t.eventId), index('judge_assignments_judge_idx').on(t.judgeId)],
);

/** One run of the draw for an event: the seed makes it replayable and auditable. */
export const draws = sqliteTable('draws', {
  id: id(),
  eventId: integer('event_id').notNull().references(() => events.id),
  kind: text('kind', { enum: ['station', 'order'] }).notNull(),
  seed: text('seed').notNull(),
  drawnBy: integer('drawn_by').notNull().references(() => users.id),
  createdAt: createdAt(),
});

/** 检录: a team's presence, its 一次加密 check-in code, its station and its 二次加密 work code. */
export const checkIns = sqliteTable(
  'check_ins',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    teamId: integer('team_id').notNull().references(() => teams.id),
    status: text('status', { enum: CHECK_IN_STATUSES }).notNull(),
    checkInCode: text('check_in_code'),
    drawId: integer('draw_id').references(() => draws.id),
    stationNumber: integer('station_number'),
    workCode: text('work_code'),
    /** Seconds the team took, for the last tie-break; null when not measured. */
    completionSeconds: integer('completion_seconds'),
    recordedBy: integer('recorded_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('check_ins_event_team_uq').on(t.eventId, t.teamId),
    uniqueIndex('check_ins_event_work_code_uq').on(t.eventId, t.workCode),
  ],
);

/**
 * An explicit, audited unseal (解封): in an emergency the organiser sees names beside work codes
 * before the lock. Each one is kept with its reason, and the event's results page discloses it.
 */
export const eventUnseals = sqliteTable(
  'event_unseals',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    unsealedBy: integer('unsealed_by').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('event_unseals_event_idx').on(t.eventId)],
);

export const scoringSheets = sqliteTable(
  'scoring_sheets',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    judgeId: integer('judge_id').notNull().references(() => judges.id),
    checkInId: integer('check_in_id').notNull().references(() => checkIns.id),
    status: text('status', { enum: SHEET_STATUSES }).notNull().default('open'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('scoring_sheets_judge_check_in_uq').on(t.judgeId, t.checkInId),
    index('scoring_sheets_event_idx').on(t.eventId),
    // A judgement mark compares the whole panel's sheets for one work code.
    index('scoring_sheets_check_in_idx').on(t.checkInId),
  ],
);

/** Append-only: a judge's current mark for a criterion is the newest row; older rows are its history. */
export const marks = sqliteTable(
  'marks',
  {
    id: id(),
    sheetId: integer('sheet_id').notNull().references(() => scoringSheets.id),
    criterionId: integer('criterion_id').notNull().references(() => criteria.id),
    /** Hundredths of a mark: marks have at most two decimals and are kept exact (app/domain/exact.ts). */
    valueHundredths: integer('value_hundredths').notNull(),
    /** Sent by the client, so that a resend after a lost connection never adds a second row. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    reason: text('reason'),
    enteredBy: integer('entered_by').notNull().references(() => users.id),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => marks.id),
    createdAt: createdAt(),
  },
  (t) => [index('marks_sheet_criterion_idx').on(t.sheetId, t.criterionId)],
);

export const discrepancyFlags = sqliteTable(
  'discrepancy_flags',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    checkInId: integer('check_in_id').notNull().references(() => checkIns.id),
    criterionId: integer('criterion_id').notNull().references(() => criteria.id),
    spread: real('spread').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('discrepancy_flags_event_idx').on(t.eventId), index('discrepancy_flags_check_in_criterion_idx').on(t.checkInId, t.criterionId)],
);

/**
 * The latest snapshot of each live board (an event's public and staff boards, the competition's),
 * with its version: every process of a cluster numbers its pushes from here, so versions only
 * increase whichever process computed them. A cache of what the marks say, not a record.
 */
export const liveBoards = sqliteTable('live_boards', {
  key: text('key').primaryKey(),
  version: integer('version').notNull(),
  body: text('body').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

// ── Results, awards, publication ─────────────────────────────────────────────────────────────────

/** One computation of an event's results (at lock, and again after an upheld appeal). */
export const resultRuns = sqliteTable('result_runs', {
  id: id(),
  eventId: integer('event_id').notNull().references(() => events.id),
  reason: text('reason').notNull(),
  computedBy: integer('computed_by').notNull().references(() => users.id),
  /** How each award boundary was drawn, in words (from the awards domain). */
  awardExplanation: text('award_explanation', { mode: 'json' }).$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const results = sqliteTable(
  'results',
  {
    id: id(),
    runId: integer('run_id').notNull().references(() => resultRuns.id),
    teamId: integer('team_id').notNull().references(() => teams.id),
    /** Hundredths of a mark; null for absent and unscored teams. */
    totalHundredths: integer('total_hundredths'),
    rank: integer('rank'),
    /** Hundredths of a mark, in the event's tie-break order. */
    tieBreakValues: text('tie_break_values', { mode: 'json' }).$type<number[]>().notNull().default([]),
    absent: integer('absent', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('results_run_team_uq').on(t.runId, t.teamId)],
);

export const awards = sqliteTable(
  'awards',
  {
    id: id(),
    runId: integer('run_id').notNull().references(() => resultRuns.id),
    eventId: integer('event_id').notNull().references(() => events.id),
    kind: text('kind', { enum: AWARD_KINDS }).notNull(),
    teamId: integer('team_id').notNull().references(() => teams.id),
    /** Set for 优秀指导教师. */
    advisorId: integer('advisor_id').references(() => advisors.id),
    createdAt: createdAt(),
  },
  (t) => [index('awards_run_idx').on(t.runId)],
);

export const publications = sqliteTable('publications', {
  id: id(),
  eventId: integer('event_id').notNull().references(() => events.id),
  runId: integer('run_id').notNull().references(() => resultRuns.id),
  publishedBy: integer('published_by').notNull().references(() => users.id),
  announcementEndsAt: integer('announcement_ends_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
});

export const appeals = sqliteTable(
  'appeals',
  {
    id: id(),
    eventId: integer('event_id').notNull().references(() => events.id),
    teamId: integer('team_id').notNull().references(() => teams.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    reason: text('reason').notNull(),
    attachmentId: integer('attachment_id').references(() => attachments.id),
    status: text('status', { enum: APPEAL_STATUSES }).notNull().default('filed'),
    filedBy: integer('filed_by').notNull().references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decisionReason: text('decision_reason'),
    /** An upheld appeal: when the chief judge reopened the team's marks, and the run that re-locked them. */
    reopenedBy: integer('reopened_by').references(() => users.id),
    reopenedAt: integer('reopened_at', { mode: 'timestamp_ms' }),
    resolvedRunId: integer('resolved_run_id').references(() => resultRuns.id),
    createdAt: createdAt(),
  },
  (t) => [index('appeals_event_idx').on(t.eventId)],
);

/** Files uploaded with an appeal, kept in the database so a write is whole or not at all. */
export const attachments = sqliteTable('attachments', {
  id: id(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  uploadedBy: integer('uploaded_by').notNull().references(() => users.id),
  createdAt: createdAt(),
});

export const nominations = sqliteTable(
  'nominations',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    eventId: integer('event_id').notNull().references(() => events.id),
    contestantId: integer('contestant_id').notNull().references(() => contestants.id),
    awardId: integer('award_id').notNull().references(() => awards.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    prefectureId: integer('prefecture_id').notNull().references(() => prefectures.id),
    status: text('status', { enum: NOMINATION_STATUSES }).notNull().default('nominated'),
    reviewReason: text('review_reason'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('nominations_event_contestant_uq').on(t.eventId, t.contestantId)],
);

export const certificates = sqliteTable(
  'certificates',
  {
    id: id(),
    /** Printed on the certificate and in its QR code; /verify/:code looks it up. */
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    eventId: integer('event_id').notNull().references(() => events.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    awardId: integer('award_id').references(() => awards.id),
    nominationId: integer('nomination_id').references(() => nominations.id),
    contestantId: integer('contestant_id').references(() => contestants.id),
    advisorId: integer('advisor_id').references(() => advisors.id),
    holderName: text('holder_name').notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('certificates_school_idx').on(t.schoolId)],
);

/** Every workbook imported by the organiser (schools, judges …): the file itself is kept. */
export const imports = sqliteTable('imports', {
  id: id(),
  kind: text('kind', { enum: ['schools', 'judges'] }).notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  rows: integer('rows').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  importedBy: integer('imported_by').notNull().references(() => users.id),
  createdAt: createdAt(),
});

// ── Audit ────────────────────────────────────────────────────────────────────────────────────────

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Null for the system itself (seed, scheduled jobs). */
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
    ip: text('ip'),
  },
  (t) => [
    // Every write adds a row here, so each index costs every write a page: none by actor (the log
    // is searched by the actor's label and never joined from users).
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_at_idx').on(t.at),
  ],
);

// ── Advancement (晋级 / 选拔) ──────────────────────────────────────────────────────────────────────

/**
 * Who a cut sent on: into a later round (`toEventId`) or onto the 国赛推荐名单 (`toEventId` null).
 * A withdrawal is stamped on its row, never deleted; its replacement is a new row naming it.
 */
export const advancements = sqliteTable(
  'advancements',
  {
    id: id(),
    /** The event's first round: the recommendation list and the event's history gather by it. */
    firstRoundId: integer('first_round_id').notNull().references(() => events.id),
    fromEventId: integer('from_event_id').notNull().references(() => events.id),
    toEventId: integer('to_event_id').references(() => events.id),
    /** The team as ranked in the round cut from. */
    teamId: integer('team_id').notNull().references(() => teams.id),
    /** Set when the rule takes contestants one by one. */
    contestantId: integer('contestant_id').references(() => contestants.id),
    rank: integer('rank').notNull(),
    /** The total the cut ranked by (the round's own, or the combination), in hundredths. */
    totalHundredths: integer('total_hundredths'),
    /** The team entered in the next round. */
    newTeamId: integer('new_team_id').references(() => teams.id),
    replacesId: integer('replaces_id').references((): AnySQLiteColumn => advancements.id),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('advancements_from_idx').on(t.fromEventId), index('advancements_to_idx').on(t.toEventId), index('advancements_first_round_idx').on(t.firstRoundId)],
);

// ── An inheritor's later record (#15) ────────────────────────────────────────────────────────────

/**
 * What an inheritor achieved after the nomination — selected for the national team, a national or
 * world result — entered by the organiser, per year. A wrong entry is retracted with a reason, never deleted.
 */
export const achievements = sqliteTable(
  'achievements',
  {
    id: id(),
    nominationId: integer('nomination_id').notNull().references(() => nominations.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ACHIEVEMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    result: text('result'),
    enteredBy: integer('entered_by').notNull().references(() => users.id),
    retractedAt: integer('retracted_at', { mode: 'timestamp_ms' }),
    retractedReason: text('retracted_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('achievements_nomination_idx').on(t.nominationId)],
);

// ── Works-based competitions (#16): categories, entries and their files ────────────────────────────

export const entryCategories = sqliteTable(
  'entry_categories',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Group sizes, advisors and file limits (the domain's Category without its code and name). */
    rules: text('rules', { mode: 'json' }).$type<Omit<Category, 'code' | 'name'>>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The category's event: its online review is that event's scoring, so lock, awards,
     * publication, appeals, rounds (the live final), nominations and certificates are the skills' own. */
    eventId: integer('event_id').references(() => events.id),
  },
  (t) => [uniqueIndex('entry_categories_competition_code_uq').on(t.competitionId, t.code)],
);

/** A school's submitted work (参赛作品 / 项目) in a category; reviewed under an anonymous entry code. */
export const entries = sqliteTable(
  'entries',
  {
    id: id(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    categoryId: integer('category_id').notNull().references(() => entryCategories.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'submitted'] }).notNull().default('draft'),
    entryCode: text('entry_code'),
    /** The entry as a team of its category's event, made when it is submitted. */
    teamId: integer('team_id').references(() => teams.id),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('entries_school_idx').on(t.schoolId), index('entries_category_idx').on(t.categoryId)],
);

/** A file of an entry, stored once by its SHA-256 under FILES_DIR; a replaced file is retired, never deleted. */
export const entryFiles = sqliteTable(
  'entry_files',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    sha256: text('sha256').notNull(),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    pages: integer('pages'),
    /** A video's duration in whole seconds (rounded up), where its content says. */
    seconds: integer('seconds'),
    /** The name the school gave it: shown to the school and the organiser, never to a reviewer. */
    name: text('name').notNull(),
    uploadedBy: integer('uploaded_by').notNull().references(() => users.id),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('entry_files_entry_idx').on(t.entryId)],
);

/** A reviewer (a judge's account) given an entry to review online (网评); revoked, never deleted. */
export const reviewAssignments = sqliteTable(
  'review_assignments',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    judgeId: integer('judge_id').notNull().references(() => judges.id),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('review_assignments_entry_idx').on(t.entryId), index('review_assignments_judge_idx').on(t.judgeId)],
);

/** An entry's students (the same 身份证号-keyed contestants as the skills competition's); replaced rows are retired. */
export const entryMembers = sqliteTable(
  'entry_members',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    contestantId: integer('contestant_id').notNull().references(() => contestants.id),
    position: integer('position').notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('entry_members_entry_idx').on(t.entryId)],
);

/** An entry's advisors or mentors; `industry` marks a mentor from an enterprise (创新创业 needs one). */
export const entryAdvisors = sqliteTable(
  'entry_advisors',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    advisorId: integer('advisor_id').notNull().references(() => advisors.id),
    industry: integer('industry', { mode: 'boolean' }).notNull().default(false),
    organisation: text('organisation'),
    position: integer('position').notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('entry_advisors_entry_idx').on(t.entryId)],
);

/** A reviewer's total for an entry; a correction is a new row (the newest counts), never an edit. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    judgeId: integer('judge_id').notNull().references(() => judges.id),
    totalHundredths: integer('total_hundredths').notNull(),
    /** The rubric's marks by criterion code, in hundredths; the total is their sum. */
    criteria: text('criteria', { mode: 'json' }).$type<Record<string, number>>(),
    comment: text('comment'),
    /** The reviewer found a name in the files (the entry is not anonymous): for the organiser. */
    namesInFiles: integer('names_in_files', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('reviews_entry_idx').on(t.entryId)],
);

/** The chief reviewer's score for an entry whose reviewers disagree; the newest counts. */
export const reviewResolutions = sqliteTable(
  'review_resolutions',
  {
    id: id(),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    totalHundredths: integer('total_hundredths').notNull(),
    reason: text('reason').notNull(),
    resolvedBy: integer('resolved_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('review_resolutions_entry_idx').on(t.entryId)],
);
