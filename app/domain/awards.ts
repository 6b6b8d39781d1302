/**
 * Awards (奖项) from ranked results: 一等奖/二等奖/三等奖 by the event's ratios of the teams that
 * competed, ties never split across tiers, an optional minimum total, and the reason for each
 * boundary in words. Pure: no I/O.
 */
import { divideHalfUp, formatScore, fromOrNull, type Hundredths } from './exact.ts';

/** 优秀奖 (merit) after the three prizes: the works-based competitions give it; a skills event's share is 0. */
export const TIERS = ['first', 'second', 'third', 'merit'] as const;
export type AwardTier = (typeof TIERS)[number];
/** What an award row may be: a tier of a team, or 优秀指导教师 for an advisor of a first-prize team. */
export const AWARD_KINDS = [...TIERS, 'outstanding_advisor'] as const;
export const TIE_DIRECTIONS = ['down', 'up'] as const;
/** 申诉: filed by a school, upheld or rejected by an arbiter. */
export const APPEAL_STATUSES = ['filed', 'upheld', 'rejected'] as const;
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
/** 传承人提名: nominated at finality, then confirmed or declined by the organiser. */
export const NOMINATION_STATUSES = ['nominated', 'confirmed', 'declined'] as const;
export const NOMINATION_DECISIONS = ['confirmed', 'declined'] as const;
export const CERTIFICATE_KINDS = ['award', 'outstanding_advisor', 'inheritor'] as const;
const TIER_NAMES: Record<AwardTier, string> = { first: '一等奖', second: '二等奖', third: '三等奖', merit: '优秀奖' };

export type AwardRules = {
  /** Shares of the teams that competed (0.1 = 10 %). */
  ratios: { first: number; second: number; third: number; merit?: number };
  /** By fixed count instead (名额): so many teams per tier, whatever the field's size; null: by ratio. */
  counts?: AwardCounts | null;
  /** Where a tie straddles a boundary: the whole tie goes down (default) or up. */
  tieAtBoundary: 'down' | 'up';
  /** In hundredths of a mark, like totals. */
  minTotal: Hundredths | null;
};

export type AwardCounts = { first: number; second: number; third: number; merit?: number };

export type RankedTeam = { teamId: number; rank: number | null; total: Hundredths | null; absent: boolean };

/** A ratio in basis points (1/10,000), so that 10 % + 20 % is exactly 30 %. */
const basisPoints = (ratio: number) => Math.round(ratio * 10_000);
export type AwardOutcome = { awards: Map<number, AwardTier>; explanation: string[] };

/**
 * The tiers are drawn cumulatively: first prize takes round(n × r₁) places, first and second
 * together round(n × (r₁ + r₂)), and so on, n being the teams that competed (absent ones excluded).
 * A group of teams sharing a rank never straddles a boundary.
 */
export function drawAwards(teams: readonly RankedTeam[], rules: AwardRules): AwardOutcome {
  const competed = teams.filter((t) => !t.absent && t.rank !== null).sort((a, b) => a.rank! - b.rank! || a.teamId - b.teamId);
  const n = competed.length;
  const awards = new Map<number, AwardTier>();
  const explanation: string[] = [`参赛队 ${n} 支（缺赛不计）。`];
  // Groups of equal rank, in order.
  const groups: RankedTeam[][] = [];
  for (const t of competed) {
    const last = groups.at(-1);
    if (last && last[0].rank === t.rank) last.push(t);
    else groups.push([t]);
  }
  let share = 0; // basis points
  let counted = 0; // by fixed count: the places of the tiers so far
  let placed = 0;
  let g = 0;
  for (const tier of TIERS) {
    share += basisPoints(rules.ratios[tier] ?? 0);
    counted += rules.counts?.[tier] ?? 0;
    const boundary = rules.counts ? Math.min(n, counted) : divideHalfUp(n * share, 10_000);
    const before = placed;
    while (g < groups.length) {
      const group = groups[g];
      const end = placed + group.length;
      if (end <= boundary) {
        placed = end;
        g++;
        continue;
      }
      // This group straddles the boundary (or lies wholly beyond it).
      if (placed < boundary && rules.tieAtBoundary === 'up') {
        explanation.push(`${TIER_NAMES[tier]}：第 ${group[0].rank} 名有 ${group.length} 队并列，跨越第 ${boundary} 名的界线，按规则整体上靠，本档多 ${end - boundary} 队。`);
        placed = end;
        g++;
      } else if (placed < boundary) {
        explanation.push(`${TIER_NAMES[tier]}：第 ${group[0].rank} 名有 ${group.length} 队并列，跨越第 ${boundary} 名的界线，按规则整体下靠，本档少 ${boundary - placed} 队。`);
      }
      break;
    }
    let count = 0;
    for (const t of competed.slice(before, placed)) {
      if (rules.minTotal !== null && (t.total ?? 0) < rules.minTotal) continue;
      awards.set(t.teamId, tier);
      count++;
    }
    const belowMin = placed - before - count;
    explanation.push(
      `${TIER_NAMES[tier]}：${rules.counts ? `固定名额累计 ${counted} 名` : `累计比例 ${share / 100}%`}，界线为第 ${boundary} 名，获奖 ${count} 队` +
        (belowMin ? `（另有 ${belowMin} 队总分低于最低获奖分 ${formatScore(fromOrNull(rules.minTotal))}，不获奖）` : '') +
        '。',
    );
  }
  return { awards, explanation };
}
