/**
 * The event lifecycle: one list of statuses, the moves between them, and the predicates every
 * model asks (sealed, markable, returnable, appeal window open). Nothing else lists a status.
 *
 *   scheduled ─check-in→ checking_in ─draw→ scoring ─lock→ locked ─publish→ published ─period over→ final
 *   scheduled ─review (an entry category's 网评)→ scoring
 *                                     ←redraw─ (until the first mark)
 *
 * An upheld appeal re-locks a published event without changing its status: the new result run
 * replaces the published one, and the announcement period goes on.
 */
import { Refusal } from './refusal.ts';

export const EVENT_STATUSES = ['scheduled', 'checking_in', 'scoring', 'locked', 'published', 'final'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** 检录: a team is present or absent; an absent team is kept and never ranked. */
export const CHECK_IN_STATUSES = ['present', 'absent'] as const;
export const SHEET_STATUSES = ['open', 'submitted'] as const;

/** The step that makes each move: its name is the audit action and the words of the refusal. */
export const EVENT_TRANSITIONS = {
  check_in: { from: ['scheduled'], to: 'checking_in' },
  draw: { from: ['checking_in'], to: 'scoring' },
  /** 网评: assigning an entry category's reviewers opens its scoring (no check-in, no draw: codes are given). */
  review: { from: ['scheduled'], to: 'scoring' },
  /** A draw made in error is undone, with a reason, until the first mark: back to check-in. */
  redraw: { from: ['scoring'], to: 'checking_in' },
  lock: { from: ['scoring'], to: 'locked' },
  publish: { from: ['locked'], to: 'published' },
  finalise: { from: ['published'], to: 'final' },
} as const satisfies Record<string, { from: readonly EventStatus[]; to: EventStatus }>;
export type EventStep = keyof typeof EVENT_TRANSITIONS;

/** The refusal code of a step taken at the wrong time, as the catalogue words it. */
const STEP_REFUSALS: Record<EventStep, string> = {
  check_in: 'check_in_closed',
  draw: 'draw_not_open',
  review: 'review_not_open',
  redraw: 'redraw_not_open',
  lock: 'event_not_scoring',
  publish: 'event_not_locked',
  finalise: 'event_not_published',
};

export function canTake(step: EventStep, status: EventStatus): boolean {
  return (EVENT_TRANSITIONS[step].from as readonly EventStatus[]).includes(status);
}

/** The status after `step`, or a 409 refusal naming why the step cannot be taken now. */
export function assertTransition(step: EventStep, status: EventStatus, params: Record<string, string | number> = {}): EventStatus {
  if (!canTake(step, status)) throw new Refusal(409, STEP_REFUSALS[step], { status, ...params });
  return EVENT_TRANSITIONS[step].to;
}

/** Check-in is recorded until the draw (the first check-in moves a scheduled event on). */
export const isCheckInOpen = (status: EventStatus) => status === 'scheduled' || status === 'checking_in';

/** Marks are entered, corrected and reopened only while the event is scoring. */
export const isMarkable = (status: EventStatus) => status === 'scoring';

/**
 * Registration changes (return, withdraw, roster edits by the organiser) end when the draw is
 * made: from then on the codes, stations and marks belong to the teams as drawn.
 */
export const isRegistrationOpenFor = (status: EventStatus) => status === 'scheduled' || status === 'checking_in';

/** The lock decrypts: from then on names stand beside work codes for the organiser and the chief judge. */
export const isDecrypted = (status: EventStatus) => status === 'locked' || status === 'published' || status === 'final';

/** Results and awards are public once published, and stay so when final. */
export const PUBLISHED_STATUSES = ['published', 'final'] as const satisfies readonly EventStatus[];
export const isPublished = (status: EventStatus) => status === 'published' || status === 'final';

/** Appeals are filed only while published and within the announcement period. */
export function isAppealWindowOpen(status: EventStatus, announcementEndsAt: Date | null, now: Date): boolean {
  return status === 'published' && announcementEndsAt !== null && now < announcementEndsAt;
}

/**
 * Sealed: from the draw until the chief judge's lock decrypts the event, nobody sees a team's name
 * beside its work code (except through an audited unseal). Before the draw there is no work code;
 * the lock decrypts.
 */
export const isSealed = (status: EventStatus) => status === 'scoring';
