/**
 * The organiser's setup rules: what a competition, a division, a venue and an event may be set
 * to. Each check returns every problem at once, with the field and the rule, so the form, the
 * API and the import all say the same thing. Pure: no I/O.
 */
import { AGGREGATION_METHODS, TRIMMED_MEAN_MIN_JUDGES, type AggregationMethod } from './aggregation.ts';
import { TIE_DIRECTIONS, TIERS } from './awards.ts';
import type { CompetitionKind } from './works.ts';
import { toHundredths } from './exact.ts';
import type { Violation } from './registration.ts';
import { LIVE_MODES, allowedModes, type LiveMode } from './scoreboard.ts';

export const SCHOOL_TYPES = ['vocational_bachelor', 'higher_vocational', 'secondary_vocational', 'technician'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
/** A school type as the province's sheets write it. */
export const SCHOOL_TYPE_WORDS: Record<SchoolType, string> = {
  vocational_bachelor: '职业本科',
  higher_vocational: '高职专科',
  secondary_vocational: '中职',
  technician: '技工院校',
};
export const schoolTypeOfWord = (word: string): SchoolType | undefined =>
  (Object.entries(SCHOOL_TYPE_WORDS) as [SchoolType, string][]).find(([, w]) => w === word.trim())?.[0];

/** 全国院校代码: five digits (some provinces' lists add a letter); the school account is `s` + it. */
export const SCHOOL_CODE = /^[0-9A-Za-z]{4,10}$/;
export const schoolUsername = (code: string) => `s${code}`;

/** Team sizes: individual (1) or a team of 2–4 (DOMAIN.md). */
export const MAX_TEAM_SIZE = 4;
export const MAX_ADVISORS = 5;
export const MAX_ANNOUNCEMENT_DAYS = 30;
/** Event codes such as GZ012 or ZZ031: the division's code and three digits. */
export const EVENT_CODE = /^[A-Z]{2}\d{3}$/;
/** An entry category's code (征文演讲 ZW, 微电影 WDY): two to four capital letters. */
export const CATEGORY_CODE = /^[A-Z]{2,4}$/;

/** Shares per tier; 优秀奖 (merit) only where a year gives it. */
export type AwardRatios = { first: number; second: number; third: number; merit?: number };

export type CompetitionSettings = {
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: Date | null;
  registrationDeadline: Date | null;
  announcementDays: number;
  defaultAwardRatios: AwardRatios;
  defaultTieAtBoundary: (typeof TIE_DIRECTIONS)[number];
  defaultLiveMode: LiveMode;
  defaultAggregationMethod: AggregationMethod;
  /** Standardised scores across events (#15); off unless the organiser turns them on. */
  standardisedScores?: boolean;
};

export type EventSettings = {
  code: string;
  name: string;
  minTeamSize: number;
  maxTeamSize: number;
  maxAdvisors: number;
  quotaPerSchool: number;
  allowMultiTeamContestants: boolean;
  scheduledOn: string | null;
  timeSlot: string | null;
  registrationDeadline: Date | null;
  aggregationMethod: AggregationMethod;
  discrepancyThreshold: number;
  tieBreaks: { kind: 'module' | 'criterion'; id: number }[];
  tieBreakByCompletionTime: boolean;
  awardRatios: AwardRatios;
  /** By fixed count instead of ratio; null: by the ratios. */
  awardCounts: AwardRatios | null;
  tieAtBoundary: (typeof TIE_DIRECTIONS)[number];
  minTotalForAward: number | null;
  liveMode: LiveMode;
};

/** What the event's checks need to know beyond its own settings. */
export type EventContext = {
  divisionCode: string;
  /** A works-based year's events are its entry categories, coded as the category (ZW, WDY …). */
  kind?: CompetitionKind;
  competition: { startsOn: string; endsOn: string };
  /** The scheme's module and criterion ids, for tie-breaks; whether any criterion is judgement. */
  scheme: { moduleIds: readonly number[]; criterionIds: readonly number[]; hasJudgement: boolean };
  /** Scoring judges assigned so far (0 before assignment). */
  scoringJudges: number;
};

const v = (code: string, field: string, params?: Violation['params']): Violation => ({ code, field, params });
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function ratioProblems(ratios: AwardRatios, field: string): Violation[] {
  const out: Violation[] = [];
  for (const tier of TIERS) {
    const r = ratios[tier] ?? 0;
    if (!(r >= 0 && r <= 1) || Math.abs(r * 10_000 - Math.round(r * 10_000)) > 1e-6) out.push(v('setup.ratio_range', `${field}.${tier}`));
  }
  const total = TIERS.reduce((sum, t) => sum + Math.round((ratios[t] ?? 0) * 10_000), 0);
  if (out.length === 0 && total > 10_000) out.push(v('setup.ratio_total', field, { percent: total / 100 }));
  return out;
}

export function competitionProblems(c: CompetitionSettings): Violation[] {
  const out: Violation[] = [];
  if (!c.name.trim()) out.push(v('name_required', 'name'));
  if (!Number.isInteger(c.year) || c.year < 2000 || c.year > 2100) out.push(v('setup.year', 'year'));
  if (!isDate(c.startsOn)) out.push(v('setup.date', 'startsOn'));
  if (!isDate(c.endsOn)) out.push(v('setup.date', 'endsOn'));
  if (isDate(c.startsOn) && isDate(c.endsOn) && c.endsOn < c.startsOn) out.push(v('setup.ends_before_starts', 'endsOn'));
  if (c.registrationOpensAt && c.registrationDeadline && c.registrationDeadline <= c.registrationOpensAt) out.push(v('setup.deadline_before_opening', 'registrationDeadline'));
  if (c.registrationDeadline && isDate(c.startsOn) && c.registrationDeadline.getTime() > Date.parse(`${c.startsOn}T00:00:00+08:00`)) {
    out.push(v('setup.deadline_after_start', 'registrationDeadline'));
  }
  if (!Number.isInteger(c.announcementDays) || c.announcementDays < 1 || c.announcementDays > MAX_ANNOUNCEMENT_DAYS) {
    out.push(v('setup.announcement_days', 'announcementDays', { max: MAX_ANNOUNCEMENT_DAYS }));
  }
  out.push(...ratioProblems(c.defaultAwardRatios, 'defaultAwardRatios'));
  if (!(TIE_DIRECTIONS as readonly string[]).includes(c.defaultTieAtBoundary)) out.push(v('setup.choice', 'defaultTieAtBoundary'));
  if (!(LIVE_MODES as readonly string[]).includes(c.defaultLiveMode)) out.push(v('setup.choice', 'defaultLiveMode'));
  if (!(AGGREGATION_METHODS as readonly string[]).includes(c.defaultAggregationMethod)) out.push(v('setup.choice', 'defaultAggregationMethod'));
  return out;
}

export function divisionProblems(d: { code: string; name: string; allowedSchoolTypes: readonly string[]; maxAge: number | null; ageReferenceDate: string | null }): Violation[] {
  const out: Violation[] = [];
  if (!/^[A-Z]{2}$/.test(d.code)) out.push(v('setup.division_code', 'code'));
  if (!d.name.trim()) out.push(v('name_required', 'name'));
  if (d.allowedSchoolTypes.length === 0 || d.allowedSchoolTypes.some((t) => !(SCHOOL_TYPES as readonly string[]).includes(t))) out.push(v('setup.school_types', 'allowedSchoolTypes'));
  if (d.maxAge !== null && (!Number.isInteger(d.maxAge) || d.maxAge < 14 || d.maxAge > 70)) out.push(v('setup.max_age', 'maxAge'));
  if (d.ageReferenceDate !== null && !isDate(d.ageReferenceDate)) out.push(v('setup.date', 'ageReferenceDate'));
  return out;
}

/**
 * Every rule of an event's settings, each naming its field: the code belongs to its division,
 * sizes are 1–4 with min ≤ max, ratios add up to at most 100 %, a threshold and a minimum total
 * have at most two decimals, tie-breaks name the event's own modules or criteria, a trimmed mean
 * has (or will have) five scoring judges, and names are never shown live when judges judge.
 */
export function eventProblems(e: EventSettings, ctx: EventContext): Violation[] {
  const out: Violation[] = [];
  if (ctx.kind && ctx.kind !== 'skills') {
    if (!CATEGORY_CODE.test(e.code)) out.push(v('setup.category_code', 'code'));
  } else if (!EVENT_CODE.test(e.code)) out.push(v('setup.event_code', 'code'));
  else if (!e.code.startsWith(ctx.divisionCode)) out.push(v('setup.event_code_division', 'code', { division: ctx.divisionCode }));
  if (!e.name.trim()) out.push(v('name_required', 'name'));
  if (!Number.isInteger(e.minTeamSize) || e.minTeamSize < 1 || e.minTeamSize > MAX_TEAM_SIZE) out.push(v('setup.team_size', 'minTeamSize', { max: MAX_TEAM_SIZE }));
  if (!Number.isInteger(e.maxTeamSize) || e.maxTeamSize < 1 || e.maxTeamSize > MAX_TEAM_SIZE) out.push(v('setup.team_size', 'maxTeamSize', { max: MAX_TEAM_SIZE }));
  else if (e.maxTeamSize < e.minTeamSize) out.push(v('setup.team_size_order', 'maxTeamSize'));
  if (!Number.isInteger(e.maxAdvisors) || e.maxAdvisors < 0 || e.maxAdvisors > MAX_ADVISORS) out.push(v('setup.advisors', 'maxAdvisors', { max: MAX_ADVISORS }));
  if (!Number.isInteger(e.quotaPerSchool) || e.quotaPerSchool < 1) out.push(v('setup.quota', 'quotaPerSchool'));
  if (e.scheduledOn !== null) {
    if (!isDate(e.scheduledOn)) out.push(v('setup.date', 'scheduledOn'));
    else if (e.scheduledOn < ctx.competition.startsOn || e.scheduledOn > ctx.competition.endsOn) {
      out.push(v('setup.scheduled_outside', 'scheduledOn', { from: ctx.competition.startsOn, to: ctx.competition.endsOn }));
    }
  }
  if (toHundredths(e.discrepancyThreshold) === null || e.discrepancyThreshold < 0) out.push(v('setup.threshold', 'discrepancyThreshold'));
  if (e.minTotalForAward !== null && (toHundredths(e.minTotalForAward) === null || e.minTotalForAward < 0)) out.push(v('setup.min_total', 'minTotalForAward'));
  out.push(...ratioProblems(e.awardRatios, 'awardRatios'));
  e.tieBreaks.forEach((tb, i) => {
    const known = tb.kind === 'module' ? ctx.scheme.moduleIds : ctx.scheme.criterionIds;
    if (!known.includes(tb.id)) out.push(v('setup.tie_break_unknown', `tieBreaks.${i}`));
  });
  if (e.aggregationMethod === 'trimmed_mean' && ctx.scoringJudges > 0 && ctx.scoringJudges < TRIMMED_MEAN_MIN_JUDGES) {
    out.push(v('trimmed_mean_needs_five', 'aggregationMethod', { count: ctx.scoringJudges }));
  }
  if (!allowedModes(ctx.scheme.hasJudgement).includes(e.liveMode)) out.push(v('live_mode_named_judgement', 'liveMode'));
  return out;
}
