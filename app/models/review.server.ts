/**
 * The online review's assignment (网评, #16): the organiser names the reviewers (judges' accounts);
 * each entry gets its anonymous entry code and N of them, with 回避 by school and prefecture and an
 * even load (the domain's `assignReviewers`). A reviewer sees codes and files only.
 */
import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { competitions, entries, entryCategories, events, judges, reviewAssignments, reviews, schools } from '#db/schema.ts';
import { assertTransition, isMarkable } from '#app/domain/event-lifecycle.ts';
import { rubricOf, scoreRubric, type RubricMarks } from '#app/domain/rubric.ts';
import { eventChanged } from './changes.server.ts';
import { categoryScores } from './review-results.server.ts';
import { filesOfEntries } from './entry.server.ts';
import { DEFAULT_REVIEW_RULES } from '#app/domain/review-scores.ts';
import { fromHundredths } from '#app/domain/exact.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import { assignReviewers, DEFAULT_REVIEWERS_PER_ENTRY, loadSpread } from '#app/domain/review-assignment.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { contains, pageWindow } from './search.server.ts';

/** An entry code no one can read a school from: the category's code and six random digits. */
function newEntryCode(taken: Set<string>, category: string): string {
  for (;;) {
    const code = `${category}${String(randomInt(1_000_000)).padStart(6, '0')}`;
    if (!taken.has(code)) return (taken.add(code), code);
  }
}

/**
 * Assigns the year's entries (not withdrawn, not yet assigned) to the named reviewers. Refused
 * once any entry of the year is assigned: a second run would reshuffle what reviewers have begun.
 */
export function assignEntryReviewers(db: Db, actor: Actor, competitionId: number, input: { judgeIds: number[]; perEntry?: number; seed?: number }) {
  requirePermission(actor, 'review:assign');
  const perEntry = input.perEntry ?? DEFAULT_REVIEWERS_PER_ENTRY;
  if (!Number.isInteger(perEntry) || perEntry < 1 || perEntry > 9) throw invalid('review_per_entry');
  return atomically(db, (tx) => {
    const rows = tx
      .select({ id: entries.id, schoolId: entries.schoolId, prefectureId: schools.prefectureId, category: entryCategories.code, entryCode: entries.entryCode })
      .from(entries)
      .innerJoin(schools, eq(schools.id, entries.schoolId))
      .innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId))
      .where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'submitted'), isNull(entries.withdrawnAt)))
      .all();
    if (rows.some((r) => r.entryCode !== null)) throw conflict('review_assigned');
    if (rows.length === 0) throw conflict('review_no_entries');
    const reviewers = input.judgeIds.length
      ? tx
          .select({ id: judges.id, schoolId: judges.affiliationSchoolId, prefectureId: schools.prefectureId })
          .from(judges)
          .leftJoin(schools, eq(schools.id, judges.affiliationSchoolId))
          .where(inArray(judges.id, input.judgeIds))
          .all()
      : [];
    if (reviewers.length < perEntry) throw invalid('review_too_few_reviewers', { count: reviewers.length, per: perEntry });
    const outcome = assignReviewers(rows, reviewers, { perEntry, seed: input.seed });
    const taken = new Set<string>();
    for (const entry of rows) {
      tx.update(entries).set({ entryCode: newEntryCode(taken, entry.category) }).where(eq(entries.id, entry.id)).run();
      for (const judgeId of outcome.byEntry.get(entry.id) ?? []) tx.insert(reviewAssignments).values({ entryId: entry.id, judgeId }).run();
    }
    // Each category's event is now being scored: its entries are coded and in reviewers' hands.
    // Only categories with entries: one without any has nothing to review, lock or publish.
    const reviewed = new Set(rows.map((r) => r.category));
    const categoryEvents = tx.select({ eventId: entryCategories.eventId, code: entryCategories.code }).from(entryCategories).where(eq(entryCategories.competitionId, competitionId)).all();
    for (const { eventId, code } of categoryEvents) {
      if (eventId === null || !reviewed.has(code)) continue;
      const event = tx.select({ status: events.status }).from(events).where(eq(events.id, eventId)).get()!;
      tx.update(events).set({ status: assertTransition('review', event.status) }).where(eq(events.id, eventId)).run();
      eventChanged(tx, eventId);
    }
    const spread = loadSpread(outcome);
    recordAudit(tx, actor, { action: 'review.assign', entity: 'competition', entityId: competitionId, after: { entries: rows.length, reviewers: reviewers.length, perEntry, ...spread, short: outcome.short.length } });
    return { entries: rows.length, reviewers: reviewers.length, ...spread, short: outcome.short };
  });
}

/** Whether this person reviews this entry now (a live assignment). */
export function reviewsEntry(db: Db, actor: Actor, entryId: number): boolean {
  if (!can(actor, 'entry:review') || actor.judgeId === null) return false;
  return !!db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(and(eq(reviewAssignments.entryId, entryId), eq(reviewAssignments.judgeId, actor.judgeId), isNull(reviewAssignments.revokedAt))).get();
}

/** A reviewer's entries: codes, categories and files — no title, school or name — and where their own review stands. */
export function reviewQueue(db: Db, actor: Actor) {
  requirePermission(actor, 'entry:review');
  const rows = db
    .select({ entryId: entries.id, entryCode: entries.entryCode, category: entryCategories.name, rules: entryCategories.rules, kind: competitions.kind, eventId: entryCategories.eventId })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId))
    .innerJoin(competitions, eq(competitions.id, entries.competitionId))
    .where(and(eq(reviewAssignments.judgeId, actor.judgeId ?? -1), isNull(reviewAssignments.revokedAt), isNull(entries.withdrawnAt), isNotNull(entries.entryCode)))
    .orderBy(asc(entries.entryCode))
    .all();
  const mine = new Map<number, typeof reviews.$inferSelect>();
  if (rows.length) {
    for (const r of db.select().from(reviews).where(and(eq(reviews.judgeId, actor.judgeId!), inArray(reviews.entryId, rows.map((e) => e.entryId)))).orderBy(asc(reviews.id)).all()) mine.set(r.entryId, r);
  }
  // Reviewers see a file's kind and size, never the name the school gave it.
  const files = filesOfEntries(db, rows.map((r) => r.entryId));
  const open = new Map<number, boolean>();
  for (const eventId of new Set(rows.map((r) => r.eventId))) open.set(eventId ?? -1, eventId === null || isMarkable(db.select({ status: events.status }).from(events).where(eq(events.id, eventId)).get()!.status));
  return rows.map(({ entryId, rules, kind, eventId, ...r }) => {
    const review = mine.get(entryId);
    return {
      ...r,
      entryCode: r.entryCode!,
      open: open.get(eventId ?? -1)!,
      rubric: rubricOf(rules, kind),
      mine: review ? { total: fromHundredths(review.totalHundredths), criteria: Object.fromEntries(Object.entries(review.criteria ?? {}).map(([code, h]) => [code, fromHundredths(h)])), namesInFiles: review.namesInFiles, comment: review.comment } : null,
      files: (files.get(entryId) ?? []).map(({ name: _name, ...file }) => file),
    };
  });
}

/**
 * A reviewer's marks for an entry, by its code: one per criterion of the category's rubric, each
 * from 0 to its maximum with two decimals at most; the total is their exact sum. Saved again, the
 * newest counts. Only an assigned reviewer may, while the category is being reviewed; anyone else is
 * told there is no such entry.
 */
export function saveReview(db: Db, actor: Actor, entryCode: string, input: { criteria: RubricMarks; comment?: string; namesInFiles?: boolean }) {
  requirePermission(actor, 'entry:review');
  const entry = db.select({ id: entries.id, rules: entryCategories.rules, kind: competitions.kind, eventId: entryCategories.eventId }).from(entries).innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId)).innerJoin(competitions, eq(competitions.id, entries.competitionId)).where(eq(entries.entryCode, entryCode)).get();
  if (!entry || !reviewsEntry(db, actor, entry.id)) throw notFound();
  if (entry.eventId !== null && !isMarkable(db.select({ status: events.status }).from(events).where(eq(events.id, entry.eventId)).get()!.status)) throw conflict('review_closed');
  const scored = scoreRubric(rubricOf(entry.rules, entry.kind), input.criteria);
  if (!scored.ok) throw invalid('review_rubric_invalid', scored.params, Object.fromEntries(Object.entries(scored.fields).map(([code, message]) => [`criteria.${code}`, message])));
  return atomically(db, (tx) => {
    const row = tx.insert(reviews).values({ entryId: entry.id, judgeId: actor.judgeId!, totalHundredths: scored.total, criteria: scored.criteria, comment: input.comment?.trim() || null, namesInFiles: input.namesInFiles ?? false }).returning().get();
    recordAudit(tx, actor, { action: 'review.save', entity: 'entry', entityId: entry.id, after: { total: scored.total, criteria: scored.criteria, namesInFiles: row.namesInFiles } });
    return { id: row.id, total: fromHundredths(scored.total) };
  });
}

export type EntryScoreRow = { id: number; entryCode: string | null; title: string; school: string; category: string; total: number | null; reviewers: number; spread: number | null; flagged: boolean; resolved: boolean; namesInFiles: number };

export const ENTRY_SCORES_PAGE = 50;

/**
 * A page of the year's entry scores for the organiser's desk, by code: all, or only those with a
 * flag to deal with (an unresolved disagreement, names in files); searched by code, title or school.
 */
export function pageOfEntryScores(db: Db, actor: Actor, competitionId: number, { page = 1, q, flagged = false }: { page?: number; q?: string; flagged?: boolean } = {}) {
  const term = q?.trim();
  const all = entryScores(db, actor, competitionId).filter((e) => (!flagged || (e.flagged && !e.resolved) || e.namesInFiles > 0) && (!term || [e.entryCode ?? '', e.title, e.school].some((f) => f.includes(term))));
  const window = pageWindow(all.length, page, ENTRY_SCORES_PAGE);
  return { rows: all.slice(window.offset, window.offset + ENTRY_SCORES_PAGE), total: all.length, page: window.page, pages: window.pages };
}

/**
 * Every entry of the year with its score from its reviewers' newest totals (each category's rules:
 * drop the highest and lowest by default; a chief reviewer's resolution replaces them), how far they
 * disagree, and whether a name was found in its files — for the organiser.
 */
export function entryScores(db: Db, actor: Actor, competitionId: number): EntryScoreRow[] {
  requirePermission(actor, 'review:assign');
  const list = db
    .select({ id: entries.id, categoryId: entries.categoryId, entryCode: entries.entryCode, title: entries.title, school: schools.name, category: entryCategories.name })
    .from(entries)
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId))
    .where(and(eq(entries.competitionId, competitionId), isNull(entries.withdrawnAt)))
    .orderBy(asc(entries.entryCode))
    .all();
  const byCategory = new Map<number, ReturnType<typeof categoryScores>>();
  for (const categoryId of new Set(list.map((e) => e.categoryId))) byCategory.set(categoryId, categoryScores(db, categoryId));
  return list.map(({ categoryId, ...e }) => {
    const s = byCategory.get(categoryId)!.get(e.id);
    return { ...e, total: s?.total == null ? null : fromHundredths(s.total), reviewers: s?.reviewers ?? 0, spread: s ? fromHundredths(s.spread) : null, flagged: s?.flagged ?? false, resolved: s?.resolved ?? false, namesInFiles: s?.namesInFiles ?? 0 };
  });
}

/**
 * The organiser's desk for a works-based year: each category with its entries (drafts, submitted,
 * coded for review) and its event's state, whether reviewers are assigned, and the judges who may
 * be named reviewers (searched; at most 500 listed).
 */
export function worksDesk(db: Db, actor: Actor, competitionId: number, q?: string) {
  requirePermission(actor, 'review:assign');
  const competition = db.select().from(competitions).where(eq(competitions.id, competitionId)).get();
  if (!competition || competition.kind === 'skills') throw notFound();
  const categories = db
    .select({ id: entryCategories.id, code: entryCategories.code, name: entryCategories.name, eventId: entryCategories.eventId, status: events.status, rules: entryCategories.rules })
    .from(entryCategories)
    .leftJoin(events, eq(events.id, entryCategories.eventId))
    .where(eq(entryCategories.competitionId, competitionId))
    .orderBy(asc(entryCategories.sortOrder))
    .all();
  const counts = db
    .select({ categoryId: entries.categoryId, status: entries.status, coded: sql<number>`sum(${entries.entryCode} is not null)`, n: count() })
    .from(entries)
    .where(and(eq(entries.competitionId, competitionId), isNull(entries.withdrawnAt)))
    .groupBy(entries.categoryId, entries.status)
    .all();
  const of = (categoryId: number, status: 'draft' | 'submitted') => counts.find((c) => c.categoryId === categoryId && c.status === status)?.n ?? 0;
  const term = q?.trim();
  const candidates = db
    .select({ id: judges.id, name: judges.name, affiliation: judges.affiliation })
    .from(judges)
    .where(term ? or(contains(judges.name, term), contains(judges.affiliation, term)) : undefined)
    .orderBy(asc(judges.name), asc(judges.id))
    .limit(500)
    .all();
  return {
    competition: { id: competition.id, name: competition.name, kind: competition.kind, phase: competition.phase },
    categories: categories.map(({ rules, ...c }) => ({ ...c, review: { ...(rules.review ?? DEFAULT_REVIEW_RULES), flagSpread: fromHundredths((rules.review ?? DEFAULT_REVIEW_RULES).flagSpread) }, drafts: of(c.id, 'draft'), submitted: of(c.id, 'submitted'), coded: counts.filter((k) => k.categoryId === c.id).reduce((n, k) => n + Number(k.coded ?? 0), 0) })),
    assigned: counts.some((c) => Number(c.coded ?? 0) > 0),
    candidates,
  };
}

/** The works-based years, newest first (the organiser's choice of year on the works desk). */
export function worksYears(db: Db, actor: Actor) {
  requirePermission(actor, 'review:assign');
  return db.select({ id: competitions.id, name: competitions.name, year: competitions.year, kind: competitions.kind }).from(competitions).where(ne(competitions.kind, 'skills')).orderBy(desc(competitions.year), desc(competitions.id)).all();
}
