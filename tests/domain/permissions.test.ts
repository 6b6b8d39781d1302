/**
 * The permission table, cell by cell: every action against every kind of person, on event 10 and
 * school 7. A new action without its row here fails the completeness test.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, allowed, can, requirePermission, type Action } from '#app/domain/permissions.ts';
import { Refusal } from '#app/domain/refusal.ts';
import type { Actor } from '#app/domain/roles.ts';

const base: Actor = { userId: 1, username: 'x', displayName: 'x', role: 'school', schoolId: null, judgeId: null, assignments: new Map() };
const PEOPLE = {
  admin: { ...base, role: 'admin' },
  ownSchool: { ...base, role: 'school', schoolId: 7 },
  otherSchool: { ...base, role: 'school', schoolId: 8 },
  scoring: { ...base, role: 'judge', judgeId: 3, assignments: new Map([[10, 'scoring_judge']]) },
  chief: { ...base, role: 'judge', judgeId: 4, assignments: new Map([[10, 'chief_judge']]) },
  chiefElsewhere: { ...base, role: 'judge', judgeId: 5, assignments: new Map([[11, 'chief_judge']]) },
  arbiter: { ...base, role: 'arbiter' },
} satisfies Record<string, Actor>;
type Person = keyof typeof PEOPLE;
const resource = { eventId: 10, schoolId: 7, userId: 1 };

/** Who may take each action on event 10 / school 7 / user 1; everyone else may not. */
const EXPECTED: Record<Action, Person[]> = {
  'desk:organiser': ['admin'],
  'desk:school': ['ownSchool', 'otherSchool'],
  'desk:judge': ['scoring', 'chief', 'chiefElsewhere'],
  'desk:chief': ['chief', 'chiefElsewhere'],
  'desk:arbiter': ['arbiter'],
  'desk:registration': ['admin', 'ownSchool', 'otherSchool'],
  'desk:judging': ['admin', 'scoring', 'chief', 'chiefElsewhere'],
  'competition:manage': ['admin'],
  'competition:read-draft': ['admin'],
  'account:manage': ['admin'],
  'session:revoke': ['admin', 'ownSchool', 'otherSchool', 'scoring', 'chief', 'chiefElsewhere', 'arbiter'], // user 1 is every test person
  'audit:read': ['admin'],
  'school:read': ['admin', 'ownSchool'],
  'school:list': ['admin'],
  'judge:list': ['admin'],
  'team:register': ['admin', 'ownSchool'],
  'team:read': ['admin', 'ownSchool'],
  'team:list': ['admin', 'ownSchool', 'otherSchool'],
  'team:review': ['admin'],
  'registration:import': ['admin', 'ownSchool', 'otherSchool'],
  'personal-data:read': ['admin', 'ownSchool'],
  'event:manage': ['admin'],
  'event:unseal': ['admin'],
  'scheme:read': ['admin', 'scoring', 'chief'],
  'assignment:read-own': ['scoring', 'chief', 'chiefElsewhere'],
  'mark:enter': ['scoring'],
  'marking:review': ['admin', 'chief'],
  'marking:chief': ['chief'],
  'stage:run': ['admin', 'chief'],
  'board:staff': ['admin', 'chief'],
  'event:publish': ['admin'],
  'awards:read-unpublished': ['admin', 'chief'],
  'results:read-own': ['admin', 'ownSchool'],
  'appeal:file': ['ownSchool'],
  'appeal:decide': ['arbiter'],
  'appeal:list': ['admin', 'arbiter'],
  'appeal:reopen': ['chief'],
  'appeal:attachment': ['admin', 'ownSchool', 'chief', 'arbiter'],
  'nomination:review': ['admin'],
  'certificate:read': ['admin', 'ownSchool'],
  'entry:submit': ['admin', 'ownSchool'],
  'entry:read': ['admin', 'ownSchool'],
  'entry:review': ['scoring', 'chief', 'chiefElsewhere'],
  'review:assign': ['admin'],
};

describe('the permission table', () => {
  it('has an expected row for every action, and no row for an action it does not have', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    it(`${action}: exactly ${EXPECTED[action].join(', ')}`, () => {
      const granted = (Object.keys(PEOPLE) as Person[]).filter((p) => can(PEOPLE[p], action, resource));
      expect(granted.sort()).toEqual([...EXPECTED[action]].sort());
      expect(can(null, action, resource)).toBe(false);
    });
  }

  it('binds school and event rules to the resource: no resource, no grant', () => {
    expect(can(PEOPLE.ownSchool, 'team:register')).toBe(false);
    expect(can(PEOPLE.scoring, 'mark:enter')).toBe(false);
    expect(can(PEOPLE.chief, 'marking:chief', { eventId: 11 })).toBe(false);
  });

  it('refuses with a 403 refusal naming the action, and hands loaders a map of what is allowed', () => {
    expect(() => requirePermission(PEOPLE.arbiter, 'event:manage')).toThrow(Refusal);
    try {
      requirePermission(PEOPLE.otherSchool, 'team:register', { schoolId: 7 }, 'not_own_team');
    } catch (e) {
      expect(e).toMatchObject({ status: 403, code: 'not_own_team', params: { action: 'team:register' } });
    }
    expect(allowed(PEOPLE.chief, ['marking:chief', 'event:manage'], { eventId: 10 })).toEqual({ 'marking:chief': true, 'event:manage': false });
  });
});
