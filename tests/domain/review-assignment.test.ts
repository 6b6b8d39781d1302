/** Assigning reviewers for the online review (#16): N each, 回避 by school and prefecture, an even load, the same every time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviewers, loadSpread, mayReview, type ReviewEntry, type Reviewer } from '#app/domain/review-assignment.ts';

/** Entries from `schools` schools spread over 14 prefectures; reviewers from some of them, and a few from industry. */
function province(entries: number, reviewers: number, schools = 80) {
  const prefectureOf = (school: number) => (school % 14) + 1;
  const es: ReviewEntry[] = Array.from({ length: entries }, (_, i) => ({ id: i + 1, schoolId: (i % schools) + 1, prefectureId: prefectureOf((i % schools) + 1) }));
  const rs: Reviewer[] = Array.from({ length: reviewers }, (_, i) => (i % 10 === 0 ? { id: 1000 + i, schoolId: null, prefectureId: null } : { id: 1000 + i, schoolId: (i * 7) % schools + 1, prefectureId: prefectureOf((i * 7) % schools + 1) }));
  return { es, rs };
}

describe('assigning reviewers', () => {
  it('gives every entry three reviewers, none from its school or prefecture, each at most once', () => {
    const { es, rs } = province(600, 45);
    const a = assignReviewers(es, rs);
    expect(a.short).toEqual([]);
    const reviewers = new Map(rs.map((r) => [r.id, r]));
    for (const e of es) {
      const chosen = a.byEntry.get(e.id)!;
      expect(chosen).toHaveLength(3);
      expect(new Set(chosen).size).toBe(3);
      for (const id of chosen) expect(mayReview(reviewers.get(id)!, e)).toBe(true);
    }
  });

  it('spreads the load evenly: most and fewest differ by at most one where 回避 leaves room', () => {
    const { es, rs } = province(600, 45);
    const a = assignReviewers(es, rs);
    const { max, min } = loadSpread(a);
    expect(max - min).toBeLessThanOrEqual(1);
    expect([...a.load.values()].reduce((x, y) => x + y, 0)).toBe(1800);
  });

  it('is the same for the same seed whatever order the entries and reviewers come in, and another seed may differ', () => {
    const { es, rs } = province(200, 20);
    const one = assignReviewers(es, rs, { seed: 7 });
    const again = assignReviewers([...es].reverse(), [...rs].reverse(), { seed: 7 });
    expect([...again.byEntry].sort((x, y) => x[0] - y[0])).toEqual([...one.byEntry].sort((x, y) => x[0] - y[0]));
    expect([...assignReviewers(es, rs, { seed: 8 }).byEntry]).not.toEqual([...one.byEntry]);
  });

  it('says which entries fall short when 回避 leaves too few reviewers', () => {
    const es: ReviewEntry[] = [{ id: 1, schoolId: 1, prefectureId: 1 }, { id: 2, schoolId: 2, prefectureId: 2 }];
    const rs: Reviewer[] = [{ id: 10, schoolId: 1, prefectureId: 1 }, { id: 11, schoolId: 3, prefectureId: 1 }, { id: 12, schoolId: null, prefectureId: null }];
    const a = assignReviewers(es, rs);
    expect(a.byEntry.get(1)).toEqual([12]);
    expect(a.short).toEqual([{ entryId: 1, got: 1 }]);
    expect(a.byEntry.get(2)!.sort()).toEqual([10, 11, 12]);
  });

  it('never breaks 回避 and never gives one reviewer an entry twice, for any province', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ schoolId: fc.integer({ min: 1, max: 8 }), prefectureId: fc.integer({ min: 1, max: 4 }) }), { maxLength: 60 }),
        fc.array(fc.record({ schoolId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }), prefectureId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }), { maxLength: 15 }),
        fc.integer({ min: 1, max: 4 }),
        (e, r, perEntry) => {
          const es = e.map((x, i) => ({ id: i + 1, ...x }));
          const rs = r.map((x, i) => ({ id: 100 + i, ...x }));
          const a = assignReviewers(es, rs, { perEntry });
          const byId = new Map(rs.map((x) => [x.id, x]));
          for (const entry of es) {
            const chosen = a.byEntry.get(entry.id)!;
            expect(new Set(chosen).size).toBe(chosen.length);
            expect(chosen.length).toBeLessThanOrEqual(perEntry);
            for (const id of chosen) expect(mayReview(byId.get(id)!, entry)).toBe(true);
            const eligible = rs.filter((x) => mayReview(x, entry)).length;
            // Short only when 回避 leaves fewer than N.
            expect(chosen.length).toBe(Math.min(perEntry, eligible));
          }
        },
      ),
    );
  });
});
