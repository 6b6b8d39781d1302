/** The final's stage (路演 · 答辩): who may be called, questions only after a pitch, the clock read from the start. */
import { describe, expect, it } from 'vitest';
import { clockText, DEFAULT_STAGE_TIMING, nextStage, secondsLeft, timingProblem } from '#app/domain/stage.ts';
import { Refusal } from '#app/domain/refusal.ts';

const drawn = ['CX-01', 'CX-02', 'CX-03'];
const t0 = Date.UTC(2026, 11, 20, 1, 0, 0);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof Refusal) return e.code;
  }
  return null;
};

describe('the stage', () => {
  it('calls a drawn team to pitch for five minutes, then to questions for three', () => {
    const pitch = nextStage(null, { action: 'pitch', workCode: 'CX-02' }, drawn, DEFAULT_STAGE_TIMING, t0)!;
    expect(pitch).toEqual({ workCode: 'CX-02', part: 'pitch', startedAt: t0, seconds: 300 });
    const questions = nextStage(pitch, { action: 'questions', workCode: 'CX-02' }, drawn, DEFAULT_STAGE_TIMING, t0 + 301_000)!;
    expect(questions).toMatchObject({ part: 'questions', seconds: 180, startedAt: t0 + 301_000 });
    expect(nextStage(questions, { action: 'clear' }, drawn, DEFAULT_STAGE_TIMING, t0)).toBeNull();
  });

  it('refuses a code not drawn, and questions for a team that has not pitched', () => {
    expect(refusal(() => nextStage(null, { action: 'pitch', workCode: 'CX-99' }, drawn, DEFAULT_STAGE_TIMING, t0))).toBe('stage_unknown_code');
    const pitch = nextStage(null, { action: 'pitch', workCode: 'CX-01' }, drawn, DEFAULT_STAGE_TIMING, t0);
    expect(refusal(() => nextStage(pitch, { action: 'questions', workCode: 'CX-02' }, drawn, DEFAULT_STAGE_TIMING, t0))).toBe('stage_questions_before_pitch');
    expect(refusal(() => nextStage(null, { action: 'questions', workCode: 'CX-01' }, drawn, DEFAULT_STAGE_TIMING, t0))).toBe('stage_questions_before_pitch');
  });

  it('reads the time left from the start, in whole seconds, and shows over time with a minus sign', () => {
    const stage = { workCode: 'CX-01', part: 'pitch' as const, startedAt: t0, seconds: 300 };
    expect(secondsLeft(stage, t0)).toBe(300);
    expect(secondsLeft(stage, t0 + 999)).toBe(300);
    expect(secondsLeft(stage, t0 + 1000)).toBe(299);
    expect(secondsLeft(stage, t0 + 305_000)).toBe(-5);
    expect([clockText(300), clockText(59), clockText(0), clockText(-5)]).toEqual(['5:00', '0:59', '0:00', '−0:05']);
  });

  it('holds the times between half a minute and an hour, in whole seconds', () => {
    expect(timingProblem({ pitchSeconds: 420, questionsSeconds: 240 })).toBeNull();
    expect(timingProblem({ pitchSeconds: 10, questionsSeconds: 240 })).toBe('stage_timing');
    expect(timingProblem({ pitchSeconds: 300, questionsSeconds: 90.5 })).toBe('stage_timing');
  });
});
