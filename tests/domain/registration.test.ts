import { describe, expect, it } from 'vitest';
import { checkRoster, type RosterContext } from '#app/domain/registration.ts';
import { advisor, contestant } from '../helpers/people.ts';

const base: RosterContext = {
  phase: 'registration',
  now: new Date('2026-11-23T00:00:00Z'),
  startsOn: '2026-12-28',
  event: { code: 'GZ012', minTeamSize: 2, maxTeamSize: 3, maxAdvisors: 2, quotaPerSchool: 1, allowMultiTeamContestants: false, deadline: new Date('2026-12-14T00:00:00Z') },
  division: { name: '高职组', allowedSchoolTypes: ['higher_vocational', 'vocational_bachelor'], maxAge: 25 },
  schoolType: 'higher_vocational',
  otherTeamsOfSchool: 0,
  elsewhere: new Map(),
};
const two = { contestants: [contestant('张三'), contestant('李四', '20040101', 'female')], advisors: [advisor('王老师')] };
const codes = (ctx: Partial<RosterContext>, roster = two, stage: 'save' | 'submit' | 'approve' = 'submit') =>
  checkRoster({ ...base, ...ctx }, roster, stage).map((v) => v.code);

describe('registration rules', () => {
  it('accept a roster that keeps every rule', () => {
    expect(codes({})).toEqual([]);
  });

  it('need the registration phase and a deadline not passed, except at approval', () => {
    expect(codes({ phase: 'running' })).toEqual(['registration_closed']);
    expect(codes({ now: new Date('2026-12-15T00:00:00Z') })).toEqual(['deadline_passed']);
    expect(codes({ phase: 'running' }, two, 'approve')).toEqual([]);
  });

  it('hold the team size: the maximum at every stage, the minimum from submission on', () => {
    const one = { ...two, contestants: [two.contestants[0]] };
    expect(codes({}, one, 'save')).toEqual([]);
    expect(codes({}, one, 'submit')).toEqual(['team_size']);
    const four = { ...two, contestants: [...two.contestants, contestant('赵五'), contestant('钱六')] };
    expect(codes({}, four, 'save')).toEqual(['team_size']);
  });

  it('hold the advisor limit', () => {
    expect(codes({}, { ...two, advisors: [advisor('甲'), advisor('乙'), advisor('丙')] })).toEqual(['too_many_advisors']);
  });

  it('hold the school’s quota for the event', () => {
    expect(codes({ otherTeamsOfSchool: 1 })).toEqual(['quota_exceeded']);
    expect(codes({ otherTeamsOfSchool: 1, event: { ...base.event, quotaPerSchool: 2 } })).toEqual([]);
  });

  it('admit only the school types of the division', () => {
    expect(codes({ schoolType: 'secondary_vocational' })).toEqual(['school_type_not_allowed']);
  });

  it('hold the division’s age limit on the first day of the competition', () => {
    // Born 2001-12-28: exactly 25 on 2026-12-28 — allowed; a day earlier: 25 too; 2001-12-27 born is 25 as well.
    expect(codes({}, { ...two, contestants: [contestant('甲', '20011228'), contestant('乙')] })).toEqual([]);
    const old = checkRoster(base, { ...two, contestants: [contestant('甲', '20001227'), contestant('乙')] }, 'submit');
    expect(old).toEqual([{ code: 'contestant_too_old', field: 'contestants.0.idNumber', params: { name: '甲', age: 26, max: 25 } }]);
    expect(codes({ division: { ...base.division, maxAge: null } }, { ...two, contestants: [contestant('甲', '19700101'), contestant('乙')] })).toEqual([]);
  });

  it('need a valid 身份证号 and name the field', () => {
    const bad = { ...two.contestants[1], idNumber: two.contestants[1].idNumber.slice(0, 17) + (two.contestants[1].idNumber.endsWith('0') ? '1' : '0') };
    const v = checkRoster(base, { ...two, contestants: [two.contestants[0], bad] }, 'submit');
    expect(v).toEqual([{ code: 'id_number.checksum', field: 'contestants.1.idNumber', params: { name: '李四' } }]);
  });

  it('refuse the same 身份证号 twice in a team', () => {
    expect(codes({}, { ...two, contestants: [two.contestants[0], { ...two.contestants[0], name: '张三二' }] })).toEqual(['duplicate_id_number']);
  });

  it('keep a contestant on one team per competition unless the event allows more', () => {
    const elsewhere = new Map([[two.contestants[0].idNumber, 'GZ003']]);
    expect(codes({ elsewhere })).toEqual(['contestant_on_other_team']);
    expect(codes({ elsewhere, event: { ...base.event, allowMultiTeamContestants: true } })).toEqual([]);
  });

  it('need valid phone numbers', () => {
    expect(codes({}, { ...two, advisors: [advisor('王老师', '12345')] })).toEqual(['phone_invalid']);
    expect(codes({}, { ...two, contestants: [{ ...two.contestants[0], phone: '110' }, two.contestants[1]] })).toEqual(['phone_invalid']);
  });
});
