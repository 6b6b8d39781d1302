/**
 * Registration rules of DOMAIN.md, as pure checks over a team's roster: each returns the
 * violations it finds, so the same rules serve save, submit, approval, the import and the
 * organiser's review list.
 */
import { ageOn, isValidPhone, parseIdNumber, type IdNumberProblem } from './id-number.ts';
import { registrationOpen, type Phase } from './phases.ts';

export { TEAM_STATUSES, type TeamStatus } from './team-lifecycle.ts';

export type { SchoolType } from './competition-setup.ts';
import type { SchoolType } from './competition-setup.ts';

export type EventRules = {
  code: string;
  minTeamSize: number;
  maxTeamSize: number;
  maxAdvisors: number;
  quotaPerSchool: number;
  allowMultiTeamContestants: boolean;
  /** The event's own deadline, else the competition's. */
  deadline: Date | null;
};

export type DivisionRules = { name: string; allowedSchoolTypes: readonly SchoolType[]; maxAge: number | null };

export type ContestantEntry = { name: string; idNumber: string; studentNumber?: string | null; major?: string | null; phone?: string | null };
export type AdvisorEntry = { name: string; title?: string | null; phone: string };

export type RosterContext = {
  phase: Phase;
  now: Date;
  /** The competition's first day: ages are reckoned on it. */
  startsOn: string;
  event: EventRules;
  division: DivisionRules;
  schoolType: SchoolType;
  /** Other live teams of the same school in the same event (not this one). */
  otherTeamsOfSchool: number;
  /** The organiser disabled the school (closed, merged). */
  schoolDisabled?: boolean;
  /** 身份证号 → the event code of another live team of this competition the person is already on. */
  elsewhere: ReadonlyMap<string, string>;
};

export type Violation = {
  code: string;
  /** The field the person must correct, as the form names it (contestants.0.idNumber …). */
  field?: string;
  params?: Record<string, string | number>;
};

export type Stage = 'save' | 'submit' | 'approve';

/** Registration edits need the phase and the deadline; approval by the organiser does not. */
export function checkWindow(ctx: Pick<RosterContext, 'phase' | 'now' | 'event'>): Violation[] {
  if (ctx.phase !== 'registration') return [{ code: 'registration_closed', params: { phase: ctx.phase } }];
  if (!registrationOpen(ctx.phase, ctx.event.deadline, ctx.now)) return [{ code: 'deadline_passed' }];
  return [];
}

export function checkSchoolType(ctx: Pick<RosterContext, 'schoolType' | 'division' | 'schoolDisabled'>): Violation[] {
  if (ctx.schoolDisabled) return [{ code: 'school_disabled' }];
  return ctx.division.allowedSchoolTypes.includes(ctx.schoolType)
    ? []
    : [{ code: 'school_type_not_allowed', params: { division: ctx.division.name, type: ctx.schoolType } }];
}

export function checkQuota(ctx: Pick<RosterContext, 'otherTeamsOfSchool' | 'event'>): Violation[] {
  return ctx.otherTeamsOfSchool + 1 > ctx.event.quotaPerSchool
    ? [{ code: 'quota_exceeded', params: { quota: ctx.event.quotaPerSchool, event: ctx.event.code } }]
    : [];
}

function checkContestant(c: ContestantEntry, i: number, ctx: RosterContext): Violation[] {
  const at = (f: string) => `contestants.${i}.${f}`;
  const out: Violation[] = [];
  if (!c.name.trim()) out.push({ code: 'name_required', field: at('name') });
  const id = parseIdNumber(c.idNumber, ctx.now);
  if (!id.ok) {
    out.push({ code: `id_number.${id.problem satisfies IdNumberProblem}`, field: at('idNumber'), params: { name: c.name } });
  } else {
    if (ctx.division.maxAge !== null) {
      const age = ageOn(id.info.birthDate, ctx.startsOn);
      if (age > ctx.division.maxAge) {
        out.push({ code: 'contestant_too_old', field: at('idNumber'), params: { name: c.name, age, max: ctx.division.maxAge } });
      }
    }
    const other = ctx.elsewhere.get(id.info.idNumber);
    if (other && !ctx.event.allowMultiTeamContestants) {
      out.push({ code: 'contestant_on_other_team', field: at('idNumber'), params: { name: c.name, event: other } });
    }
  }
  if (c.phone && !isValidPhone(c.phone)) out.push({ code: 'phone_invalid', field: at('phone') });
  return out;
}

/** Every rule of a roster at a stage: save checks what can be wrong already; submit and approval check it all. */
export function checkRoster(
  ctx: RosterContext,
  roster: { contestants: ContestantEntry[]; advisors: AdvisorEntry[] },
  stage: Stage,
): Violation[] {
  const out: Violation[] = [];
  if (stage !== 'approve') out.push(...checkWindow(ctx));
  out.push(...checkSchoolType(ctx), ...checkQuota(ctx));

  const { contestants, advisors } = roster;
  if (contestants.length > ctx.event.maxTeamSize || (stage !== 'save' && contestants.length < ctx.event.minTeamSize)) {
    out.push({ code: 'team_size', field: 'contestants', params: { min: ctx.event.minTeamSize, max: ctx.event.maxTeamSize, count: contestants.length } });
  }
  if (advisors.length > ctx.event.maxAdvisors) {
    out.push({ code: 'too_many_advisors', field: 'advisors', params: { max: ctx.event.maxAdvisors, count: advisors.length } });
  }
  const seen = new Set<string>();
  contestants.forEach((c, i) => {
    out.push(...checkContestant(c, i, ctx));
    const key = c.idNumber.trim().toUpperCase();
    if (seen.has(key)) out.push({ code: 'duplicate_id_number', field: `contestants.${i}.idNumber`, params: { name: c.name } });
    seen.add(key);
  });
  advisors.forEach((a, i) => {
    if (!a.name.trim()) out.push({ code: 'name_required', field: `advisors.${i}.name` });
    if (!isValidPhone(a.phone)) out.push({ code: 'phone_invalid', field: `advisors.${i}.phone`, params: { name: a.name } });
  });
  return out;
}

/** The orders the organiser's registration review offers (each ends on the team's number). */
export const REGISTRATION_SORTS = ['event', 'school', 'status', 'submitted'] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];
