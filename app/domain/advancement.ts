/**
 * Advancement (晋级 / 选拔): who goes on from a round to the next, or to the 国赛推荐名单, by a rule
 * declared before the next round opens — top N, top X %, a minimum total, caps per school and per
 * prefecture — with a tie at the cut kept together (the rule says up or down), absent and withdrawn
 * entrants excluded, and the cut explained in words as the award boundaries are. Pure: no I/O.
 */
import { divideHalfUp, formatScore, fromOrNull, type Hundredths } from './exact.ts';

/** Teams go on whole, or contestants one by one (selection may take individuals out of teams). */
export const ADVANCEMENT_UNITS = ['team', 'contestant'] as const;
export type AdvancementUnit = (typeof ADVANCEMENT_UNITS)[number];

export type AdvancementRule = {
  unit: AdvancementUnit;
  /** 前 N 名 */
  top: number | null;
  /** 前 X %, in basis points (2500 = 25 %) of those ranked. */
  topShareBp: number | null;
  /** 最低分, in hundredths like every total. */
  minTotal: Hundredths | null;
  /** At most this many from one school / one prefecture. */
  perSchool: number | null;
  perPrefecture: number | null;
  /** A tie straddling the cut goes through whole (`up`) or stays out whole (`down`). */
  tieAtCut: 'up' | 'down';
  /** The next round does not open with fewer entrants than this. */
  minEntrants: number;
};

export const DEFAULT_ADVANCEMENT_RULE: AdvancementRule = { unit: 'team', top: null, topShareBp: null, minTotal: null, perSchool: null, perPrefecture: null, tieAtCut: 'down', minEntrants: 1 };

/** One who may go on: a team, or one contestant of a team (then `contestantId` is set). */
export type Candidate = {
  key: string;
  teamId: number;
  contestantId: number | null;
  name: string;
  schoolId: number;
  school: string;
  prefectureId: number;
  prefecture: string;
  rank: number | null;
  total: Hundredths | null;
  absent: boolean;
  withdrawn: boolean;
};

export type Cut = {
  /** In ranking order. */
  advancing: Candidate[];
  /** The next in line, in ranking order: replacements come from here, caps permitting. */
  reserves: Candidate[];
  /** How many places the rule gives (null: no limit but the minimum total). */
  places: number | null;
  explanation: string[];
};

/** Why a rule cannot be used, as an error code (`errors.*`), or null. */
export function ruleProblem(rule: AdvancementRule): string | null {
  if (rule.top === null && rule.topShareBp === null && rule.minTotal === null) return 'advancement_rule_empty';
  if (rule.top !== null && (!Number.isInteger(rule.top) || rule.top < 1)) return 'advancement_rule_invalid';
  if (rule.topShareBp !== null && (!Number.isInteger(rule.topShareBp) || rule.topShareBp < 1 || rule.topShareBp > 10_000)) return 'advancement_rule_invalid';
  for (const cap of [rule.perSchool, rule.perPrefecture]) if (cap !== null && (!Number.isInteger(cap) || cap < 1)) return 'advancement_rule_invalid';
  if (!Number.isInteger(rule.minEntrants) || rule.minEntrants < 1) return 'advancement_rule_invalid';
  return null;
}

const byRank = (a: Candidate, b: Candidate) => a.rank! - b.rank! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const unitWord = (rule: AdvancementRule) => (rule.unit === 'team' ? '队' : '人');

/** The rule in one sentence, as the organiser declared it. */
export function describeRule(rule: AdvancementRule): string {
  const u = unitWord(rule);
  const parts: string[] = [];
  if (rule.top !== null) parts.push(`前 ${rule.top} ${u}`);
  if (rule.topShareBp !== null) parts.push(`前 ${rule.topShareBp / 100}%`);
  if (rule.minTotal !== null) parts.push(`总分不低于 ${formatScore(fromOrNull(rule.minTotal))}`);
  if (rule.perSchool !== null) parts.push(`每校至多 ${rule.perSchool} ${u}`);
  if (rule.perPrefecture !== null) parts.push(`每个市州至多 ${rule.perPrefecture} ${u}`);
  parts.push(rule.tieAtCut === 'up' ? '界线处并列者一同晋级' : '界线处并列者一同不晋级');
  return `${rule.unit === 'team' ? '按队' : '按选手个人'}晋级：${parts.join('，')}${rule.minEntrants > 1 ? `；下一轮至少 ${rule.minEntrants} ${u}` : ''}。`;
}

/** Places the rule gives out of `ranked` candidates: the smaller of top N and top X % (rounded half up). */
export function placesFor(rule: AdvancementRule, ranked: number): number | null {
  const limits = [rule.top, rule.topShareBp === null ? null : divideHalfUp(ranked * rule.topShareBp, 10_000)].filter((x): x is number => x !== null);
  return limits.length ? Math.min(...limits) : null;
}

function capsAllow(rule: AdvancementRule, c: Candidate, schools: Map<number, number>, prefectures: Map<number, number>) {
  return (rule.perSchool === null || (schools.get(c.schoolId) ?? 0) < rule.perSchool) && (rule.perPrefecture === null || (prefectures.get(c.prefectureId) ?? 0) < rule.perPrefecture);
}

const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Applies the rule to the ranked candidates. The same candidates give the same cut whatever order
 * they come in: within a rank they are taken by key.
 */
export function applyCut(candidates: readonly Candidate[], rule: AdvancementRule): Cut {
  const u = unitWord(rule);
  const ranked = candidates.filter((c) => !c.absent && !c.withdrawn && c.rank !== null).sort(byRank);
  const left = candidates.length - ranked.length;
  const places = placesFor(rule, ranked.length);
  const explanation = [`参加排名 ${ranked.length} ${u}${left ? `（缺赛、退出或无成绩 ${left} ${u}不计）` : ''}。`];
  if (places !== null) explanation.push(`晋级名额 ${places} ${u}（${[rule.top !== null ? `前 ${rule.top} ${u}` : null, rule.topShareBp !== null ? `${ranked.length} × ${rule.topShareBp / 100}% 四舍五入为 ${divideHalfUp(ranked.length * rule.topShareBp, 10_000)}` : null].filter(Boolean).join('，取较小者：')}）。`);

  const low = rule.minTotal === null ? [] : ranked.filter((c) => (c.total ?? 0) < rule.minTotal!);
  if (low.length) explanation.push(`总分低于 ${formatScore(fromOrNull(rule.minTotal))} 的 ${low.length} ${u}不晋级。`);
  const pool = ranked.filter((c) => !low.includes(c));

  const groups: Candidate[][] = [];
  for (const c of pool) {
    const last = groups.at(-1);
    if (last && last[0].rank === c.rank) last.push(c);
    else groups.push([c]);
  }

  const advancing: Candidate[] = [];
  const capped = new Set<Candidate>();
  const schools = new Map<number, number>();
  const prefectures = new Map<number, number>();
  for (const group of groups) {
    if (places !== null && advancing.length >= places) break;
    // Caps first, within the tie by key: who of this rank could go at all.
    const s = new Map(schools);
    const p = new Map(prefectures);
    const allowed: Candidate[] = [];
    for (const c of group) {
      if (!capsAllow(rule, c, s, p)) {
        capped.add(c);
        explanation.push(`第 ${c.rank} 名 ${c.name}（${c.school}）：${rule.perSchool !== null && (s.get(c.schoolId) ?? 0) >= rule.perSchool ? `本校已有 ${rule.perSchool} ${u}晋级` : `${c.prefecture}已有 ${rule.perPrefecture} ${u}晋级`}，按名额上限不晋级。`);
        continue;
      }
      allowed.push(c);
      bump(s, c.schoolId);
      bump(p, c.prefectureId);
    }
    const room = places === null ? Infinity : places - advancing.length;
    if (allowed.length > room) {
      if (rule.tieAtCut === 'up') {
        explanation.push(`第 ${group[0].rank} 名有 ${allowed.length} ${u}并列，跨越名额界线，按规则一同晋级，多 ${allowed.length - room} ${u}。`);
        advancing.push(...allowed);
      } else {
        explanation.push(`第 ${group[0].rank} 名有 ${allowed.length} ${u}并列，跨越名额界线，按规则一同不晋级，少 ${room} ${u}。`);
      }
      break;
    }
    advancing.push(...allowed);
    for (const c of allowed) {
      bump(schools, c.schoolId);
      bump(prefectures, c.prefectureId);
    }
  }
  // Everyone ranked who did not go, capped ones too: a withdrawal may free their school's place.
  const chosen = new Set(advancing);
  const reserves = pool.filter((c) => !chosen.has(c));
  explanation.push(`晋级 ${advancing.length} ${u}${advancing.length ? `，至第 ${advancing.at(-1)!.rank} 名` : ''}。`);
  return { advancing, reserves, places, explanation };
}

/**
 * Who replaces a withdrawal after the cut: the first in line whom the caps let in beside those
 * still advancing. Null when nobody is left.
 */
export function nextInLine(advancing: readonly Candidate[], reserves: readonly Candidate[], rule: AdvancementRule): Candidate | null {
  const schools = new Map<number, number>();
  const prefectures = new Map<number, number>();
  for (const c of advancing) {
    bump(schools, c.schoolId);
    bump(prefectures, c.prefectureId);
  }
  return [...reserves].sort(byRank).find((c) => !c.withdrawn && !c.absent && capsAllow(rule, c, schools, prefectures)) ?? null;
}
