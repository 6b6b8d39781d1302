/** Judging through the model layer on the demo's GZ012. */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { checkIns, discrepancyFlags, events, judges, marks, results, scoringSchemes } from '#db/schema.ts';
import { drawOrder } from '#app/domain/draw.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { drawStations, recordCheckIn } from '#app/models/check-in.server.ts';
import { judgeSheets, putMark, reopenSheet, resolveFlag, submitSheet } from '#app/models/mark.server.ts';
import { eventProgress, getResults, judgeReport, openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { saveScheme } from '#app/models/scheme.server.ts';
import { refusal } from '../helpers/refusal.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';
import { markAll, readyToScore, share } from '../helpers/judging.ts';

let db: Db;
beforeEach(async () => {
  db = await demoDb();
});


describe('judge assignment', () => {
  it('refuses a judge whose own school has a team in the event (回避), naming the conflict', () => {
    const event = db.select().from(events).where(eq(events.code, 'GZ003')).get()!;
    const railway = actorOf(db, 'school').schoolId!;
    const judge = db.select().from(judges).all().find((j) => j.affiliationSchoolId === railway)
      ?? db.insert(judges).values({ userId: actorOf(db, 'arbiter').userId, name: '回避测试', affiliation: '湖南铁道职业技术学院', affiliationSchoolId: railway }).returning().get();
    const e = refusal(() => assignJudge(db, actorOf(db, 'admin'), { eventId: event.id, judgeId: judge.id, role: 'scoring_judge' }));
    expect(e.code).toBe('conflict_of_interest');
    expect(e.params.school).toBe('湖南铁道职业技术学院');
  });

  it('allows one chief judge per event and no double assignment; admins only', () => {
    const event = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    const free = db.select().from(judges).where(eq(judges.affiliation, '中车株洲电力机车有限公司')).get()
      ?? db.insert(judges).values({ userId: actorOf(db, 'arbiter').userId, name: '企业裁判', affiliation: '中车株洲电力机车有限公司' }).returning().get();
    expect(refusal(() => assignJudge(db, actorOf(db, 'admin'), { eventId: event.id, judgeId: free.id, role: 'chief_judge' })).code).toBe('chief_exists');
    expect(refusal(() => assignJudge(db, actorOf(db, 'school'), { eventId: event.id, judgeId: free.id, role: 'scoring_judge' })).status).toBe(403);
  });
});

describe('check-in and draw', () => {
  it('draws stations from a recorded seed that replays, and gives distinct codes', () => {
    const ready = readyToScore(db);
    const present = ready.desk.filter((d) => d.status === 'present');
    expect(present.length).toBeGreaterThan(5);
    const replay = drawOrder(present.map((d) => d.teamId), 'test-seed');
    expect([...present].sort((a, b) => a.stationNumber! - b.stationNumber!).map((d) => d.teamId)).toEqual(replay);
    expect(new Set(present.map((d) => d.workCode)).size).toBe(present.length);
    expect(present.every((d) => /^W\d{4}$/.test(d.workCode!) && /^J\d{3}$/.test(d.checkInCode!))).toBe(true);
    const absent = ready.desk.find((d) => d.teamId === ready.absentTeamId)!;
    expect([absent.status, absent.workCode]).toEqual(['absent', null]);
    expect(refusal(() => drawStations(db, ready.admin, ready.event.id)).code).toBe('draw_not_open');
  });

  it('checks in approved teams only, and only the organiser does', () => {
    const event = db.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    const draft = db.$client.prepare("select id from teams where event_id = ? and status <> 'approved' limit 1").get(event.id) as { id: number } | undefined;
    if (draft) expect(refusal(() => recordCheckIn(db, actorOf(db, 'admin'), event.id, draft.id, 'present')).code).toBe('team_not_approved');
    expect(refusal(() => recordCheckIn(db, actorOf(db, 'chief'), event.id, 1, 'present')).status).toBe(403);
  });
});

describe('marks', () => {
  it('are refused to judges not assigned, for unknown codes, foreign criteria, bad values and submitted sheets — nothing written', () => {
    const ready = readyToScore(db);
    const judge = ready.judges[0];
    const code = judgeSheets(db, judge, ready.event.id).sheets[0].workCode;
    const c = ready.scheme.criteria.find((x) => !x.allOrNothing)!;
    const other = db.$client.prepare('select c.id from criteria c join scheme_modules m on m.id = c.module_id join scoring_schemes s on s.id = m.scheme_id where s.event_id <> ? limit 1').get(ready.event.id) as { id: number };
    const before = count(db, 'marks');
    const base = { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 0, idempotencyKey: 'x' };
    expect(refusal(() => putMark(db, actorOf(db, 'chief'), base)).status).toBe(403);
    const otherEventJudge = actorOf(db, 'j0001');
    expect(refusal(() => putMark(db, otherEventJudge, base)).status).toBe(403);
    expect(refusal(() => putMark(db, judge, { ...base, workCode: 'W0000X' })).code).toBe('work_code_not_found');
    expect(refusal(() => putMark(db, judge, { ...base, criterionId: other.id })).code).toBe('criterion_not_in_scheme');
    expect(refusal(() => putMark(db, judge, { ...base, value: c.maxMarks + 1 })).code).toBe('mark_out_of_range');
    expect(refusal(() => putMark(db, judge, { ...base, value: 0.123 })).code).toBe('mark_too_many_decimals');
    expect(count(db, 'marks')).toBe(before);
  });

  it('keep every change as a new row, and a resend with the same key is stored once', () => {
    const ready = readyToScore(db);
    const judge = ready.judges[0];
    const code = judgeSheets(db, judge, ready.event.id).sheets[0].workCode;
    const c = ready.scheme.criteria.find((x) => !x.allOrNothing && x.maxMarks >= 2)!;
    const first = putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 1, idempotencyKey: 'a' });
    const again = putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 1, idempotencyKey: 'a' });
    expect(again.duplicate).toBe(true);
    expect(again.mark.id).toBe(first.mark.id);
    expect(refusal(() => putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 2, idempotencyKey: 'a' })).code).toBe('idempotency_conflict');
    putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 2, idempotencyKey: 'b', reason: '复核' });
    const rows = db.select().from(marks).where(eq(marks.criterionId, c.id)).all();
    expect(rows.map((r) => r.valueHundredths)).toEqual([100, 200]);
    expect(rows[1].supersedesId).toBe(rows[0].id);
    expect(judgeSheets(db, judge, ready.event.id).sheets[0].marks[c.id]).toBe(2);
  });

  it('freeze the scheme at the first mark', () => {
    const ready = readyToScore(db);
    const judge = ready.judges[0];
    const code = judgeSheets(db, judge, ready.event.id).sheets[0].workCode;
    const c = ready.scheme.criteria[0];
    putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: 0, idempotencyKey: 'z' });
    expect(db.select().from(scoringSchemes).where(eq(scoringSchemes.eventId, ready.event.id)).get()!.frozenAt).not.toBeNull();
    const e = refusal(() => saveScheme(db, ready.admin, ready.event.id, { expectedTotal: null, modules: [] }));
    expect(e.code).toBe('scheme_frozen');
  });

  it('a submitted sheet needs every criterion, then refuses changes until the chief judge reopens it', () => {
    const ready = readyToScore(db);
    const judge = ready.judges[0];
    const code = judgeSheets(db, judge, ready.event.id).sheets[0].workCode;
    const first = ready.scheme.criteria[0];
    const { sheetId } = putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: first.id, value: 0, idempotencyKey: 's0' }) as { sheetId: number };
    expect(refusal(() => submitSheet(db, judge, sheetId)).code).toBe('sheet_incomplete');
    ready.scheme.criteria.forEach((c, i) => putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.8), idempotencyKey: `s${i + 1}` }));
    submitSheet(db, judge, sheetId);
    expect(refusal(() => putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: first.id, value: 0, idempotencyKey: 'late' })).code).toBe('sheet_submitted');
    expect(refusal(() => reopenSheet(db, ready.judges[1], sheetId, '复核')).status).toBe(403);
    reopenSheet(db, ready.chief, sheetId, '选手申请复核');
    putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: first.id, value: 0, idempotencyKey: 'after', reason: '复核后更正' });
  });
});

describe('flags, lock and results', () => {
  it('flags a judgement criterion whose marks spread too far, and the event cannot be locked while it is open', () => {
    const ready = readyToScore(db);
    const judgement = ready.scheme.criteria.find((c) => c.kind === 'judgement' && c.maxMarks > ready.event.discrepancyThreshold * 2)!;
    const firstCode = judgeSheets(db, ready.judges[0], ready.event.id).sheets[0].workCode;
    markAll(db, ready, (j, code, c) => (c.id === judgement.id && code === firstCode ? (j === 0 ? 0 : c.maxMarks) : share(c, 0.7)));
    const flags = openFlags(db, ready.chief, ready.event.id);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ workCode: firstCode, criterionId: judgement.id });
    expect(flags[0].marks.map((m) => m.value).sort((a, b) => a! - b!)).toEqual([0, judgement.maxMarks, judgement.maxMarks, judgement.maxMarks]);
    expect(refusal(() => lockEvent(db, ready.chief, ready.event.id)).code).toBe('flags_open');
    resolveFlag(db, ready.chief, flags[0].id, '经合议，维持各裁判评分');
    lockEvent(db, ready.chief, ready.event.id);
    expect(db.select().from(discrepancyFlags).where(eq(discrepancyFlags.status, 'open')).all()).toHaveLength(0);
  });

  it('locks only when every sheet is in, stores ranked results with the absent team unranked, and decrypts', () => {
    const ready = readyToScore(db);
    expect(refusal(() => lockEvent(db, ready.chief, ready.event.id)).code).toBe('sheets_outstanding');
    expect(refusal(() => getResults(db, ready.chief, ready.event.id)).code).toBe('not_decrypted');
    // Each work code gets a different level, so the ranking is known in advance.
    const codes = judgeSheets(db, ready.judges[0], ready.event.id).sheets.map((s) => s.workCode);
    markAll(db, ready, (_j, code, c) => share(c, 0.3 + (codes.indexOf(code) % 7) * 0.1));
    const progress = eventProgress(db, ready.chief, ready.event.id);
    expect(progress.byJudge.every((j) => j.submitted === j.of)).toBe(true);
    expect(refusal(() => lockEvent(db, ready.judges[0], ready.event.id)).status).toBe(403);
    lockEvent(db, ready.chief, ready.event.id);
    const { rows } = getResults(db, actorOf(db, 'admin'), ready.event.id);
    const absent = rows.find((r) => r.teamId === ready.absentTeamId)!;
    expect([absent.rank, absent.absent]).toEqual([null, true]);
    const ranked = rows.filter((r) => r.rank !== null);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].total!).toBeLessThanOrEqual(ranked[i - 1].total!);
    expect(ranked[0].school.length).toBeGreaterThan(0);
    expect(db.select().from(results).all().length).toBe(rows.length);
    expect(db.select().from(events).where(eq(events.id, ready.event.id)).get()!.status).toBe('locked');
    expect(refusal(() => putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: codes[0], criterionId: ready.scheme.criteria[0].id, value: 0, idempotencyKey: 'after-lock' })).code).toBe('event_not_scoring');
  });

  it('shows a harsh judge in the per-judge report', () => {
    const ready = readyToScore(db);
    markAll(db, ready, (j, _code, c) => share(c, j === 0 ? 0.4 : 0.8), false);
    const report = judgeReport(db, ready.chief, ready.event.id);
    const harsh = report.find((r) => r.judgeId === ready.judges[0].judgeId)!;
    const others = report.filter((r) => r.judgeId !== ready.judges[0].judgeId);
    expect(harsh.deviationPercent).toBeLessThan(-20);
    expect(others.every((o) => o.deviationPercent > 0)).toBe(true);
    expect(harsh.meanPercent).toBeLessThan(others[0].meanPercent);
  });

  it('absent teams keep their check-in row', () => {
    const ready = readyToScore(db);
    expect(db.select().from(checkIns).where(and(eq(checkIns.eventId, ready.event.id), eq(checkIns.teamId, ready.absentTeamId))).get()!.status).toBe('absent');
  });
});

describe('scoring schemes', () => {
  const scheme = (max: number) => ({
    expectedTotal: 100,
    modules: [
      { code: 'A', name: '实操', criteria: [{ code: 'A1', name: '功能实现', maxMarks: 60, decimals: 1, kind: 'measurement' as const }] },
      { code: 'B', name: '答辩', criteria: [{ code: 'B1', name: '现场答辩', maxMarks: max, decimals: 1, kind: 'judgement' as const }] },
    ],
  });

  it('must add up to the expected total, and an edit retires the old rows instead of deleting them', () => {
    const event = db.select().from(events).where(eq(events.code, 'GZ003')).get()!;
    const admin = actorOf(db, 'admin');
    const e = refusal(() => saveScheme(db, admin, event.id, scheme(30)));
    expect([e.code, e.params]).toEqual(['scheme_total', { total: 90, expected: 100 }]);
    const criteriaBefore = count(db, 'criteria');
    saveScheme(db, admin, event.id, scheme(40));
    expect(count(db, 'criteria')).toBe(criteriaBefore + 2);
    const loaded = db.$client.prepare('select count(*) n from criteria c join scheme_modules m on m.id = c.module_id join scoring_schemes s on s.id = m.scheme_id where s.event_id = ? and c.retired_at is null').get(event.id) as { n: number };
    expect(loaded.n).toBe(2);
    expect(refusal(() => saveScheme(db, actorOf(db, 'chief'), event.id, scheme(40))).status).toBe(403);
  });
});
