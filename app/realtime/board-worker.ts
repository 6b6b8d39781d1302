/**
 * The board worker: a thread with its own database connection that runs the board engine, so that
 * computing boards never holds up a judge's mark on the requests' thread. It takes touches and
 * sends back what to push.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '#db/client.ts';
import type { ChangeKind } from '#app/models/changes.server.ts';
import { BoardEngine, type EngineOptions, type Push } from './board-engine.server.ts';

export type ToWorker = { type: 'touch'; eventId: number; kind: ChangeKind } | { type: 'close' };
export type FromWorker = { type: 'pushes'; pushes: Push[] } | { type: 'ready' } | { type: 'error'; message: string };
export type WorkerData = { databasePath: string; options: Omit<EngineOptions, 'clock'> };

/** Runs the engine on `send`'s side of a channel: touches in, pushes out, its own timers. */
export function hostEngine(engine: BoardEngine, send: (message: FromWorker) => void) {
  let timer: NodeJS.Timeout | undefined;
  let soon = false;
  let closed = false;
  const pump = () => {
    soon = false;
    clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    let wakeAt: number | null;
    try {
      const result = engine.run();
      if (result.pushes.length) send({ type: 'pushes', pushes: result.pushes });
      wakeAt = result.wakeAt;
    } catch (error) {
      // A locked or busy database must not stop the boards: the work stays due and is tried again.
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      wakeAt = Date.now() + 100;
    }
    // Capped: a timer set beyond 24.8 days fires at once; a wake-up an hour early only looks again.
    if (wakeAt !== null) timer = setTimeout(pump, Math.min(3_600_000, Math.max(0, wakeAt - Date.now())));
  };
  const runSoon = () => {
    if (soon || closed) return;
    soon = true;
    setImmediate(pump);
  };
  runSoon();
  return {
    receive(message: ToWorker) {
      if (message.type === 'touch') {
        engine.touch(message.eventId, message.kind);
        runSoon();
      } else {
        closed = true;
        clearTimeout(timer);
      }
    },
  };
}

if (parentPort && (workerData as WorkerData | undefined)?.databasePath) {
  const port = parentPort;
  const { databasePath, options } = workerData as WorkerData;
  const db = openDatabase(databasePath);
  const host = hostEngine(new BoardEngine(db, options), (message) => port.postMessage(message));
  port.on('message', (message: ToWorker) => {
    host.receive(message);
    if (message.type === 'close') {
      closeDatabase(db);
      port.close();
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
