/** The competition's phases and the moves between them (筹备 → 报名 → 比赛 → 公示 → 结束). */

export const PHASES = ['draft', 'registration', 'running', 'announcement', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/** Forward one step, or back one step to correct a mistake (e.g. reopen registration); never past `closed`. */
export function canMovePhase(from: Phase, to: Phase): boolean {
  const a = PHASES.indexOf(from);
  const b = PHASES.indexOf(to);
  if (from === 'closed') return false;
  return Math.abs(a - b) === 1;
}

/** Registration edits need the `registration` phase and a deadline that has not passed. */
export function registrationOpen(phase: Phase, deadline: Date | null, now: Date): boolean {
  return phase === 'registration' && (deadline === null || now.getTime() <= deadline.getTime());
}
