/**
 * Assigning reviewers to entries for the online review (网评, #16): each entry gets N reviewers
 * (default 3), never one from the entry's own school or prefecture (回避), and the load is spread
 * evenly — every entry goes to the least-loaded reviewers it may have, ties broken by a seeded order,
 * so the same entries, reviewers and seed always give the same assignment. Pure: no I/O.
 */

export const DEFAULT_REVIEWERS_PER_ENTRY = 3;

export type ReviewEntry = { id: number; schoolId: number; prefectureId: number };
/** A reviewer's school and prefecture, when the reviewer belongs to one (an expert from industry may not). */
export type Reviewer = { id: number; schoolId: number | null; prefectureId: number | null };

export type ReviewAssignment = {
  /** entry id → its reviewers' ids, in the order chosen. */
  byEntry: Map<number, number[]>;
  /** reviewer id → how many entries they review. */
  load: Map<number, number>;
  /** Entries that could not get N reviewers free of 回避, with how many they got. */
  short: { entryId: number; got: number }[];
};

/** 回避: a reviewer never reviews an entry of their own school or their own prefecture. */
export function mayReview(reviewer: Reviewer, entry: ReviewEntry): boolean {
  return reviewer.schoolId !== entry.schoolId && reviewer.prefectureId !== entry.prefectureId;
}

/** A small seeded generator (mulberry32): the same seed, the same order. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Reviewers are kept in buckets by load; each entry takes the first N it may have from the lowest
 * buckets up. Entries and reviewers are taken in a seeded order (sorted by id first), so neither
 * the input's order nor the seed's absence changes the outcome silently.
 */
export function assignReviewers(entries: readonly ReviewEntry[], reviewers: readonly Reviewer[], { perEntry = DEFAULT_REVIEWERS_PER_ENTRY, seed = 1 }: { perEntry?: number; seed?: number } = {}): ReviewAssignment {
  const next = random(seed);
  const byId = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id - b.id);
  const order = shuffled(byId(reviewers), next);
  const load = new Map(order.map((r) => [r.id, 0]));
  // buckets[k]: reviewers with load k, in seeded order (a reviewer moving up joins the end).
  const buckets: Reviewer[][] = [order.slice()];
  const byEntry = new Map<number, number[]>();
  const short: ReviewAssignment['short'] = [];
  for (const entry of shuffled(byId(entries), next)) {
    const chosen: Reviewer[] = [];
    for (let k = 0; k < buckets.length && chosen.length < perEntry; k++) {
      for (const r of buckets[k]) {
        if (chosen.length === perEntry) break;
        if (mayReview(r, entry)) chosen.push(r);
      }
    }
    for (const r of chosen) {
      const k = load.get(r.id)!;
      const bucket = buckets[k];
      bucket.splice(bucket.indexOf(r), 1);
      (buckets[k + 1] ??= []).push(r);
      load.set(r.id, k + 1);
    }
    byEntry.set(entry.id, chosen.map((r) => r.id));
    if (chosen.length < perEntry) short.push({ entryId: entry.id, got: chosen.length });
  }
  return { byEntry, load, short };
}

/** The spread of the load: most and fewest entries any reviewer has. */
export function loadSpread(assignment: ReviewAssignment): { max: number; min: number } {
  const loads = [...assignment.load.values()];
  return { max: loads.length ? Math.max(...loads) : 0, min: loads.length ? Math.min(...loads) : 0 };
}
