/**
 * Rounds and advancement (#15): an event's later rounds, the rule that decides who comes into each
 * (declared before the round opens, frozen at the cut), the cut itself, withdrawals replaced by the
 * next in line, and the 国赛推荐名单 taken from the event's last round. Each later round is an event
 * row of its own (same code, its round number and name), so its scheme, panel, check-in, draw,
 * marks, lock, results, publication and appeals are the ones every event has.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { advancements, events, prefectures, results, schools, teamAdvisors, teamMembers, teams } from '#db/schema.ts';
import { applyCut, describeRule, nextInLine, ruleProblem, type AdvancementRule, type Candidate, type Cut } from '#app/domain/advancement.ts';
import { isCheckInOpen } from '#app/domain/event-lifecycle.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { combineTotals, describeWeights, rankTotals, weightsProblem, type RoundWeight } from '#app/domain/round-basis.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { latestRun } from './result.server.ts';
import { currentRoster } from './roster.server.ts';

type EventRow = typeof events.$inferSelect;

/** The event's first round, from any of its rounds. */
function firstRoundOf(db: DbOrTx, eventId: number): EventRow {
  const event = eventOrThrow(db, eventId);
  return event.firstRoundId === null ? event : eventOrThrow(db, event.firstRoundId);
}

/** Every round of the event, in order. */
export function roundsOf(db: DbOrTx, firstRoundId: number): EventRow[] {
  return db.select().from(events).where(or(eq(events.id, firstRoundId), eq(events.firstRoundId, firstRoundId))).orderBy(asc(events.roundNo)).all();
}

const basisText = (rounds: EventRow[], basis: RoundWeight[] | null, source: EventRow | undefined) =>
  basis ? `按 ${describeWeights(basis, (id) => rounds.find((r) => r.id === id)?.roundName ?? String(id))} 的加权总分排名。` : source ? `按${source.roundName}总分排名。` : '';

/** The organiser's view of an event's rounds: each with its rule, its state and its entrants. */
export function listRounds(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  const first = firstRoundOf(db, eventId);
  const rounds = roundsOf(db, first.id);
  const entrants = (id: number) => db.select({ id: teams.id }).from(teams).where(and(eq(teams.eventId, id), isNull(teams.withdrawnAt), eq(teams.status, 'approved'))).all().length;
  return {
    first: { id: first.id, code: first.code, name: first.name },
    rounds: rounds.map((r, i) => ({
      id: r.id,
      roundNo: r.roundNo,
      roundName: r.roundName,
      name: r.name,
      status: r.status,
      entrants: entrants(r.id),
      rule: r.advancementRule,
      ruleText: r.advancementRule ? describeRule(r.advancementRule) : null,
      basisText: r.advancementRule ? basisText(rounds, r.advancementBasis, rounds[i - 1]) : null,
      advancedAt: r.advancedAt,
      explanation: r.advancementExplanation ?? [],
    })),
    recommendation: {
      rule: first.recommendationRule,
      ruleText: first.recommendationRule ? describeRule(first.recommendationRule) : null,
      basisText: first.recommendationRule ? basisText(rounds, first.recommendationBasis, rounds.at(-1)) : null,
      recommendedAt: first.recommendedAt,
    },
  };
}

function checkRule(rule: AdvancementRule, basis: RoundWeight[] | null, earlier: EventRow[]) {
  const problem = ruleProblem(rule);
  if (problem) throw invalid(problem, {}, { rule: `errors.${problem}` });
  if (basis) {
    const weights = weightsProblem(basis);
    if (weights) throw invalid(weights, {}, { basis: `errors.${weights}` });
    if (basis.some((w) => !earlier.some((r) => r.id === w.roundId))) throw invalid('round_weights_invalid', {}, { basis: 'errors.round_weights_invalid' });
  }
}

export type RoundInput = { name: string; rule: AdvancementRule; basis: RoundWeight[] | null; scheduledOn?: string | null };

/**
 * Adds a round after the event's last one, with the rule for who comes into it. It takes the
 * previous round's settings; its scheme and panel are its own, set as for any event. A selection
 * round gives no prizes unless the organiser sets award ratios for it.
 */
export function addRound(db: Db, actor: Actor, eventId: number, input: RoundInput, now = new Date()): number {
  requirePermission(actor, 'event:manage', { eventId });
  return atomically(db, (tx) => {
    const first = firstRoundOf(tx, eventId);
    const rounds = roundsOf(tx, first.id);
    const last = rounds.at(-1)!;
    const name = input.name.trim();
    if (!name) throw invalid('round_name_required', {}, { name: 'errors.round_name_required' });
    if (rounds.some((r) => r.roundName === name)) throw conflict('round_name_taken', { name }, { name: 'errors.round_name_taken' });
    if (first.recommendedAt) throw conflict('recommendation_made');
    checkRule(input.rule, input.basis, rounds);
    const round = tx
      .insert(events)
      .values({
        competitionId: first.competitionId,
        divisionId: first.divisionId,
        venueId: last.venueId,
        code: first.code,
        name: `${first.name}（${name}）`,
        minTeamSize: input.rule.unit === 'contestant' ? 1 : last.minTeamSize,
        maxTeamSize: input.rule.unit === 'contestant' ? 1 : last.maxTeamSize,
        maxAdvisors: last.maxAdvisors,
        quotaPerSchool: last.quotaPerSchool,
        aggregationMethod: last.aggregationMethod,
        discrepancyThreshold: last.discrepancyThreshold,
        tieBreaks: [],
        tieBreakByCompletionTime: last.tieBreakByCompletionTime,
        awardRatios: { first: 0, second: 0, third: 0 },
        tieAtBoundary: last.tieAtBoundary,
        liveMode: last.liveMode,
        scheduledOn: input.scheduledOn ?? null,
        firstRoundId: first.id,
        roundNo: last.roundNo + 1,
        roundName: name,
        advancementRule: input.rule,
        advancementBasis: input.basis,
        createdAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'round.create', entity: 'event', entityId: round.id, after: { firstRoundId: first.id, roundNo: round.roundNo, roundName: name, rule: input.rule, basis: input.basis } });
    eventChanged(tx, round.id);
    return round.id;
  });
}

/** Changes a round's rule until the cut is made; after it the rule stands as applied. */
export function updateAdvancementRule(db: Db, actor: Actor, roundId: number, input: { rule: AdvancementRule; basis: RoundWeight[] | null; reason: string }): void {
  requirePermission(actor, 'event:manage', { eventId: roundId });
  atomically(db, (tx) => {
    const round = eventOrThrow(tx, roundId);
    if (round.firstRoundId === null) throw conflict('round_first');
    if (round.advancedAt) throw conflict('advancement_frozen');
    checkRule(input.rule, input.basis, roundsOf(tx, round.firstRoundId).filter((r) => r.roundNo < round.roundNo));
    tx.update(events).set({ advancementRule: input.rule, advancementBasis: input.basis }).where(eq(events.id, roundId)).run();
    recordAudit(tx, actor, { action: 'round.rule', entity: 'event', entityId: roundId, before: { rule: round.advancementRule, basis: round.advancementBasis }, after: { rule: input.rule, basis: input.basis }, reason: input.reason });
  });
}

// ── The cut ─────────────────────────────────────────────────────────────────────────────────────

type Ranked = { key: string; teamId: number; contestantId: number | null; name: string; rank: number | null; total: number | null; absent: boolean };

/**
 * A round's stored results (its latest run), one row per team or per contestant, keyed by what
 * stays the same across rounds: the team's first-round team, or the contestant.
 */
function rankedOf(db: DbOrTx, round: EventRow, unit: AdvancementRule['unit']): Ranked[] {
  const run = latestRun(db, round.id);
  if (!run || !['locked', 'published', 'final'].includes(round.status)) throw conflict('round_source_not_locked', { round: round.roundName });
  const rows = db
    .select({ teamId: teams.id, name: teams.name, lineage: teams.firstRoundTeamId, rank: results.rank, total: results.totalHundredths, absent: results.absent })
    .from(results)
    .innerJoin(teams, eq(teams.id, results.teamId))
    .where(eq(results.runId, run.id))
    .all();
  if (unit === 'team') return rows.map((r) => ({ key: `t${r.lineage ?? r.teamId}`, teamId: r.teamId, contestantId: null, name: r.name, rank: r.rank, total: r.total, absent: r.absent }));
  return rows.flatMap((r) => currentRoster(db, r.teamId).contestants.map((c) => ({ key: `c${c.id}`, teamId: r.teamId, contestantId: c.id, name: c.name, rank: r.rank, total: r.total, absent: r.absent })));
}

/** The candidates of a cut from `source`, ranked by its own total or by the declared combination. */
function candidatesFor(db: DbOrTx, source: EventRow, rule: AdvancementRule, basis: RoundWeight[] | null, rounds: EventRow[]): Candidate[] {
  let ranked = rankedOf(db, source, rule.unit);
  if (basis) {
    const parts = basis.map((w) => ({ weightBp: w.weightBp, totals: new Map(rankedOf(db, rounds.find((r) => r.id === w.roundId)!, rule.unit).filter((r) => !r.absent && r.total !== null).map((r) => [r.key, r.total!])) }));
    const combined = combineTotals(parts);
    const ranks = rankTotals(combined);
    ranked = ranked.map((r) => ({ ...r, rank: r.absent ? null : (ranks.get(r.key) ?? null), total: combined.get(r.key) ?? null }));
  }
  const teamIds = [...new Set(ranked.map((r) => r.teamId))];
  const about = new Map(
    (teamIds.length
      ? db
          .select({ id: teams.id, withdrawnAt: teams.withdrawnAt, schoolId: schools.id, school: schools.name, prefectureId: prefectures.id, prefecture: prefectures.name })
          .from(teams)
          .innerJoin(schools, eq(schools.id, teams.schoolId))
          .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
          .where(inArray(teams.id, teamIds))
          .all()
      : []
    ).map((t) => [t.id, t]),
  );
  return ranked.map((r) => {
    const t = about.get(r.teamId)!;
    return { ...r, schoolId: t.schoolId, school: t.school, prefectureId: t.prefectureId, prefecture: t.prefecture, withdrawn: t.withdrawnAt !== null };
  });
}

function cutFor(db: DbOrTx, round: EventRow) {
  if (round.firstRoundId === null) throw conflict('round_first');
  const rounds = roundsOf(db, round.firstRoundId);
  const source = rounds.find((r) => r.roundNo === round.roundNo - 1)!;
  const rule = round.advancementRule!;
  return { source, rule, cut: applyCut(candidatesFor(db, source, rule, round.advancementBasis, rounds), rule) };
}

const shown = (c: Candidate) => ({ key: c.key, name: c.name, school: c.school, prefecture: c.prefecture, rank: c.rank, total: c.total });

/** What the cut would be now, for the organiser to read before making it. */
export function previewCut(db: Db, actor: Actor, roundId: number) {
  requirePermission(actor, 'event:manage', { eventId: roundId });
  const round = eventOrThrow(db, roundId);
  const { source, rule, cut } = cutFor(db, round);
  return { round: { id: round.id, roundName: round.roundName, status: round.status }, source: { id: source.id, roundName: source.roundName }, ruleText: describeRule(rule), advancing: cut.advancing.map(shown), reserves: cut.reserves.slice(0, 10).map(shown), explanation: cut.explanation, enough: cut.advancing.length >= rule.minEntrants, minEntrants: rule.minEntrants };
}

/** Enters a candidate into the next round: its team (or the contestant alone), approved, its advisors with it. */
function enterRound(tx: DbOrTx, actor: Actor, round: EventRow, c: Candidate, now: Date): number {
  const source = tx.select().from(teams).where(eq(teams.id, c.teamId)).get()!;
  const roster = currentRoster(tx, source.id);
  const people = c.contestantId === null ? roster.contestants : roster.contestants.filter((p) => p.id === c.contestantId);
  const team = tx
    .insert(teams)
    .values({ eventId: round.id, schoolId: source.schoolId, delegationId: source.delegationId, name: c.contestantId === null ? source.name : `${c.name}（${c.school}）`, status: 'approved', submittedAt: now, reviewedAt: now, firstRoundTeamId: source.firstRoundTeamId ?? source.id, createdAt: now })
    .returning()
    .get();
  people.forEach((p, i) => tx.insert(teamMembers).values({ teamId: team.id, contestantId: p.id, position: i + 1, createdAt: now }).run());
  roster.advisors.forEach((a, i) => tx.insert(teamAdvisors).values({ teamId: team.id, advisorId: a.id, position: i + 1, createdAt: now }).run());
  recordAudit(tx, actor, { action: 'team.advance', entity: 'team', entityId: team.id, after: { fromTeamId: source.id, round: round.roundName, contestants: people.map((p) => p.id) } });
  return team.id;
}

/**
 * Makes the cut into `roundId`: the rule is frozen, those advancing are entered as approved teams,
 * and the cut is kept in words. Refused before the round before is locked, after the round has
 * opened, or when fewer would come in than the round's declared minimum.
 */
export function advance(db: Db, actor: Actor, roundId: number, now = new Date()) {
  requirePermission(actor, 'event:manage', { eventId: roundId });
  return atomically(db, (tx) => {
    const round = eventOrThrow(tx, roundId);
    if (round.advancedAt) throw conflict('advancement_frozen');
    if (round.status !== 'scheduled') throw conflict('round_not_scheduled');
    const { source, rule, cut } = cutFor(tx, round);
    if (cut.advancing.length < rule.minEntrants) throw conflict('round_too_few_entrants', { count: cut.advancing.length, min: rule.minEntrants });
    for (const c of cut.advancing) {
      const newTeamId = enterRound(tx, actor, round, c, now);
      tx.insert(advancements).values({ firstRoundId: round.firstRoundId!, fromEventId: source.id, toEventId: round.id, teamId: c.teamId, contestantId: c.contestantId, rank: c.rank!, totalHundredths: c.total, newTeamId, createdBy: actor.userId, createdAt: now }).run();
    }
    tx.update(events).set({ advancedAt: now, advancementExplanation: cut.explanation }).where(eq(events.id, roundId)).run();
    recordAudit(tx, actor, { action: 'round.advance', entity: 'event', entityId: roundId, after: { from: source.id, advancing: cut.advancing.map((c) => c.key), explanation: cut.explanation } });
    eventChanged(tx, roundId);
    return { advanced: cut.advancing.length, explanation: cut.explanation };
  });
}

// ── Withdrawals after the cut ───────────────────────────────────────────────────────────────────

/**
 * Someone withdraws after the cut: their place goes to the next in line whom the caps let in,
 * until the round's draw (or, for the recommendation list, at any time). Both are audited.
 */
export function withdrawAdvancement(db: Db, actor: Actor, advancementId: number, reason: string, now = new Date()) {
  const row = db.select().from(advancements).where(eq(advancements.id, advancementId)).get();
  if (!row) throw notFound();
  requirePermission(actor, 'event:manage', { eventId: row.toEventId ?? row.firstRoundId });
  if (!reason.trim()) throw invalid('reason_required', {}, { reason: 'errors.reason_required' });
  return atomically(db, (tx) => {
    const current = tx.select().from(advancements).where(eq(advancements.id, advancementId)).get()!;
    if (current.withdrawnAt) throw conflict('advancement_withdrawn');
    const target = current.toEventId === null ? null : eventOrThrow(tx, current.toEventId);
    if (target && !isCheckInOpen(target.status)) throw conflict('advancement_closed');
    tx.update(advancements).set({ withdrawnAt: now, withdrawnReason: reason.trim() }).where(eq(advancements.id, advancementId)).run();
    if (current.newTeamId) tx.update(teams).set({ withdrawnAt: now }).where(eq(teams.id, current.newTeamId)).run();
    recordAudit(tx, actor, { action: 'advancement.withdraw', entity: 'advancement', entityId: advancementId, reason: reason.trim() });

    // The line as the cut would draw it now, less everyone the cut has already named.
    const first = eventOrThrow(tx, current.firstRoundId);
    const rounds = roundsOf(tx, first.id);
    const source = eventOrThrow(tx, current.fromEventId);
    const rule = (target ? target.advancementRule : first.recommendationRule)!;
    const basis = target ? target.advancementBasis : first.recommendationBasis;
    const same = target ? eq(advancements.toEventId, target.id) : and(eq(advancements.firstRoundId, first.id), isNull(advancements.toEventId));
    const named = tx.select().from(advancements).where(same).all();
    const keyOf = (r: { teamId: number; contestantId: number | null }) => (r.contestantId === null ? `team:${r.teamId}` : `c${r.contestantId}`);
    const candidates = candidatesFor(tx, source, rule, basis, rounds);
    const candidateKey = (c: Candidate) => (c.contestantId === null ? `team:${c.teamId}` : c.key);
    const namedKeys = new Set(named.map(keyOf));
    const stillIn = candidates.filter((c) => named.some((r) => !r.withdrawnAt && keyOf(r) === candidateKey(c)));
    const cut: Cut = applyCut(candidates, rule);
    const line = [...cut.advancing, ...cut.reserves].filter((c) => !namedKeys.has(candidateKey(c)));
    const next = nextInLine(stillIn, line, rule);
    if (!next) return { replacement: null };
    const newTeamId = target ? enterRound(tx, actor, target, next, now) : null;
    const added = tx
      .insert(advancements)
      .values({ firstRoundId: first.id, fromEventId: source.id, toEventId: target?.id ?? null, teamId: next.teamId, contestantId: next.contestantId, rank: next.rank!, totalHundredths: next.total, newTeamId, replacesId: advancementId, createdBy: actor.userId, createdAt: now })
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'advancement.replace', entity: 'advancement', entityId: added.id, after: { replaces: advancementId, name: next.name, school: next.school, rank: next.rank }, reason: reason.trim() });
    if (target) eventChanged(tx, target.id);
    return { replacement: { name: next.name, school: next.school, rank: next.rank } };
  });
}

// ── The 国赛推荐名单 ────────────────────────────────────────────────────────────────────────────

/** Declares (or changes, until it is made) the rule of the event's recommendation list. */
export function setRecommendationRule(db: Db, actor: Actor, eventId: number, input: { rule: AdvancementRule; basis: RoundWeight[] | null }): void {
  requirePermission(actor, 'event:manage', { eventId });
  atomically(db, (tx) => {
    const first = firstRoundOf(tx, eventId);
    if (first.recommendedAt) throw conflict('recommendation_made');
    checkRule(input.rule, input.basis, roundsOf(tx, first.id));
    tx.update(events).set({ recommendationRule: input.rule, recommendationBasis: input.basis }).where(eq(events.id, first.id)).run();
    recordAudit(tx, actor, { action: 'recommendation.rule', entity: 'event', entityId: first.id, before: { rule: first.recommendationRule, basis: first.recommendationBasis }, after: input });
  });
}

/** Makes the recommendation list from the event's last round, once it is locked. */
export function recommend(db: Db, actor: Actor, eventId: number, now = new Date()) {
  requirePermission(actor, 'event:manage', { eventId });
  return atomically(db, (tx) => {
    const first = firstRoundOf(tx, eventId);
    if (first.recommendedAt) throw conflict('recommendation_made');
    const rule = first.recommendationRule;
    if (!rule) throw conflict('recommendation_rule_missing');
    const rounds = roundsOf(tx, first.id);
    const source = rounds.at(-1)!;
    const cut = applyCut(candidatesFor(tx, source, rule, first.recommendationBasis, rounds), rule);
    if (cut.advancing.length < rule.minEntrants) throw conflict('round_too_few_entrants', { count: cut.advancing.length, min: rule.minEntrants });
    for (const c of cut.advancing) {
      tx.insert(advancements).values({ firstRoundId: first.id, fromEventId: source.id, toEventId: null, teamId: c.teamId, contestantId: c.contestantId, rank: c.rank!, totalHundredths: c.total, createdBy: actor.userId, createdAt: now }).run();
    }
    tx.update(events).set({ recommendedAt: now, recommendationExplanation: cut.explanation }).where(eq(events.id, first.id)).run();
    recordAudit(tx, actor, { action: 'event.recommend', entity: 'event', entityId: first.id, after: { from: source.id, recommended: cut.advancing.map((c) => c.key), explanation: cut.explanation } });
    return { recommended: cut.advancing.length };
  });
}

/**
 * The recommendation list of an event: who is recommended and why. Public once the round it was
 * taken from is published; before that its organiser's only.
 */
export function recommendationList(db: Db, actor: Actor | null, eventId: number) {
  const first = firstRoundOf(db, eventId);
  const rounds = roundsOf(db, first.id);
  const source = rounds.at(-1)!;
  const organiser = can(actor, 'event:manage', { eventId: first.id });
  if (!first.recommendedAt || (!organiser && !['published', 'final'].includes(source.status))) throw notFound('recommendation_not_found');
  const rows = db
    .select({ id: advancements.id, teamId: advancements.teamId, contestantId: advancements.contestantId, rank: advancements.rank, total: advancements.totalHundredths, withdrawnAt: advancements.withdrawnAt, withdrawnReason: advancements.withdrawnReason, replacesId: advancements.replacesId, team: teams.name, school: schools.name, prefecture: prefectures.name })
    .from(advancements)
    .innerJoin(teams, eq(teams.id, advancements.teamId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(and(eq(advancements.firstRoundId, first.id), isNull(advancements.toEventId)))
    .orderBy(asc(advancements.rank), asc(advancements.id))
    .all();
  // Names as an award list prints them: the team's contestants, or the one contestant taken.
  const people = (r: (typeof rows)[number]) => currentRoster(db, r.teamId).contestants.filter((c) => r.contestantId === null || c.id === r.contestantId).map((c) => c.name);
  return {
    event: { id: first.id, code: first.code, name: first.name },
    source: { id: source.id, roundName: source.roundName, status: source.status },
    rounds: rounds.map((r) => ({ id: r.id, roundNo: r.roundNo, roundName: r.roundName, status: r.status })),
    ruleText: first.recommendationRule ? describeRule(first.recommendationRule) : '',
    basisText: basisText(rounds, first.recommendationBasis, source),
    explanation: first.recommendationExplanation ?? [],
    recommendedAt: first.recommendedAt,
    rows: rows.map((r) => ({ id: r.id, rank: r.rank, total: r.total, team: r.team, school: r.school, prefecture: r.prefecture, names: people(r), withdrawn: r.withdrawnAt !== null, withdrawnReason: organiser ? r.withdrawnReason : null, replaces: r.replacesId })),
  };
}

/** The entrants a cut sent into a round (with the rows a withdrawal names), for the organiser's page. */
export function advancementsInto(db: Db, actor: Actor, roundId: number) {
  requirePermission(actor, 'event:manage', { eventId: roundId });
  return db
    .select({ id: advancements.id, rank: advancements.rank, total: advancements.totalHundredths, withdrawnAt: advancements.withdrawnAt, replacesId: advancements.replacesId, team: teams.name, school: schools.name })
    .from(advancements)
    .innerJoin(teams, eq(teams.id, advancements.newTeamId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .where(eq(advancements.toEventId, roundId))
    .orderBy(asc(advancements.rank), asc(advancements.id))
    .all();
}


/**
 * The event's rounds as the public sees them (each published round links to its results) and
 * whether its recommendation list is public yet.
 */
export function publicRounds(db: Db, eventId: number) {
  const first = firstRoundOf(db, eventId);
  const rounds = roundsOf(db, first.id);
  const published = (status: string) => status === 'published' || status === 'final';
  return {
    rounds: rounds.length > 1 ? rounds.map((r) => ({ id: r.id, roundNo: r.roundNo, roundName: r.roundName, published: published(r.status) })) : [],
    recommendation: first.recommendedAt !== null && published(rounds.at(-1)!.status) ? first.id : null,
  };
}
