/**
 * The online review's assignment (网评, #16): the organiser names the reviewers (judges' accounts);
 * each entry gets its anonymous entry code and N of them, with 回避 by school and prefecture and an
 * even load (the domain's `assignReviewers`). A reviewer sees codes and files only.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { entries, entryCategories, entryFiles, judges, reviewAssignments, schools } from '#db/schema.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import { assignReviewers, DEFAULT_REVIEWERS_PER_ENTRY, loadSpread } from '#app/domain/review-assignment.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { conflict, invalid } from './errors.ts';

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
      .where(and(eq(entries.competitionId, competitionId), isNull(entries.withdrawnAt)))
      .all();
    if (rows.some((r) => r.entryCode !== null)) throw conflict('review_assigned');
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
