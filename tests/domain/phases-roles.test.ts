import { describe, expect, it } from 'vitest';
import { canMovePhase, PHASES, registrationOpen } from '#app/domain/phases.ts';
import { homePathFor, type Actor } from '#app/domain/roles.ts';

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

describe('home desks', () => {
  it('sends each role to its own desk, and a judge who chairs an event to the chief’s', () => {
    expect(homePathFor(actor({ role: 'judge', judgeId: 3, assignments: new Map([[10, 'chief_judge']]) }))).toBe('/chief');
    expect(homePathFor(actor({ role: 'judge', judgeId: 3, assignments: new Map([[11, 'scoring_judge']]) }))).toBe('/judge');
    expect(homePathFor(actor({ role: 'arbiter' }))).toBe('/arbiter');
    expect(homePathFor(actor({ role: 'admin' }))).toBe('/admin');
    expect(homePathFor(actor({ role: 'school', schoolId: 7 }))).toBe('/school');
  });
});
