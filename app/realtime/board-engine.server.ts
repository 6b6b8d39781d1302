/**
 * The board engine: keeps every event's live state in memory, follows the marks table (each new
 * mark updates its team's tally and re-ranks that event only), and turns what changed into
 * versioned boards and competition-overview deltas, stored in one short write before they are
 * pushed. It runs in the board worker (board-worker.ts), off the requests' thread; one per cluster.
 *
 * Coalescing: an event's first change goes out at once, later ones at most every `coalesceMs`; the
 * overview at most every `competitionCoalesceMs`, within `overviewBytes` a message.
 */
import type { Db } from '#db/client.ts';
import type { ChangeKind } from '#app/models/changes.server.ts';
import { boardKeys, patchEvents, shownContent, summaryPatch, type CompetitionBoard, type CompetitionDelta, type EventBoard, type SummaryPatch } from '#app/domain/scoreboard.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { lastMarkId, loadEventLive, marksAfter, type EventLive } from '#app/models/live-state.server.ts';
import { competitionName, eventBoardBody, medalTables, saveBoards, storedBoards, summaryOf, type Unversioned } from '#app/models/scoreboard.server.ts';


/** What goes out: a message for one room. */
export type Push = { room: string; name: 'board'; message: EventBoard } | { room: string; name: 'competition-delta'; message: CompetitionDelta };

export type EngineOptions = { coalesceMs?: number; competitionCoalesceMs?: number; overviewBytes?: number; clock?: () => number };

type Shown = { version: number; comparable: string };
type Overview = { board: CompetitionBoard; pending: Map<number, SummaryPatch>; medalsDirty: boolean; lastAt: number };


export class BoardEngine {
  private readonly lives = new Map<number, EventLive>();
  private readonly shown = new Map<string, Shown>();
  /** Events whose boards must be recomputed, and whether their state must be loaded again first. */
  private readonly dirty = new Map<number, ChangeKind>();
  private readonly lastPushAt = new Map<number, number>();
  /** Events whose boards change with time alone (freeze, reveal), and when. */
  private readonly timed = new Map<number, number>();
  private readonly overviews = new Map<number, Overview>();
  private markCursor: number;
  private marksPending = true;
  private readonly coalesceMs: number;
  private readonly competitionCoalesceMs: number;
  private readonly overviewBytes: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    options: EngineOptions = {},
  ) {
    this.coalesceMs = options.coalesceMs ?? 250;
    this.competitionCoalesceMs = options.competitionCoalesceMs ?? 1000;
    this.overviewBytes = options.overviewBytes ?? 7 * 1024;
    this.clock = options.clock ?? Date.now;
    for (const [key, { version, board }] of storedBoards(db)) {
      this.shown.set(key, { version, comparable: shownContent(board) });
      if (board.scope === 'competition') this.overviews.set(board.competitionId, { board, pending: new Map(), medalsDirty: true, lastAt: -Infinity });
    }
    this.markCursor = lastMarkId(db);
    // Boards start from the data as it is: every event of the current competition is loaded once.
    const competition = findCurrentCompetition(db);
    if (competition) {
      for (const { id } of db.$client.prepare('select id from events where competition_id = ? order by code').all(competition.id) as { id: number }[]) this.dirty.set(id, 'event');
    }
  }

  touch(eventId: number, kind: ChangeKind): void {
    if (kind === 'marks') this.marksPending = true;
    if (this.dirty.get(eventId) !== 'event') this.dirty.set(eventId, kind);
  }

  /** Does what is due now; returns what to push and when to run next (null: only when touched). */
  run(): { pushes: Push[]; wakeAt: number | null } {
    const now = this.clock();
    if (this.marksPending) this.followMarks();
    const due = [...this.dirty].filter(([eventId]) => now - (this.lastPushAt.get(eventId) ?? -Infinity) >= this.coalesceMs);
    for (const [eventId, at] of this.timed) if (at <= now && !this.dirty.has(eventId)) due.push([eventId, 'event']);
    const pushes = this.computeEvents(due, now);
    pushes.push(...this.computeOverviews(now));
    return { pushes, wakeAt: this.nextWake(now) };
  }

  /** Applies every mark entered since the last look to the tallies of loaded events. */
  private followMarks() {
    this.marksPending = false;
    for (;;) {
      const batch = marksAfter(this.db, this.markCursor);
      for (const mark of batch) {
        const live = this.lives.get(mark.eventId);
        if (!live) {
          if (this.dirty.get(mark.eventId) !== 'event') this.dirty.set(mark.eventId, 'event');
        } else if (live.tally?.apply(mark)) {
          if (!this.dirty.has(mark.eventId)) this.dirty.set(mark.eventId, 'marks');
        }
        this.markCursor = mark.id;
      }
      if (batch.length < 5000) break;
    }
  }

  private computeEvents(due: [number, ChangeKind][], now: number): Push[] {
    const date = new Date(now);
    const items: { key: string; body: Unversioned<EventBoard>; known: number }[] = [];
    for (const [eventId, kind] of due) {
      this.dirty.delete(eventId);
      this.timed.delete(eventId);
      let live = this.lives.get(eventId);
      if (!live || kind === 'event') {
        try {
          live = loadEventLive(this.db, eventId, date);
        } catch (error) {
          if (error instanceof ModelError) continue;
          throw error;
        }
        this.lives.set(eventId, live);
        const overview = this.overviews.get(live.event.competitionId);
        if (overview) overview.medalsDirty = true;
      }
      live.marksThrough = Math.max(live.marksThrough, this.markCursor);
      let next: Date | null = null;
      for (const audience of ['public', 'staff'] as const) {
        const { body, nextChangeAt } = eventBoardBody(live, audience, date);
        if (nextChangeAt && (!next || nextChangeAt < next)) next = nextChangeAt;
        if (audience === 'public') this.noteSummary(live.event.competitionId, body);
        const key = boardKeys.event(eventId, audience);
        const seen = shownContent(body);
        const shown = this.shown.get(key);
        if (shown?.comparable === seen) continue;
        items.push({ key, body, known: shown?.version ?? 0 });
        this.shown.set(key, { version: shown?.version ?? 0, comparable: seen });
      }
      if (next) this.timed.set(eventId, next.getTime() + 5);
    }
    if (items.length === 0) return [];
    const boards = saveBoards<EventBoard>(this.db, items, date);
    const pushes: Push[] = [];
    for (const board of boards) {
      const key = boardKeys.event(board.eventId, board.audience);
      this.shown.get(key)!.version = board.version;
      this.lastPushAt.set(board.eventId, now);
      pushes.push({ room: key, name: 'board', message: board });
    }
    return pushes;
  }

  /** Keeps what changed in an event's line of its competition's overview, for the next delta. */
  private noteSummary(competitionId: number, board: Unversioned<EventBoard>) {
    const overview = this.overviewOf(competitionId);
    // The patch is always taken against what viewers hold (the last overview sent), never merged
    // with an earlier pending one: a change that is undone before it is sent is then not sent at all.
    const before = overview.board.events.find((e) => e.eventId === board.eventId);
    const patch = summaryPatch(before, summaryOf(board));
    if (patch) overview.pending.set(board.eventId, patch);
    else overview.pending.delete(board.eventId);
  }

  private overviewOf(competitionId: number): Overview {
    let overview = this.overviews.get(competitionId);
    if (!overview) {
      const board: CompetitionBoard = { scope: 'competition', competitionId, name: competitionName(this.db, competitionId), version: 0, events: [], medals: { bySchool: [], byPrefecture: [] }, at: 0 };
      this.overviews.set(competitionId, (overview = { board, pending: new Map(), medalsDirty: true, lastAt: -Infinity }));
    }
    return overview;
  }

  private computeOverviews(now: number): Push[] {
    const pushes: Push[] = [];
    for (const [competitionId, overview] of this.overviews) {
      if (overview.pending.size === 0 && !overview.medalsDirty) continue;
      if (now - overview.lastAt < this.competitionCoalesceMs) continue;
      const medals = overview.medalsDirty ? medalTables(this.db, competitionId) : overview.board.medals;
      overview.medalsDirty = false;
      const medalsChanged = JSON.stringify(medals) !== JSON.stringify(overview.board.medals);
      if (overview.pending.size === 0 && !medalsChanged) continue;
      const events = this.takeWithinBudget(overview.pending);
      const { version: known, ...board } = overview.board;
      const key = boardKeys.competition(competitionId);
      const [stored] = saveBoards<CompetitionBoard>(this.db, [{ key, body: { ...board, events: patchEvents(board.events, events), medals, at: now }, known }], new Date(now));
      const delta: CompetitionDelta = { scope: 'competition-delta', competitionId, from: overview.board.version, version: stored.version, events, ...(medalsChanged ? { medals } : {}), at: now };
      overview.board = stored;
      overview.lastAt = now;
      this.shown.set(key, { version: stored.version, comparable: shownContent(stored) });
      pushes.push({ room: key, name: 'competition-delta', message: delta });
    }
    return pushes;
  }

  /**
   * The oldest pending patches that fit the overview's budget per message (always at least one);
   * the rest wait for the next message. A phone on slow 3G follows 200 events marking at once at a
   * few KiB a second, and an event's line is then a few seconds behind its own live board.
   */
  private takeWithinBudget(pending: Map<number, SummaryPatch>): SummaryPatch[] {
    const taken: SummaryPatch[] = [];
    let bytes = 0;
    for (const [eventId, patch] of pending) {
      bytes += JSON.stringify(patch).length;
      if (taken.length > 0 && bytes > this.overviewBytes) break;
      taken.push(patch);
      pending.delete(eventId);
    }
    return taken;
  }

  private nextWake(now: number): number | null {
    let wake = Infinity;
    for (const eventId of this.dirty.keys()) wake = Math.min(wake, (this.lastPushAt.get(eventId) ?? -Infinity) + this.coalesceMs);
    for (const at of this.timed.values()) wake = Math.min(wake, at);
    for (const overview of this.overviews.values()) {
      if (overview.pending.size || overview.medalsDirty) wake = Math.min(wake, overview.lastAt + this.competitionCoalesceMs);
    }
    return wake === Infinity ? null : Math.max(wake, now);
  }
}

