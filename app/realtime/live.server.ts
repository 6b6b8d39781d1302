/**
 * The `/live` namespace: viewers subscribe to an event's board or the competition's and get a
 * snapshot in the acknowledgement; every change is computed once and pushed to the board's room.
 * Under a burst of marks an event's pushes are coalesced: the first change goes out at once, later
 * ones at most every `coalesceMs`.
 */
import type { Namespace, Server } from 'socket.io';
import type { Db } from '#db/client.ts';
import type { Actor } from '#app/domain/roles.ts';
import { onEventChanged } from '#app/models/changes.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { canWatchStaffBoard, getCompetitionBoard, getEventBoard, refreshCompetitionBoard, refreshEventBoards } from '#app/models/scoreboard.server.ts';
import { rooms, subscribeRequest, type Board, type SubscribeAck } from './messages.ts';

export type LiveOptions = {
  db: Db;
  io: Server;
  /** The account behind a socket's cookie header, for the staff boards. */
  actorOf: (cookieHeader: string | undefined) => Promise<Actor | null>;
  coalesceMs?: number;
  competitionCoalesceMs?: number;
  /** Set when several processes share their viewers (the Redis adapter): the feed follows them too. */
  clustered?: boolean;
};

export type LiveHub = {
  /** Recompute an event's boards soon (coalesced) and push what changed. */
  touch(eventId: number): void;
  /** Every public change, as it is pushed: the NDJSON feed listens here. */
  onPublicChange(listener: (board: Board) => void): () => void;
  close(): void;
};

/** Timers beyond this are re-armed rather than set: setTimeout overflows after 24.8 days. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

export function attachLive({ db, io, actorOf, coalesceMs = 250, competitionCoalesceMs = 1000, clustered = false }: LiveOptions): LiveHub {
  const live: Namespace = io.of('/live');
  const publicListeners = new Set<(board: Board) => void>();
  const pending = new Map<string, { lastAt: number; scheduled: boolean }>();
  const wakeUps = new Map<number, NodeJS.Timeout>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const publishPublic = (board: Board, fromPeer = false) => {
    publicListeners.forEach((listener) => listener(board));
    if (clustered && !fromPeer) live.serverSideEmit('public-change', board);
  };
  if (clustered) live.on('public-change', (board: Board) => publishPublic(board, true));

  // Board work gets at most this share of the process's time, so that a burst of marks on many
  // events at once slows the boards down rather than the judges' marks (measured: at a tenth, the
  // marks' p99 under 500 marks/s on ten events doubled). A venue's usual pace never reaches it.
  const BOARD_SHARE = 0.05;
  const MAX_PAUSE_MS = 200;
  let busyUntil = 0;

  /**
   * Runs `work` now if the key's last run is `gap` ms old, else once when it is; never twice in a
   * row, and never before the boards' share of time allows.
   */
  function coalesce(key: string, gap: number, work: () => void) {
    const state = pending.get(key) ?? { lastAt: -Infinity, scheduled: false };
    pending.set(key, state);
    if (state.scheduled || closed) return;
    state.scheduled = true;
    const schedule = (wait: number) => {
      if (wait <= 0) return void setImmediate(run);
      const timer = setTimeout(() => (timers.delete(timer), run()), wait);
      timers.add(timer);
    };
    const run = () => {
      if (closed) return;
      const now = Date.now();
      if (now < busyUntil) return schedule(busyUntil - now);
      state.scheduled = false;
      state.lastAt = now;
      const started = performance.now();
      try {
        work();
      } catch (error) {
        // A board that fails to refresh (a locked database, say) must not take the server down;
        // the next change tries again.
        console.error(`直播榜刷新失败 (live board refresh failed): ${key}`, error);
      }
      // The pause is capped: on a machine short of CPU every refresh looks slow, and boards must
      // still follow the marks within a fraction of a second.
      busyUntil = Date.now() + Math.min(MAX_PAUSE_MS, (performance.now() - started) * (1 / BOARD_SHARE - 1));
    };
    schedule(Math.max(state.lastAt + gap, busyUntil) - Date.now());
  }

  function refreshEvent(eventId: number) {
    let refresh;
    try {
      refresh = refreshEventBoards(db, eventId);
    } catch (error) {
      if (error instanceof ModelError) return;
      throw error;
    }
    for (const board of refresh.changed) {
      live.to(rooms.event(eventId, board.audience)).emit('board', board);
      if (board.audience === 'public') publishPublic(board);
    }
    if (refresh.changed.some((b) => b.audience === 'public')) touchCompetition(refresh.competitionId);
    wakeAt(eventId, refresh.nextChangeAt);
  }

  /** A board changes with time alone at the freeze and during the reveal: wake up then. */
  function wakeAt(eventId: number, at: Date | null) {
    clearTimeout(wakeUps.get(eventId));
    wakeUps.delete(eventId);
    if (!at || closed) return;
    const wait = Math.max(0, at.getTime() - Date.now()) + 5;
    wakeUps.set(eventId, setTimeout(() => (wait > LONGEST_WAIT_MS ? refreshEvent(eventId) : touch(eventId)), Math.min(wait, LONGEST_WAIT_MS)));
  }

  function touchCompetition(competitionId: number) {
    coalesce(`competition:${competitionId}`, competitionCoalesceMs, () => {
      const { board, changed } = refreshCompetitionBoard(db, competitionId);
      if (!changed) return;
      live.to(rooms.competition(competitionId)).emit('competition', board);
      publishPublic(board);
    });
  }

  function touch(eventId: number) {
    coalesce(`event:${eventId}`, coalesceMs, () => refreshEvent(eventId));
  }

  const stopListening = onEventChanged(db, touch);

  live.on('connection', (socket) => {
    socket.on('subscribe', async (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: SubscribeAck) => void) : () => {};
      const parsed = subscribeRequest.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: { code: 'invalid_input', message: '订阅请求无效 (invalid subscription)' } });
      const request = parsed.data;
      try {
        let room: string;
        let read: () => Board;
        if (request.scope === 'event') {
          const audience = request.audience ?? 'public';
          if (audience === 'staff' && !canWatchStaffBoard(await actorOf(socket.handshake.headers.cookie), request.eventId)) {
            return reply({ ok: false, error: { code: 'forbidden', message: '无权查看该榜单 (not allowed)' } });
          }
          room = rooms.event(request.eventId, audience);
          read = () => getEventBoard(db, request.eventId, audience);
        } else {
          const competition = findCurrentCompetition(db);
          if (!competition) return reply({ ok: false, error: { code: 'competition_not_found', message: '当前没有竞赛 (no current competition)' } });
          room = rooms.competition(competition.id);
          read = () => getCompetitionBoard(db, competition.id);
        }
        // Join before reading: a change made in between is then pushed, never missed.
        await socket.join(room);
        const board = read();
        reply({ ok: true, version: board.version, snapshot: request.since === board.version ? null : board });
      } catch (error) {
        if (error instanceof ModelError) return reply({ ok: false, error: { code: error.code, message: '榜单不存在 (no such board)' } });
        throw error;
      }
    });
    socket.on('unsubscribe', (raw: unknown) => {
      const parsed = subscribeRequest.safeParse(raw);
      if (!parsed.success) return;
      const request = parsed.data;
      if (request.scope === 'event') void socket.leave(rooms.event(request.eventId, request.audience ?? 'public'));
      else {
        const competition = findCurrentCompetition(db);
        if (competition) void socket.leave(rooms.competition(competition.id));
      }
    });
  });

  // Boards start from the data as it is, and timed changes (freeze, reveal) are armed.
  const competition = findCurrentCompetition(db);
  if (competition) {
    const ids = (db.$client.prepare('select id from events where competition_id = ? order by id').all(competition.id) as { id: number }[]).map((r) => r.id);
    const warm = (i: number) => {
      if (closed || i >= ids.length) return;
      refreshEvent(ids[i]);
      setImmediate(() => warm(i + 1));
    };
    setImmediate(() => warm(0));
  }

  return {
    touch,
    onPublicChange(listener) {
      publicListeners.add(listener);
      return () => publicListeners.delete(listener);
    },
    close() {
      closed = true;
      stopListening();
      timers.forEach(clearTimeout);
      wakeUps.forEach(clearTimeout);
    },
  };
}

