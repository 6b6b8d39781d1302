/**
 * The `/live` namespace: viewers subscribe to an event's board or the competition's overview and
 * get a snapshot in the acknowledgement; then every change, computed once in the whole cluster by
 * the board engine (in its worker thread) and pushed to the board's room: event boards whole, the
 * overview as deltas.
 *
 * With Redis, one process leads (a lock renewed every few seconds) and runs the engine; the others
 * forward their changes to it. The leader's pushes reach every process's viewers through the adapter.
 */
import { Worker } from 'node:worker_threads';
import type { Namespace, Server } from 'socket.io';
import type { Db } from '#db/client.ts';
import type { Actor } from '#app/domain/roles.ts';
import type { CompetitionDelta } from '#app/domain/scoreboard.ts';
import { onEventChanged } from '#app/models/changes.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { canWatchStaffBoard, getCompetitionBoard, getEventBoard } from '#app/models/scoreboard.server.ts';
import type { RedisClient } from '#app/redis.server.ts';
import type { ChangeKind } from '#app/models/changes.server.ts';
import { BoardEngine, type EngineOptions, type Push } from './board-engine.server.ts';
import { hostEngine, type FromWorker, type ToWorker, type WorkerData } from './board-worker.ts';
import { leadership, type Leadership } from './leadership.server.ts';
import { rooms, subscribeRequest, type Board, type SubscribeAck } from './messages.ts';

export type LiveOptions = {
  db: Db;
  io: Server;
  /** The account behind a socket's cookie header, for the staff boards. */
  actorOf: (cookieHeader: string | undefined) => Promise<Actor | null>;
  coalesceMs?: number;
  competitionCoalesceMs?: number;
  /** Set when several processes share their viewers (the Redis adapter): one of them computes the boards. */
  redis?: RedisClient;
  log?: (line: string) => void;
};

export type PublicChange = Board | CompetitionDelta;

export type LiveHub = {
  /** Every public change, as it is pushed: the NDJSON feed listens here. */
  onPublicChange(listener: (change: PublicChange) => void): () => void;
  close(): Promise<void>;
};

/** Where the engine runs: a worker thread on a database file; this thread for an in-memory database (tests). */
type EngineHost = { touch(eventId: number, kind: ChangeKind): void; close(): Promise<void> };

function startEngine(db: Db, options: EngineOptions, deliver: (message: FromWorker) => void): EngineHost {
  const databasePath = db.$client.name;
  if (db.$client.memory) {
    const host = hostEngine(new BoardEngine(db, options), deliver);
    return { touch: (eventId, kind) => host.receive({ type: 'touch', eventId, kind }), close: async () => host.receive({ type: 'close' }) };
  }
  // The worker's source is TypeScript: a worker does not inherit `--import tsx`, so it registers tsx itself.
  const tsx = import.meta.resolve?.('tsx/esm/api') ?? 'tsx/esm/api';
  const entry = new URL('./board-worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData: { databasePath, options } satisfies WorkerData,
  });
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ type: 'error', message: error.message }));
  const send = (message: ToWorker) => worker.postMessage(message);
  return {
    touch: (eventId, kind) => send({ type: 'touch', eventId, kind }),
    async close() {
      send({ type: 'close' });
      await worker.terminate();
    },
  };
}

export function attachLive({ db, io, actorOf, coalesceMs = 250, competitionCoalesceMs = 1000, redis, log = console.error }: LiveOptions): LiveHub {
  const live: Namespace = io.of('/live');
  const publicListeners = new Set<(change: PublicChange) => void>();
  let engine: EngineHost | null = null;

  const publishPublic = (change: PublicChange, fromPeer = false) => {
    publicListeners.forEach((listener) => listener(change));
    if (redis && !fromPeer) live.serverSideEmit('public-change', change);
  };
  if (redis) live.on('public-change', (change: PublicChange) => publishPublic(change, true));

  const deliver = (message: FromWorker) => {
    if (message.type === 'error') return log(`直播榜刷新失败 (live board refresh failed): ${message.message}`);
    if (message.type !== 'pushes') return;
    for (const push of message.pushes) {
      // Serialised once per room by socket.io, whatever the number of viewers in it.
      live.to(push.room).emit(push.name, push.message);
      if (isPublic(push)) publishPublic(push.message);
    }
  };
  const lead = () => (engine ??= startEngine(db, { coalesceMs, competitionCoalesceMs }, deliver));
  const follow = async () => {
    const stopping = engine;
    engine = null;
    await stopping?.close();
  };

  let leader: Leadership | null = null;
  if (redis) {
    leader = leadership(redis, 'chuyi:live:leader', { onLead: lead, onFollow: () => void follow(), log });
    live.on('touch', (eventId: number, kind: ChangeKind) => engine?.touch(eventId, kind));
  } else {
    lead();
  }

  const touch = (eventId: number, kind: ChangeKind) => {
    if (engine) engine.touch(eventId, kind);
    else live.serverSideEmit('touch', eventId, kind);
  };
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

  return {
    onPublicChange(listener) {
      publicListeners.add(listener);
      return () => publicListeners.delete(listener);
    },
    async close() {
      stopListening();
      await leader?.stop();
      await follow();
    },
  };
}

function isPublic(push: Push): boolean {
  return push.name === 'competition-delta' || push.message.audience === 'public';
}
