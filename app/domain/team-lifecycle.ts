/**
 * The team lifecycle: draft → submitted → approved, or returned (with a reason) to be edited and
 * submitted again. Every step also needs the event to be open for registration changes: they
 * end when the event's draw is made, since codes, stations and marks then belong to the teams.
 */
import { isRegistrationOpenFor, type EventStatus } from './event-lifecycle.ts';
import { Refusal } from './refusal.ts';

export const TEAM_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const TEAM_STEPS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', refusal: 'team_not_editable' },
  approve: { from: ['submitted'], to: 'approved', refusal: 'team_not_submitted' },
  return: { from: ['submitted', 'approved'], to: 'returned', refusal: 'team_not_submitted' },
} as const satisfies Record<string, { from: readonly TeamStatus[]; to: TeamStatus; refusal: string }>;
export type TeamStep = keyof typeof TEAM_STEPS;

/** A school edits its roster while the team is a draft or has been returned. */
export const isEditable = (status: TeamStatus) => status === 'draft' || status === 'returned';

export function canTakeTeamStep(step: TeamStep, status: TeamStatus, eventStatus: EventStatus): boolean {
  return (TEAM_STEPS[step].from as readonly TeamStatus[]).includes(status) && isRegistrationOpenFor(eventStatus);
}

/** The team's status after `step`; a 409 refusal naming why it cannot be taken now. */
export function assertTeamStep(step: TeamStep, status: TeamStatus, eventStatus: EventStatus): TeamStatus {
  if (!isRegistrationOpenFor(eventStatus)) throw new Refusal(409, 'registration_closed_by_draw', { status: eventStatus });
  if (!(TEAM_STEPS[step].from as readonly TeamStatus[]).includes(status)) throw new Refusal(409, TEAM_STEPS[step].refusal, { status });
  return TEAM_STEPS[step].to;
}
