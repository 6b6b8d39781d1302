/**
 * The final's stage (路演 · 答辩, #16): one team at a time presents, then answers questions, each
 * against the clock shown on the big screen and the phones. The stage is a small state the chief
 * judge moves on; the time left is read from it and the clock, never counted by the server. Pure.
 */
import { Refusal } from './refusal.ts';

export const STAGE_PARTS = ['pitch', 'questions'] as const;
export type StagePart = (typeof STAGE_PARTS)[number];
export type StageTiming = { pitchSeconds: number; questionsSeconds: number };
/** 5 minutes of pitch, 3 of questions: the published practice; an event may set its own. */
export const DEFAULT_STAGE_TIMING: StageTiming = { pitchSeconds: 300, questionsSeconds: 180 };

/** Who is on stage, doing what, since when (epoch ms) and for how long. */
export type Stage = { workCode: string; part: StagePart; startedAt: number; seconds: number };
export type StageAction = { action: 'pitch' | 'questions'; workCode: string } | { action: 'clear' };

/**
 * The stage after an action: a pitch starts any drawn team's turn; questions follow that team's
 * pitch (or restart its questions); clear empties the stage. `drawn` are the event's work codes.
 */
export function nextStage(current: Stage | null, step: StageAction, drawn: readonly string[], timing: StageTiming, now: number): Stage | null {
  if (step.action === 'clear') return null;
  if (!drawn.includes(step.workCode)) throw new Refusal(422, 'stage_unknown_code', { code: step.workCode });
  if (step.action === 'questions' && current?.workCode !== step.workCode) throw new Refusal(409, 'stage_questions_before_pitch', { code: step.workCode });
  return { workCode: step.workCode, part: step.action, startedAt: now, seconds: step.action === 'pitch' ? timing.pitchSeconds : timing.questionsSeconds };
}

/** Whole seconds left (negative once over time: the screen shows how far over). */
export function secondsLeft(stage: Stage, now: number): number {
  return stage.seconds - Math.floor((now - stage.startedAt) / 1000);
}

/** m:ss, with a minus sign once over time. */
export function clockText(seconds: number): string {
  const abs = Math.abs(seconds);
  return `${seconds < 0 ? '−' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

export function timingProblem(timing: StageTiming): string | null {
  const ok = (s: number) => Number.isInteger(s) && s >= 30 && s <= 3600;
  return ok(timing.pitchSeconds) && ok(timing.questionsSeconds) ? null : 'stage_timing';
}
