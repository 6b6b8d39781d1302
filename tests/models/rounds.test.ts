/**
 * Rounds and advancement on the demo (#15): 省赛 locked → a selection round declared → the cut →
 * a withdrawal replaced → the selection round with its own scheme marked and locked → the
 * 国赛推荐名单 by 30 % 省赛 + 70 % 选拔赛, public once published.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { advancements, events, judgeAssignments, teams } from '#db/schema.ts';
import { DEFAULT_ADVANCEMENT_RULE, type AdvancementRule } from '#app/domain/advancement.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { drawStations, recordCheckIn } from '#app/models/check-in.server.ts';
import { resolveFlag } from '#app/models/mark.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { registrationRows } from '#app/models/registration-review.server.ts';
import { getResults, openFlags } from '#app/models/result.server.ts';
import { addRound, advance, advancementsInto, listRounds, previewCut, recommend, recommendationList, setRecommendationRule, updateAdvancementRule, withdrawAdvancement } from '#app/models/round.server.ts';
import { createTeam, currentRoster } from '#app/models/roster.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { loadScheme, saveScheme } from '#app/models/scheme.server.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';
import { chiefOf, drawnCodes, markAll, readyToScore, scoringJudges, share } from '../helpers/judging.ts';
import { refusal } from '../helpers/refusal.ts';

const rule = (r: Partial<AdvancementRule>): AdvancementRule => ({ ...DEFAULT_ADVANCEMENT_RULE, ...r });

/** Marks every present team at its own level (the first drawn best) and locks. */
function markAndLock(db: Db, ready: ReturnType<typeof readyToScore>, levelOf: (teamId: number, i: number) => number) {
  const present = ready.desk.filter((d) => d.status === 'present');
  const level = new Map(present.map((d, i) => [d.workCode!, levelOf(d.teamId, i)]));
  markAll(db, ready, (_j, code, c) => share(c, level.get(code)!));
  for (const flag of openFlags(db, ready.chief, ready.event.id)) resolveFlag(db, ready.chief, flag.id, '经合议，维持评分');
  lockEvent(db, ready.chief, ready.event.id);
}

let db: Db;
let admin: ReturnType<typeof actorOf>;
let provincial: typeof events.$inferSelect;
let provincialOrder: number[];

beforeAll(async () => {
  db = await demoDb();
  admin = actorOf(db, 'admin');
  const ready = readyToScore(db, 'GZ012');
  provincial = ready.event;
  // Ranked in draw order, each 2 % below the one before.
  markAndLock(db, ready, (_t, i) => 0.95 - 0.02 * i);
  provincialOrder = getResults(db, admin, provincial.id).rows.filter((r) => r.rank !== null).map((r) => r.teamId);
});

describe('a selection round', () => {
  let roundId: number;

  it('is declared with its rule before it opens, and refuses a rule that cannot be applied', () => {
    expect(refusal(() => addRound(db, admin, provincial.id, { name: '选拔赛第一阶段', rule: DEFAULT_ADVANCEMENT_RULE, basis: null })).code).toBe('advancement_rule_empty');
    expect(refusal(() => addRound(db, admin, provincial.id, { name: ' ', rule: rule({ top: 3 }), basis: null })).code).toBe('round_name_required');
    expect(refusal(() => addRound(db, actorOf(db, 'school'), provincial.id, { name: '选拔赛第一阶段', rule: rule({ top: 3 }), basis: null })).status).toBe(403);
    roundId = addRound(db, admin, provincial.id, { name: '选拔赛第一阶段', rule: rule({ top: 4, perSchool: 1, minEntrants: 3 }), basis: null });
    expect(refusal(() => addRound(db, admin, provincial.id, { name: '选拔赛第一阶段', rule: rule({ top: 3 }), basis: null })).code).toBe('round_name_taken');
    const round = db.select().from(events).where(eq(events.id, roundId)).get()!;
    expect(round).toMatchObject({ code: 'GZ012', roundNo: 2, roundName: '选拔赛第一阶段', firstRoundId: provincial.id, status: 'scheduled', name: `${provincial.name}（选拔赛第一阶段）` });
    // A selection round gives no prizes unless the organiser says so.
    expect(round.awardRatios).toEqual({ first: 0, second: 0, third: 0 });
    expect(listRounds(db, admin, roundId).rounds.map((r) => r.roundName)).toEqual(['省赛', '选拔赛第一阶段']);
    expect(listRounds(db, admin, provincial.id).rounds[1].ruleText).toBe('按队晋级：前 4 队，每校至多 1 队，界线处并列者一同不晋级；下一轮至少 3 队。');
    // Nobody registers into it: its teams come from the cut.
    expect(refusal(() => createTeam(db, actorOf(db, 'school'), { eventId: roundId })).code).toBe('round_not_registrable');
  });

  it('cannot take a cut from a round that is not locked', async () => {
    const other = await demoDb();
    const gz012 = other.select().from(events).where(eq(events.code, 'GZ012')).get()!;
    const r = addRound(other, actorOf(other, 'admin'), gz012.id, { name: '选拔赛', rule: rule({ top: 3 }), basis: null });
    expect(refusal(() => advance(other, actorOf(other, 'admin'), r)).code).toBe('round_source_not_locked');
    expect(count(other, 'advancements')).toBe(0);
  });

  it('refuses a cut that brings fewer than the round’s minimum, writing nothing', () => {
    updateAdvancementRule(db, admin, roundId, { rule: rule({ top: 4, perSchool: 1, minEntrants: 50 }), basis: null, reason: '试算' });
    const before = count(db, 'teams');
    expect(refusal(() => advance(db, admin, roundId))).toMatchObject({ status: 409, code: 'round_too_few_entrants', params: { count: 4, min: 50 } });
    expect(count(db, 'teams')).toBe(before);
    updateAdvancementRule(db, admin, roundId, { rule: rule({ top: 4, perSchool: 1, minEntrants: 3 }), basis: null, reason: '恢复' });
  });

  it('makes the cut as previewed: the top four enter as approved teams with their people, and the rule freezes', () => {
    const preview = previewCut(db, admin, roundId);
    expect(preview.advancing).toHaveLength(4);
    const { advanced, explanation } = advance(db, admin, roundId);
    expect(advanced).toBe(4);
    expect(explanation).toEqual(preview.explanation);
    const entered = db.select().from(teams).where(eq(teams.eventId, roundId)).all();
    expect(entered.map((t) => t.firstRoundTeamId).sort()).toEqual(provincialOrder.slice(0, 4).sort());
    for (const t of entered) {
      expect(t.status).toBe('approved');
      expect(currentRoster(db, t.id).contestants.map((c) => c.id)).toEqual(currentRoster(db, t.firstRoundTeamId!).contestants.map((c) => c.id));
    }
    expect(refusal(() => advance(db, admin, roundId)).code).toBe('advancement_frozen');
    expect(refusal(() => updateAdvancementRule(db, admin, roundId, { rule: rule({ top: 9 }), basis: null, reason: '改' })).code).toBe('advancement_frozen');
    // The registration review is of first rounds: the cut's teams are not new registrations.
    expect(registrationRows(db, admin, { eventId: roundId })).toHaveLength(0);
  });

  it('replaces a withdrawal by the next in line, both audited, until the round draws', () => {
    const rows = advancementsInto(db, admin, roundId);
    const leaving = rows.find((r) => r.rank === 2)!;
    expect(refusal(() => withdrawAdvancement(db, admin, leaving.id, ' ')).code).toBe('reason_required');
    const { replacement } = withdrawAdvancement(db, admin, leaving.id, '选手因伤退出');
    expect(replacement).toMatchObject({ rank: 5 });
    const now = advancementsInto(db, admin, roundId);
    expect(now.filter((r) => !r.withdrawnAt)).toHaveLength(4);
    expect(now.find((r) => r.replacesId === leaving.id)).toBeDefined();
    expect(refusal(() => withdrawAdvancement(db, admin, leaving.id, '再退')).code).toBe('advancement_withdrawn');
    expect(db.$client.prepare("select count(*) from audit_log where action in ('advancement.withdraw', 'advancement.replace')").pluck().get()).toBe(2);
  });

  it('runs with its own scheme and panel, is marked and locked like any event', () => {
    saveScheme(db, admin, roundId, { expectedTotal: 100, modules: [{ code: 'M1', name: '综合实操', criteria: [{ code: 'A1', name: '工艺', maxMarks: 60, decimals: 1, kind: 'measurement' }, { code: 'A2', name: '职业素养', maxMarks: 40, decimals: 1, kind: 'judgement' }] }] });
    for (const a of db.select().from(judgeAssignments).where(and(eq(judgeAssignments.eventId, provincial.id), isNull(judgeAssignments.revokedAt))).all()) assignJudge(db, admin, { eventId: roundId, judgeId: a.judgeId, role: a.role });
    const entrants = db.select().from(teams).where(and(eq(teams.eventId, roundId), isNull(teams.withdrawnAt))).all();
    entrants.forEach((t) => recordCheckIn(db, admin, roundId, t.id, 'present'));
    drawStations(db, admin, roundId, { seed: 'round-2' });
    const round = db.select().from(events).where(eq(events.id, roundId)).get()!;
    const ready = { event: round, admin, draw: null as never, desk: drawnCodes(db, roundId), scheme: loadScheme(db, roundId)!, judges: scoringJudges(db, roundId).map((j) => loadActor(db, j.userId)!), chief: chiefOf(db, roundId), absentTeamId: 0 };
    expect(ready.scheme.criteria.map((c) => c.code)).toEqual(['A1', 'A2']);
    // The selection reverses the provincial order: the last of the four is best now.
    markAndLock(db, ready, (teamId) => {
      const lineage = entrants.find((t) => t.id === teamId)!.firstRoundTeamId!;
      return 0.6 + 0.05 * provincialOrder.indexOf(lineage);
    });
    const results = getResults(db, admin, roundId).rows;
    expect(results.every((r) => r.rank !== null)).toBe(true);
    expect(db.$client.prepare('select count(*) from awards a join result_runs r on r.id = a.run_id where r.event_id = ?').pluck().get(roundId)).toBe(0);
    // Withdrawals are no longer replaced once the round has drawn.
    const another = advancementsInto(db, admin, roundId).find((r) => !r.withdrawnAt)!;
    expect(refusal(() => withdrawAdvancement(db, admin, another.id, '晚了')).code).toBe('advancement_closed');
  });

  it('makes the 国赛推荐名单 by 30 % 省赛 + 70 % 选拔赛, public once the selection round is published', () => {
    expect(refusal(() => recommend(db, admin, provincial.id)).code).toBe('recommendation_rule_missing');
    expect(refusal(() => setRecommendationRule(db, admin, provincial.id, { rule: rule({ top: 2 }), basis: [{ roundId: provincial.id, weightBp: 3000 }, { roundId, weightBp: 6000 }] })).code).toBe('round_weights_sum');
    setRecommendationRule(db, admin, provincial.id, { rule: rule({ top: 2 }), basis: [{ roundId: provincial.id, weightBp: 3000 }, { roundId, weightBp: 7000 }] });
    expect(recommend(db, admin, roundId)).toEqual({ recommended: 2 });
    expect(refusal(() => recommend(db, admin, provincial.id)).code).toBe('recommendation_made');
    expect(refusal(() => addRound(db, admin, provincial.id, { name: '选拔赛第二阶段', rule: rule({ top: 1 }), basis: null })).code).toBe('recommendation_made');

    const list = recommendationList(db, admin, provincial.id);
    expect(list.basisText).toBe('按 省赛 30% + 选拔赛第一阶段 70% 的加权总分排名。');
    expect(list.rows).toHaveLength(2);
    expect(list.rows.map((r) => r.rank)).toEqual([1, 2]);
    // Each total is exactly 0.3 × its provincial total + 0.7 × its selection total, rounded once.
    const provincialTotals = new Map(getResults(db, admin, provincial.id).rows.map((r) => [r.teamId, Math.round(r.total! * 100)]));
    const selection = getResults(db, admin, roundId).rows;
    for (const row of list.rows) {
      const sel = db.select().from(teams).where(and(eq(teams.eventId, roundId), eq(teams.firstRoundTeamId, db.select().from(teams).where(eq(teams.id, db.select().from(advancements).where(eq(advancements.id, row.id)).get()!.teamId)).get()!.firstRoundTeamId!))).get()!;
      const selTotal = Math.round(selection.find((r) => r.teamId === sel.id)!.total! * 100);
      const provTotal = provincialTotals.get(sel.firstRoundTeamId!)!;
      expect(row.total).toBe(Math.floor((2 * (provTotal * 3000 + selTotal * 7000) + 10_000) / 20_000));
      expect(row.names.length).toBeGreaterThan(0);
    }
    // The public sees it only when the round it comes from is published.
    expect(refusal(() => recommendationList(db, null, provincial.id)).status).toBe(404);
    publishEvent(db, admin, roundId);
    expect(recommendationList(db, null, roundId).rows).toHaveLength(2);
    expect(recommendationList(db, null, roundId).rows.every((r) => r.withdrawnReason === null)).toBe(true);
  });
});

describe('a selection of contestants one by one', () => {
  it('takes individuals out of their teams, each entering alone, the caps counting people', async () => {
    const db2 = await demoDb();
    const admin2 = actorOf(db2, 'admin');
    const ready = readyToScore(db2, 'GZ012');
    markAndLock(db2, ready, (_t, i) => 0.95 - 0.02 * i);
    const order = getResults(db2, admin2, ready.event.id).rows.filter((r) => r.rank !== null);
    const roundId = addRound(db2, admin2, ready.event.id, { name: '选拔赛（个人）', rule: rule({ unit: 'contestant', top: 5, perSchool: 1 }), basis: null });
    const round = db2.select().from(events).where(eq(events.id, roundId)).get()!;
    expect([round.minTeamSize, round.maxTeamSize]).toEqual([1, 1]);
    const preview = previewCut(db2, admin2, roundId);
    // Each school sends one person: the best five schools' first contestants.
    expect(preview.advancing).toHaveLength(5);
    expect(new Set(preview.advancing.map((c) => c.school)).size).toBe(5);
    expect(preview.explanation.join('')).toContain('晋级名额 5 人');
    advance(db2, admin2, roundId);
    const entered = db2.select().from(teams).where(eq(teams.eventId, roundId)).all();
    expect(entered).toHaveLength(5);
    for (const t of entered) {
      const people = currentRoster(db2, t.id).contestants;
      expect(people).toHaveLength(1);
      expect(t.name).toContain(people[0].name);
      // The person came from one of the top five teams of the provincial round.
      expect(order.slice(0, 5).map((r) => r.teamId)).toContain(t.firstRoundTeamId);
    }
  });
});
