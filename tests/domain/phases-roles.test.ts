import { describe, expect, it } from 'vitest';
import { canMovePhase, PHASES, registrationOpen } from '#app/domain/phases.ts';
import { canActForSchool, canSeePersonalData, homePathFor, isAssignedJudge, isChiefJudge, type Actor } from '#app/domain/roles.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  username: 'x',
  displayName: 'x',
  role: 'school',
  schoolId: null,
  judgeId: null,
  assignments: new Map(),
  ...over,
});

describe('competition phases', () => {
  it('moves one step forward or back, never out of closed', () => {
    expect(canMovePhase('draft', 'registration')).toBe(true);
    expect(canMovePhase('registration', 'draft')).toBe(true);
    expect(canMovePhase('draft', 'running')).toBe(false);
    expect(canMovePhase('running', 'announcement')).toBe(true);
    expect(canMovePhase('closed', 'announcement')).toBe(false);
    expect(PHASES).toEqual(['draft', 'registration', 'running', 'announcement', 'closed']);
  });

  it('opens registration only in its phase and before the deadline', () => {
    const deadline = new Date('2026-12-01T00:00:00Z');
    expect(registrationOpen('registration', deadline, new Date('2026-11-30T23:59:59Z'))).toBe(true);
    expect(registrationOpen('registration', deadline, new Date('2026-12-01T00:00:01Z'))).toBe(false);
    expect(registrationOpen('running', null, new Date())).toBe(false);
  });
});

describe('roles', () => {
  it('binds a school account to its own school', () => {
    const school = actor({ role: 'school', schoolId: 7 });
    expect(canActForSchool(school, 7)).toBe(true);
    expect(canActForSchool(school, 8)).toBe(false);
    expect(canActForSchool(actor({ role: 'admin' }), 8)).toBe(true);
    expect(canActForSchool(actor({ role: 'judge' }), 7)).toBe(false);
    expect(canSeePersonalData(null, 7)).toBe(false);
    expect(canSeePersonalData(school, 8)).toBe(false);
  });

  it('binds a judge to its assignments, and makes it chief only where assigned so', () => {
    const judge = actor({ role: 'judge', judgeId: 3, assignments: new Map([[10, 'chief_judge'], [11, 'scoring_judge']]) });
    expect(isAssignedJudge(judge, 10)).toBe(true);
    expect(isAssignedJudge(judge, 12)).toBe(false);
    expect(isChiefJudge(judge, 10)).toBe(true);
    expect(isChiefJudge(judge, 11)).toBe(false);
    expect(homePathFor(judge)).toBe('/chief');
    expect(homePathFor(actor({ role: 'judge', assignments: new Map([[11, 'scoring_judge']]) }))).toBe('/judge');
    expect(homePathFor(actor({ role: 'arbiter' }))).toBe('/arbiter');
  });
});
