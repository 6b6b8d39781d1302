/**
 * Regressions of the trust issue (#11), through the model layer on the demo's GZ012 in a real
 * database. Each `regression:` test failed on the code before the fix (commit e3fa5ac).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { auditLog, events, judgeAssignments, judges, results, resultRuns, teams } from '#db/schema.ts';
import { assignJudge, revokeAssignment, revokeConflictedJudge } from '#app/models/assignment.server.ts';
import { drawStations, listCheckIns, recordCheckIn, unsealEvent, unsealsOf } from '#app/models/check-in.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { lockReadiness } from '#app/models/result.server.ts';
import { createTeam, listOpenEvents, saveRoster } from '#app/models/roster.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { getEventBoard, refreshEventBoards } from '#app/models/scoreboard.server.ts';
import { approveTeam, returnTeam, submitTeam } from '#app/models/team-lifecycle.server.ts';
import { actorOf, demoDb, TEST_NOW } from '../helpers/db.ts';
import { drawnCodes, markAll, readyToScore, share } from '../helpers/judging.ts';
import { advisor, contestant } from '../helpers/people.ts';
import { refusal } from '../helpers/refusal.ts';

let db: Db;
beforeEach(async () => {
  db = await demoDb();
});

const gz012 = () => db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
const setMethod = (method: 'mean' | 'trimmed_mean' | 'median') => db.update(events).set({ aggregationMethod: method }).where(eq(events.code, 'GZ012')).run();
const storedTotal = (runId: number, teamId: number) => db.select().from(results).where(and(eq(results.runId, runId), eq(results.teamId, teamId))).get()!;

describe('exact scores (defect 1)', () => {
  it('regression: two teams whose four judges’ means are both exactly 6.575 get equal totals, an equal rank and the same award', () => {
    setMethod('mean');
    const ready = readyToScore(db);
    expect(ready.judges).toHaveLength(4);
    const target = ready.scheme.criteria.find((c) => c.kind === 'judgement' && c.maxMarks >= 7 && c.decimals >= 1 && !c.allOrNothing)!;
    expect(target).toBeDefined();
    const [p, q] = ready.desk.filter((d) => d.status === 'present').map((d) => d.workCode!);
    const P = [6.1, 6.6, 6.7, 6.9];
    const Q = [6.0, 6.3, 7.0, 7.0];
    markAll(db, ready, (j, code, c) => (c.id !== target.id ? share(c, 0.5) : code === p ? P[j] : code === q ? Q[j] : 3));
    const { runId } = lockEvent(db, ready.chief, ready.event.id);
    const teamOf = (code: string) => ready.desk.find((d) => d.workCode === code)!.teamId;
    const a = storedTotal(runId, teamOf(p));
    const b = storedTotal(runId, teamOf(q));
    expect(a.totalHundredths).toBe(b.totalHundredths);
    expect(a.rank).toBe(b.rank);
    expect(a.rank).toBe(1);
    const explanation = db.select().from(resultRuns).where(eq(resultRuns.id, runId)).get()!.awardExplanation.join('');
    // Two teams share first place: the first-prize boundary (2 places of 18) holds them both.
    expect(explanation).toContain('参赛队');
  });
});

describe('trimmed mean with fewer than five scoring judges (defect 2)', () => {
  it('regression: the draw refuses it, naming the rule', () => {
    setMethod('trimmed_mean');
    const admin = actorOf(db, 'admin');
    const event = gz012();
    for (const t of db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'))).all()) recordCheckIn(db, admin, event.id, t.id, 'present');
    const e = refusal(() => drawStations(db, admin, event.id, { seed: 'seed' }));
    expect(e.code).toBe('trimmed_mean_needs_five');
    expect(e.params.count).toBe(4);
    expect(gz012().status).toBe('checking_in');
  });

  it('regression: the lock refuses it too, if the method changed after the draw; nothing is stored', () => {
    const ready = readyToScore(db);
    markAll(db, ready, (_j, _code, c) => share(c, 0.6));
    setMethod('trimmed_mean');
    expect(lockReadiness(db, ready.chief, ready.event.id).panelProblem).toBe('trimmed_mean_needs_five');
    expect(refusal(() => lockEvent(db, ready.chief, ready.event.id)).code).toBe('trimmed_mean_needs_five');
    expect(db.select().from(resultRuns).where(eq(resultRuns.eventId, ready.event.id)).all()).toHaveLength(0);
  });

  it('refuses the organiser a revocation that would leave a scoring trimmed-mean panel under five', () => {
    const ready = readyToScore(db);
    setMethod('trimmed_mean');
    const assignment = db.select().from(judgeAssignments).where(and(eq(judgeAssignments.eventId, ready.event.id), eq(judgeAssignments.role, 'scoring_judge'), isNull(judgeAssignments.revokedAt))).get()!;
    expect(refusal(() => revokeAssignment(db, ready.admin, assignment.id, '调整')).code).toBe('trimmed_mean_needs_five');
    setMethod('mean');
    revokeAssignment(db, ready.admin, assignment.id, '调整');
  });
});

describe('回避 at every step (defect 3)', () => {
  /** A judge of the demo school, on the panel of an event the school has not entered yet. */
  function judgeOfSchoolOnPanel(code: string) {
    const school = actorOf(db, 'school');
    const event = db.select().from(events).where(eq(events.code, code)).get()!;
    const user = db.$client.prepare("insert into users (username, display_name, password_hash, role) values ('conflicted', '冲突裁判', 'x', 'judge') returning id").get() as { id: number };
    const judge = db.insert(judges).values({ userId: user.id, name: '冲突裁判', affiliation: '湖南铁道职业技术学院', affiliationSchoolId: school.schoolId! }).returning().get();
    assignJudge(db, actorOf(db, 'admin'), { eventId: event.id, judgeId: judge.id, role: 'scoring_judge' });
    return { school, event, judge };
  }

  it('regression: a school that registers after its teacher was assigned is refused at approval, naming the judge', () => {
    const { school, event } = judgeOfSchoolOnPanel('GZ058');
    const teamId = createTeam(db, school, { eventId: event.id }, TEST_NOW);
    const size = event.minTeamSize;
    saveRoster(db, school, teamId, { contestants: ['甲', '乙', '丙', '丁'].slice(0, size).map((n) => contestant(n)), advisors: [advisor('刘老师')] }, TEST_NOW);
    submitTeam(db, school, teamId, TEST_NOW);
    // The school was told when it entered.
    expect(listOpenEvents(db, school, TEST_NOW).find((x) => x.id === event.id)!.ownTeacherJudges).toBe(true);
    const e = refusal(() => approveTeam(db, actorOf(db, 'admin'), teamId, TEST_NOW));
    expect(e.code).toBe('conflict_of_interest_panel');
    expect(e.params).toMatchObject({ judge: '冲突裁判', school: '湖南铁道职业技术学院' });
    expect(db.select().from(teams).where(eq(teams.id, teamId)).get()!.status).toBe('submitted');
  });

  it('regression: a conflict that appears after the draw blocks the lock; the chief revokes the judge, whose marks stop counting', () => {
    setMethod('mean');
    const ready = readyToScore(db);
    // One scoring judge turns out to belong to a competing school (its affiliation was corrected).
    const competing = ready.desk.find((d) => d.status === 'present')!;
    const conflicted = ready.judges[3];
    db.update(judges).set({ affiliationSchoolId: competing.schoolId }).where(eq(judges.id, conflicted.judgeId!)).run();
    // The conflicted judge marks everything at the maximum; the others at half.
    markAll(db, ready, (j, _code, c) => (j === 3 ? c.maxMarks : share(c, 0.5)));
    expect(lockReadiness(db, ready.chief, ready.event.id).conflicts.map((c) => c.judgeId)).toEqual([conflicted.judgeId]);
    expect(refusal(() => lockEvent(db, ready.chief, ready.event.id)).code).toBe('conflict_of_interest_panel');
    expect(refusal(() => revokeConflictedJudge(db, ready.chief, ready.event.id, ready.judges[0].judgeId!, '误操作')).code).toBe('judge_not_conflicted');
    expect(refusal(() => revokeConflictedJudge(db, ready.judges[0], ready.event.id, conflicted.judgeId!, '回避')).status).toBe(403);
    revokeConflictedJudge(db, ready.chief, ready.event.id, conflicted.judgeId!, '该裁判与参赛院校有隶属关系');
    const { runId } = lockEvent(db, ready.chief, ready.event.id);
    // Every present team scored only the other three judges' marks: half of each criterion.
    const expected = ready.scheme.criteria.reduce((sum, c) => sum + Math.round(share(c, 0.5) * 100), 0);
    expect(storedTotal(runId, competing.teamId).totalHundredths).toBe(expected);
    const revoked = db.select().from(judgeAssignments).where(and(eq(judgeAssignments.judgeId, conflicted.judgeId!), eq(judgeAssignments.eventId, ready.event.id))).get()!;
    expect(revoked.revokedAt).not.toBeNull();
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, 'assignment.revoke'), eq(auditLog.entityId, String(revoked.id)))).get()!;
    expect(audit.reason).toContain('该裁判与参赛院校有隶属关系');
    expect(audit.actorUserId).toBe(ready.chief.userId);
  });

  it('refuses check-in of a team whose school’s teacher sits on the panel', () => {
    const admin = actorOf(db, 'admin');
    const event = gz012();
    const team = db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'), isNull(teams.withdrawnAt))).get()!;
    const panelJudge = db.select().from(judgeAssignments).where(and(eq(judgeAssignments.eventId, event.id), isNull(judgeAssignments.revokedAt))).get()!;
    db.update(judges).set({ affiliationSchoolId: team.schoolId }).where(eq(judges.id, panelJudge.judgeId)).run();
    expect(refusal(() => recordCheckIn(db, admin, event.id, team.id, 'present')).code).toBe('conflict_of_interest_panel');
    recordCheckIn(db, admin, event.id, team.id, 'absent');
  });
});

describe('the sealed mapping (defect 4)', () => {
  it('regression: after the draw the check-in desk shows no work code beside a name until the organiser unseals, with a reason that is kept', () => {
    const ready = readyToScore(db);
    const desk = listCheckIns(db, ready.admin, ready.event.id);
    expect(desk.sealed).toBe(true);
    expect(desk.rows.some((r) => r.status === 'present')).toBe(true);
    expect(desk.rows.every((r) => r.workCode === null && r.stationNumber === null)).toBe(true);
    expect(desk.rows.filter((r) => r.status === 'present').every((r) => r.checkInCode !== null)).toBe(true);
    expect(refusal(() => unsealEvent(db, ready.admin, ready.event.id, '  ')).code).toBe('reason_required');
    expect(refusal(() => unsealEvent(db, ready.chief, ready.event.id, '紧急')).status).toBe(403);
    unsealEvent(db, ready.admin, ready.event.id, '赛位设备故障，需核对选手');
    const open = listCheckIns(db, ready.admin, ready.event.id);
    expect(open.sealed).toBe(false);
    expect(open.rows.filter((r) => r.status === 'present').every((r) => /^W\d{4}$/.test(r.workCode!))).toBe(true);
    expect(unsealsOf(db, ready.event.id)).toEqual([expect.objectContaining({ reason: '赛位设备故障，需核对选手' })]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'event.unseal')).all()).toHaveLength(1);
  });

  it('shows the mapping again once the lock has decrypted the event', () => {
    setMethod('mean');
    const ready = readyToScore(db);
    markAll(db, ready, (_j, _code, c) => share(c, 0.5));
    lockEvent(db, ready.chief, ready.event.id);
    const desk = listCheckIns(db, ready.admin, ready.event.id);
    expect(desk.sealed).toBe(false);
    expect(desk.rows.filter((r) => r.status === 'present').every((r) => r.workCode !== null)).toBe(true);
    expect(refusal(() => unsealEvent(db, ready.admin, ready.event.id, '事后')).code).toBe('event_not_sealed');
  });
});

describe('registration ends with the draw (defect 6)', () => {
  it('regression: an approved, checked-in team cannot be returned (or approved anew) once the event is scoring', () => {
    const ready = readyToScore(db);
    const present = ready.desk.find((d) => d.status === 'present')!;
    const e = refusal(() => returnTeam(db, ready.admin, present.teamId, '材料有误', TEST_NOW));
    expect(e.status).toBe(409);
    expect(e.code).toBe('registration_closed_by_draw');
    expect(db.select().from(teams).where(eq(teams.id, present.teamId)).get()!.status).toBe('approved');
  });
});

describe('the live board before every mark is in (defect 7)', () => {
  it('regression: teams with no mark are unranked (未评分) below the ranked ones, and a partial sheet is shown as partial', () => {
    const ready = readyToScore(db);
    refreshEventBoards(db, ready.event.id);
    const empty = getEventBoard(db, ready.event.id, 'staff');
    expect(empty.rows.length).toBeGreaterThan(2);
    expect(empty.rows.every((r) => r.rank === null && r.total === null && !r.partial)).toBe(true);
    // One judge enters one criterion of one team.
    const code = drawnCodes(db, ready.event.id).find((d) => d.status === 'present')!.workCode!;
    const c = ready.scheme.criteria.find((x) => !x.allOrNothing)!;
    putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.5), idempotencyKey: 'partial-1' });
    refreshEventBoards(db, ready.event.id);
    const board = getEventBoard(db, ready.event.id, 'staff');
    expect(board.rows[0]).toMatchObject({ workCode: code, rank: 1, partial: true, total: share(c, 0.5) });
    expect(board.rows.slice(1).every((r) => r.rank === null && r.total === null)).toBe(true);
  });
});
