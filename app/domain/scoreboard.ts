/**
 * What a live board shows: the event's live mode, the freeze (封榜), decryption and publication
 * decide which standings and which names reach the public and the staff. Pure: no I/O, no clock.
 */
export const LIVE_MODES = ['named', 'anonymous', 'hidden'] as const;
export type LiveMode = (typeof LIVE_MODES)[number];
export type Audience = 'public' | 'staff';
import type { Stage } from './stage.ts';
import type { AwardTier } from './awards.ts';
import type { EventStatus } from './event-lifecycle.ts';
export type { AwardTier };

/** One team's standing, with everything the board might show; `publicView` decides what it does. */
export type Standing = {
  teamId: number;
  workCode: string | null;
  team: string;
  school: string;
  prefecture: string;
  total: number | null;
  rank: number | null;
  /** Some criteria still lack a mark: the total is provisional. */
  partial: boolean;
  award: AwardTier | null;
};

export type BoardRow = {
  /** Stable within an event, and never a database id: the work code, or the team's place in the draw. */
  key: string;
  rank: number | null;
  workCode: string | null;
  team: string | null;
  school: string | null;
  prefecture: string | null;
  total: number | null;
  /** Ranked on some criteria only (a judge's sheet part-way); a row with no mark has rank and total null (未评分). */
  partial: boolean;
  award: AwardTier | null;
};

export type Progress = { teams: number; absent: number; marked: number; expected: number };

export type BoardState = {
  mode: LiveMode;
  /** The time the public board freezes at, if any. */
  freezeAt: Date | null;
  decryptedAt: Date | null;
  published: boolean;
  /** Live standings, best first. */
  live: Standing[];
  /** Standings from the marks entered before the freeze (only needed while frozen). */
  atFreeze: Standing[] | null;
  progress: Progress;
};

/** One event's board as one audience sees it; every change is a new, higher version. */
export type EventBoard = {
  scope: 'event';
  eventId: number;
  code: string;
  name: string;
  division: string;
  status: EventStatus;
  mode: LiveMode;
  frozen: boolean;
  published: boolean;
  progress: Progress;
  audience: Audience;
  version: number;
  decrypted: boolean;
  revealed: number;
  rows: BoardRow[];
  /** A final's stage (路演 · 答辩): who presents, which part, since when and for how long; null otherwise. */
  stage: Stage | null;
  /** The newest mark (by its number) this board has taken into account: a judge's mark is on it once `through` reaches the mark's id. */
  through: number;
  at: number;
};

export type MedalRow = MedalCount & { place: number };

/** Every event of the competition: status, progress and leaders; medal tables once results are published. */
export type CompetitionBoard = {
  scope: 'competition';
  competitionId: number;
  name: string;
  version: number;
  events: (Pick<EventBoard, 'eventId' | 'code' | 'name' | 'division' | 'status' | 'mode' | 'frozen' | 'published' | 'progress'> & { leaders: LeaderRow[] })[];
  medals: { bySchool: MedalRow[]; byPrefecture: MedalRow[] };
  at: number;
};
export type Board = EventBoard | CompetitionBoard;

export type EventSummary = CompetitionBoard['events'][number];

/**
 * What a viewer sees of a board, as text to compare: everything but its version, the time it was
 * computed and the newest mark it counted, which change without anything shown changing.
 */
export const shownContent = (board: object): string => JSON.stringify({ ...board, at: 0, version: 0, through: 0 });

/**
 * What changed in the competition overview since version `from`: for each event that changed, its
 * id and only the fields that changed (a new event comes whole); the medal tables when they changed.
 * Applied in order to the snapshot of version `from`, it gives the snapshot of `version`.
 */
export type SummaryPatch = Omit<Partial<EventSummary>, 'progress'> & { eventId: number; progress?: Partial<Progress> };

export type CompetitionDelta = {
  scope: 'competition-delta';
  competitionId: number;
  from: number;
  version: number;
  events: SummaryPatch[];
  medals?: CompetitionBoard['medals'];
  at: number;
};

/**
 * Whether a message from the server is a board of this kind: its scope, a numeric version, and
 * the parts the browser reads before rendering. (The server's messages are checked against their
 * full schemas in the tests.)
 */
export function isBoardMessage<S extends Board['scope'] | 'competition-delta'>(raw: unknown, scope: S): raw is Extract<Board | CompetitionDelta, { scope: S }> {
  if (typeof raw !== 'object' || raw === null) return false;
  const m = raw as Record<string, unknown>;
  if (m.scope !== scope || typeof m.version !== 'number') return false;
  if (scope === 'event') return typeof m.eventId === 'number' && Array.isArray(m.rows) && typeof m.progress === 'object';
  if (scope === 'competition') return typeof m.competitionId === 'number' && Array.isArray(m.events) && typeof m.medals === 'object';
  return typeof m.competitionId === 'number' && typeof m.from === 'number' && Array.isArray(m.events);
}

/**
 * The fields of an event's summary that differ from `before` (all of them for a new event), and of
 * its progress only the counts that changed; null when nothing did.
 */
export function summaryPatch(before: EventSummary | undefined, after: EventSummary): SummaryPatch | null {
  if (!before) return after;
  const patch: SummaryPatch = { eventId: after.eventId };
  let changed = false;
  for (const key of Object.keys(after) as (keyof EventSummary)[]) {
    if (key === 'progress') {
      const counts = (Object.keys(after.progress) as (keyof Progress)[]).filter((k) => before.progress[k] !== after.progress[k]);
      if (counts.length) patch.progress = Object.fromEntries(counts.map((k) => [k, after.progress[k]]));
      changed ||= counts.length > 0;
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (patch as Record<string, unknown>)[key] = after[key];
      changed = true;
    }
  }
  return changed ? patch : null;
}



/** The overview's events with these patches applied, in code order (a patch for an unknown event is a new event). */
export function patchEvents(events: readonly EventSummary[], patches: readonly SummaryPatch[]): EventSummary[] {
  const next = [...events];
  for (const patch of patches) {
    const i = next.findIndex((e) => e.eventId === patch.eventId);
    if (i >= 0) next[i] = { ...next[i], ...patch, progress: { ...next[i].progress, ...patch.progress } };
    // A new event comes whole; part of an event not held (a viewer following some events only) is left out.
    else if (patch.code !== undefined) next.push(patch as EventSummary);
  }
  return next.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.eventId - b.eventId));
}

/** The overview after a delta; null when the delta does not follow the version held (the viewer must resync). */
export function applyCompetitionDelta(board: CompetitionBoard, delta: CompetitionDelta): CompetitionBoard | null {
  if (delta.competitionId !== board.competitionId || delta.from !== board.version) return null;
  return { ...board, events: patchEvents(board.events, delta.events), medals: delta.medals ?? board.medals, version: delta.version, at: delta.at };
}

/** Where each board is kept and pushed: one name per board, so a change reaches exactly its viewers. */
export const boardKeys = {
  event: (eventId: number, audience: Audience) => `event:${eventId}:${audience}`,
  competition: (competitionId: number) => `competition:${competitionId}`,
};

export type BoardView = { frozen: boolean; revealed: number; rows: BoardRow[]; nextChangeAt: Date | null };

/** After decryption, an anonymous board reveals one name at a time, from the bottom up. */
export const REVEAL_STEP_MS = 3000;

export function isFrozen(state: Pick<BoardState, 'freezeAt' | 'published'>, now: Date): boolean {
  return state.freezeAt !== null && now >= state.freezeAt && !state.published;
}

/** An event whose scheme has judgement criteria can never show names live: a judge could match totals to teams. */
export function allowedModes(hasJudgementCriteria: boolean): readonly LiveMode[] {
  return hasJudgementCriteria ? LIVE_MODES.filter((m) => m !== 'named') : LIVE_MODES;
}

/** How many names of an anonymous board are shown `now`: none before decryption, all once published. */
export function revealedCount(state: Pick<BoardState, 'mode' | 'decryptedAt' | 'published'>, teams: number, now: Date): number {
  if (state.published || state.mode === 'named') return teams;
  if (state.mode === 'hidden' || !state.decryptedAt) return 0;
  const steps = Math.floor((now.getTime() - state.decryptedAt.getTime()) / REVEAL_STEP_MS) + 1;
  return Math.max(0, Math.min(teams, steps));
}

/** The board one audience sees now, and when it next changes without a new mark (freeze, reveal). */
export function boardView(state: BoardState, audience: Audience, now: Date): BoardView {
  const frozen = audience === 'public' && isFrozen(state, now);
  const standings = frozen ? (state.atFreeze ?? []) : state.live;
  const hidden = audience === 'public' && state.mode === 'hidden' && !state.published;
  const revealed = revealedCount(state, standings.length, now);
  const firstNamed = standings.length - revealed;
  const rows: BoardRow[] = hidden
    ? []
    : standings.map((s, i) => {
        const named = i >= firstNamed;
        return {
          key: s.workCode ?? `t${i + 1}`,
          rank: s.rank,
          workCode: s.workCode,
          team: named ? s.team : null,
          school: named ? s.school : null,
          prefecture: named ? s.prefecture : null,
          total: s.total,
          partial: s.partial,
          award: state.published ? s.award : null,
        };
      });
  const pending: Date[] = [];
  if (audience === 'public' && state.freezeAt && now < state.freezeAt && !state.published) pending.push(state.freezeAt);
  if (state.mode === 'anonymous' && state.decryptedAt && !state.published && revealed < standings.length) {
    pending.push(new Date(state.decryptedAt.getTime() + revealed * REVEAL_STEP_MS));
  }
  const nextChangeAt = pending.length ? new Date(Math.min(...pending.map((d) => d.getTime()))) : null;
  return { frozen, revealed, rows, nextChangeAt };
}

/** A leader in the competition overview: only what its line shows, so that a phone can follow 200 events. */
export type LeaderRow = Pick<BoardRow, 'rank' | 'total' | 'workCode' | 'school'>;

/** The few best rows of a board, for the competition overview. */
export function leaders(rows: readonly BoardRow[], count = 3): LeaderRow[] {
  return rows.filter((r) => r.rank !== null && r.rank <= count).map((r) => ({ rank: r.rank, total: r.total, workCode: r.workCode, school: r.school }));
}

export type MedalCount = { name: string; first: number; second: number; third: number; total: number };

/** The medal table: first prizes, then second, then third decide the order; equal counts share a place. */
export function medalTable(awards: readonly { group: string; tier: AwardTier }[]): (MedalCount & { place: number })[] {
  const byGroup = new Map<string, MedalCount>();
  for (const a of awards) {
    // The medal table counts the three prizes; 优秀奖 is not a medal.
    if (a.tier === 'merit') continue;
    const row = byGroup.get(a.group) ?? { name: a.group, first: 0, second: 0, third: 0, total: 0 };
    row[a.tier]++;
    row.total++;
    byGroup.set(a.group, row);
  }
  const key = (m: MedalCount) => [m.first, m.second, m.third] as const;
  const sorted = [...byGroup.values()].sort((a, b) => b.first - a.first || b.second - a.second || b.third - a.third || a.name.localeCompare(b.name, 'zh-CN'));
  return sorted.map((m, i) => {
    let place = i + 1;
    for (let j = i - 1; j >= 0 && key(sorted[j]).every((v, k) => v === key(m)[k]); j--) place = j + 1;
    return { ...m, place };
  });
}
