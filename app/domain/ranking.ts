/**
 * Ranking: teams sort by a derived key (total, then the event's ordered tie-breaks, then shorter
 * completion time); equal keys share a rank (1, 1, 3). Teams with no mark yet (未评分) and absent
 * teams are kept, unranked, after the ranked ones. Totals and tie-break values are integer
 * hundredths, so comparing them is exact.
 */
import type { TeamScore } from './aggregation.ts';

export type TieBreak = { kind: 'module' | 'criterion'; id: number };

export type RankEntry = {
  teamId: number;
  absent: boolean;
  score: TeamScore | null;
  completionSeconds: number | null;
};

export type Ranked = {
  teamId: number;
  rank: number | null;
  total: number | null;
  tieBreakValues: number[];
  absent: boolean;
  /** Present, but no judge has entered a mark yet. */
  unscored: boolean;
  /** Some criteria still have no mark (a board during marking). */
  partial: boolean;
};

const isRankable = (e: RankEntry) => !e.absent && e.score !== null && e.score.scored;

/** The values a tie-break list reads from a score, in order; higher is better for each. */
export function tieBreakValues(score: TeamScore, tieBreaks: readonly TieBreak[]): number[] {
  return tieBreaks.map((tb) =>
    tb.kind === 'module' ? (score.modules.get(tb.id) ?? 0) : (score.criteria.find((c) => c.criterionId === tb.id)?.value ?? 0),
  );
}

/** Negative when a ranks before b. */
function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export function rankTeams(entries: readonly RankEntry[], tieBreaks: readonly TieBreak[], useCompletionTime: boolean): Ranked[] {
  const present = entries
    .filter(isRankable)
    .map((e) => {
      const values = tieBreakValues(e.score!, tieBreaks);
      // Larger totals and tie-break values first, then shorter times; no time sorts after any time.
      const key = [-e.score!.total, ...values.map((v) => -v), ...(useCompletionTime ? [e.completionSeconds ?? Number.MAX_SAFE_INTEGER] : [])];
      return { entry: e, values, key };
    })
    .sort((a, b) => compareKeys(a.key, b.key) || a.entry.teamId - b.entry.teamId);

  const ranked: Ranked[] = [];
  present.forEach((p, i) => {
    const previous = i > 0 ? present[i - 1] : null;
    const rank = previous && compareKeys(previous.key, p.key) === 0 ? ranked[i - 1].rank : i + 1;
    ranked.push({ teamId: p.entry.teamId, rank, total: p.entry.score!.total, tieBreakValues: p.values, absent: false, unscored: false, partial: !p.entry.score!.complete });
  });
  // Unscored before absent, each group in team order, so the same entries always give the same list.
  const rest = entries.filter((e) => !isRankable(e)).sort((a, b) => Number(a.absent) - Number(b.absent) || a.teamId - b.teamId);
  for (const e of rest) ranked.push({ teamId: e.teamId, rank: null, total: null, tieBreakValues: [], absent: e.absent, unscored: !e.absent, partial: false });
  return ranked;
}
