/**
 * The online review's assignment (网评, #16): the organiser names the reviewers (judges' accounts);
 * each entry gets its anonymous entry code and N of them, with 回避 by school and prefecture and an
 * even load (the domain's `assignReviewers`). A reviewer sees codes and files only.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { competitions, entries, entryCategories, entryFiles, events, judges, reviewAssignments, reviews, schools } from '#db/schema.ts';
import { assertTransition, isMarkable } from '#app/domain/event-lifecycle.ts';
import { rubricOf, scoreRubric, type RubricMarks } from '#app/domain/rubric.ts';
import { eventChanged } from './changes.server.ts';
import { categoryScores } from './review-results.server.ts';
import { fromHundredths } from '#app/domain/exact.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import { assignReviewers, DEFAULT_REVIEWERS_PER_ENTRY, loadSpread } from '#app/domain/review-assignment.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { conflict, invalid, notFound } from './errors.ts';

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
    const categoryEvents = tx.select({ eventId: entryCategories.eventId }).from(entryCategories).where(eq(entryCategories.competitionId, competitionId)).all();
    for (const { eventId } of categoryEvents) {
      if (eventId === null) continue;
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

/** A reviewer's entries: codes, categories and files — no title, school or name. */
export function reviewQueue(db: Db, actor: Actor) {
  requirePermission(actor, 'entry:review');
  const rows = db
    .select({ entryId: entries.id, entryCode: entries.entryCode, category: entryCategories.name })
    .from(reviewAssignments)
    .innerJoin(entries, eq(entries.id, reviewAssignments.entryId))
    .innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId))
    .where(and(eq(reviewAssignments.judgeId, actor.judgeId ?? -1), isNull(reviewAssignments.revokedAt), isNull(entries.withdrawnAt), ne(entries.entryCode, '')))
    .orderBy(asc(entries.entryCode))
    .all();
  return rows.map(({ entryId, ...r }) => ({
    ...r,
    files: db.select({ id: entryFiles.id, kind: entryFiles.kind, bytes: entryFiles.bytes, pages: entryFiles.pages }).from(entryFiles).where(and(eq(entryFiles.entryId, entryId), isNull(entryFiles.retiredAt))).orderBy(asc(entryFiles.id)).all(),
  }));
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

/**
 * Every entry of the year with its score from its reviewers' newest totals (each category's rules:
 * drop the highest and lowest by default; a chief reviewer's resolution replaces them), how far they
 * disagree, and whether a name was found in its files — for the organiser.
 */
export function entryScores(db: Db, actor: Actor, competitionId: number) {
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
