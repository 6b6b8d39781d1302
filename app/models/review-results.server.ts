/**
 * An entry category's online review as its event's scoring (#16): each entry's score from its
 * reviewers' newest totals (the category's rules: drop the highest and lowest by default), the
 * chief reviewer's resolution where reviewers disagree, the ranking the lock stores, and what stands
 * in the way of the lock. The lock itself, the awards, publication, appeals and nominations are the
 * event's own (run.server.ts and after).
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { competitions, entries, entryCategories, events, reviewAssignments, reviewResolutions, reviews } from '#db/schema.ts';
import { fromHundredths, toHundredths } from '#app/domain/exact.ts';
import { isDecrypted, isMarkable } from '#app/domain/event-lifecycle.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { rankTeams, type Ranked } from '#app/domain/ranking.ts';
import { DEFAULT_REVIEW_RULES, REVIEW_AGGREGATIONS, scoreEntries, type ReviewRules } from '#app/domain/review-scores.ts';
import { rubricOf } from '#app/domain/rubric.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { conflict, invalid, notFound } from './errors.ts';

/** The entry category whose online review is this event's scoring, or undefined for any other event. */
export function reviewedCategory(db: DbOrTx, eventId: number) {
  return db
    .select({ id: entryCategories.id, name: entryCategories.name, rules: entryCategories.rules, kind: competitions.kind })
    .from(entryCategories)
    .innerJoin(competitions, eq(competitions.id, entryCategories.competitionId))
    .where(eq(entryCategories.eventId, eventId))
    .get();
}

export type EntryReviewScore = { total: number | null; reviewers: number; spread: number; flagged: boolean; resolved: boolean; namesInFiles: number };

type NewestReview = { entryId: number; judgeId: number; total: number; names: boolean };

/** Each reviewer's newest review of each entry of the category (a review saved again replaces the one before). */
export function newestReviews(db: DbOrTx, categoryId: number): NewestReview[] {
  const rows = db
    .select({ entryId: reviews.entryId, judgeId: reviews.judgeId, total: reviews.totalHundredths, names: reviews.namesInFiles })
    .from(reviews)
    .innerJoin(entries, eq(entries.id, reviews.entryId))
    .where(eq(entries.categoryId, categoryId))
    .orderBy(asc(reviews.id))
    .all();
  const newest = new Map<string, NewestReview>();
  for (const r of rows) newest.set(`${r.entryId}:${r.judgeId}`, r);
  return [...newest.values()];
}

/** Every reviewed entry of the category: its score (a resolution replaces the reviewers'), spread and flags. */
export function categoryScores(db: DbOrTx, categoryId: number, latest = newestReviews(db, categoryId)): Map<number, EntryReviewScore> {
  const category = db.select({ rules: entryCategories.rules }).from(entryCategories).where(eq(entryCategories.id, categoryId)).get()!;
  const names = new Map<number, number>();
  for (const r of latest) if (r.names) names.set(r.entryId, (names.get(r.entryId) ?? 0) + 1);
  const scores = scoreEntries(
    latest.map((r) => ({ entryId: r.entryId, reviewerId: r.judgeId, total: r.total })),
    category.rules.review ?? DEFAULT_REVIEW_RULES,
  );
  const resolutions = new Map<number, number>();
  for (const r of db.select({ entryId: reviewResolutions.entryId, total: reviewResolutions.totalHundredths }).from(reviewResolutions).innerJoin(entries, eq(entries.id, reviewResolutions.entryId)).where(eq(entries.categoryId, categoryId)).orderBy(asc(reviewResolutions.id)).all()) {
    resolutions.set(r.entryId, r.total);
  }
  const out = new Map<number, EntryReviewScore>();
  for (const [entryId, s] of scores) {
    const resolved = resolutions.get(entryId);
    out.set(entryId, { total: resolved ?? s.total, reviewers: s.reviewers, spread: s.spread, flagged: s.flagged, resolved: resolved !== undefined, namesInFiles: names.get(entryId) ?? 0 });
  }
  return out;
}

/** The category's teams (its submitted entries) ranked by their review scores; an entry no one has reviewed is unranked. */
export function rankReviewed(db: DbOrTx, categoryId: number): Ranked[] {
  const scores = categoryScores(db, categoryId);
  const teams = db.select({ entryId: entries.id, teamId: entries.teamId }).from(entries).where(and(eq(entries.categoryId, categoryId), isNotNull(entries.teamId), isNull(entries.withdrawnAt))).all();
  return rankTeams(
    teams.map((t) => {
      const total = scores.get(t.entryId)?.total;
      return { teamId: t.teamId!, absent: false, completionSeconds: null, score: total == null ? null : { total, criteria: [], modules: new Map(), complete: true, scored: true } };
    }),
    [],
    false,
  );
}

/** What stands in the way of locking a category's review: reviews not given, disagreements not resolved. */
export function reviewObstacles(db: DbOrTx, categoryId: number, latest = newestReviews(db, categoryId), scores = categoryScores(db, categoryId, latest)) {
  const assigned = db
    .select({ entryId: reviewAssignments.entryId, judgeId: reviewAssignments.judgeId })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .where(and(eq(entries.categoryId, categoryId), isNull(reviewAssignments.revokedAt), isNull(entries.withdrawnAt)))
    .all();
  const given = new Set(latest.map((r) => `${r.entryId}:${r.judgeId}`));
  return {
    reviewsOutstanding: assigned.filter((a) => !given.has(`${a.entryId}:${a.judgeId}`)).length,
    flagsOpen: [...scores.values()].filter((s) => s.flagged && !s.resolved).length,
    reviewers: new Set(assigned.map((a) => a.judgeId)).size,
  };
}

function categoryEventOf(db: DbOrTx, entryId: number) {
  const row = db
    .select({ entryId: entries.id, categoryId: entries.categoryId, eventId: entryCategories.eventId, status: events.status })
    .from(entries)
    .innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId))
    .innerJoin(events, eq(events.id, entryCategories.eventId))
    .where(eq(entries.id, entryId))
    .get();
  if (!row) throw notFound();
  return row as typeof row & { eventId: number };
}

/**
 * The chief reviewer's score for an entry its reviewers disagree on (spread over the category's
 * threshold), with the reason; it replaces the reviewers' aggregate. Until the lock; the newest counts.
 */
export function resolveReviewFlag(db: Db, actor: Actor, entryId: number, input: { total: number; reason: string }) {
  const entry = categoryEventOf(db, entryId);
  requirePermission(actor, 'marking:chief', { eventId: entry.eventId });
  if (!isMarkable(entry.status)) throw conflict('review_closed');
  const score = categoryScores(db, entry.categoryId).get(entryId);
  if (!score?.flagged) throw conflict('review_not_flagged');
  const total = toHundredths(input.total);
  if (total === null || total < 0 || total > 10_000) throw invalid('review_total', {}, { total: 'errors.review_total' });
  const reason = input.reason.trim();
  if (!reason) throw invalid('review_resolution_reason', {}, { reason: 'errors.review_resolution_reason' });
  return atomically(db, (tx) => {
    const row = tx.insert(reviewResolutions).values({ entryId, totalHundredths: total, reason, resolvedBy: actor.userId }).returning().get();
    recordAudit(tx, actor, { action: 'review.resolve', entity: 'entry', entityId: entryId, before: { total: score.total, spread: score.spread }, after: { total }, reason });
    eventChanged(tx, entry.eventId);
    return { id: row.id, total: fromHundredths(total) };
  });
}

/**
 * The chief reviewer's desk for a category: each entry by its code with its reviewers' totals,
 * spread, flag and resolution, and the lock's obstacles. Titles and schools only once decrypted.
 */
export function reviewDesk(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'marking:review', { eventId });
  const category = reviewedCategory(db, eventId);
  const event = db.select({ status: events.status }).from(events).where(eq(events.id, eventId)).get();
  if (!category || !event) throw notFound();
  const decrypted = isDecrypted(event.status);
  const list = db.select({ id: entries.id, entryCode: entries.entryCode, title: entries.title }).from(entries).where(and(eq(entries.categoryId, category.id), isNotNull(entries.entryCode), isNull(entries.withdrawnAt))).orderBy(asc(entries.entryCode)).all();
  // The category's reviews are read once: the totals shown, the scores and the lock's obstacles all come from them.
  const latest = newestReviews(db, category.id);
  const scores = categoryScores(db, category.id, latest);
  const byEntry = new Map<number, number[]>();
  for (const r of latest) (byEntry.get(r.entryId) ?? byEntry.set(r.entryId, []).get(r.entryId)!).push(r.total);
  return {
    category: { id: category.id, name: category.name, rubric: rubricOf(category.rules, category.kind) },
    status: event.status,
    obstacles: reviewObstacles(db, category.id, latest, scores),
    entries: list.map((e) => {
      const s = scores.get(e.id);
      return {
        id: e.id,
        entryCode: e.entryCode!,
        title: decrypted ? e.title : null,
        totals: (byEntry.get(e.id) ?? []).sort((a, b) => b - a).map(fromHundredths),
        total: s?.total == null ? null : fromHundredths(s.total),
        spread: s ? fromHundredths(s.spread) : null,
        flagged: s?.flagged ?? false,
        resolved: s?.resolved ?? false,
        namesInFiles: s?.namesInFiles ?? 0,
      };
    }),
  };
}

/**
 * A category's review rules — how reviewers' totals combine (drop high and low, mean, median), whether
 * each reviewer's totals are first standardised (z-scores, for reviewers who see different entries),
 * the spread that flags a disagreement — set by the organiser until the category is locked.
 */
export function setReviewRules(db: Db, actor: Actor, categoryId: number, rules: ReviewRules) {
  requirePermission(actor, 'review:assign');
  const flagSpread = toHundredths(fromHundredths(rules.flagSpread));
  if (!REVIEW_AGGREGATIONS.includes(rules.method) || flagSpread === null || flagSpread < 0 || flagSpread > 10_000) throw invalid('review_rules');
  atomically(db, (tx) => {
    const category = tx.select().from(entryCategories).where(eq(entryCategories.id, categoryId)).get();
    if (!category) throw notFound();
    const status = category.eventId === null ? null : tx.select({ status: events.status }).from(events).where(eq(events.id, category.eventId)).get()!.status;
    if (status !== null && isDecrypted(status)) throw conflict('review_closed');
    tx.update(entryCategories).set({ rules: { ...category.rules, review: rules } }).where(eq(entryCategories.id, categoryId)).run();
    recordAudit(tx, actor, { action: 'category.review_rules', entity: 'category', entityId: categoryId, before: category.rules.review ?? DEFAULT_REVIEW_RULES, after: rules });
    if (category.eventId !== null) eventChanged(tx, category.eventId);
  });
}
