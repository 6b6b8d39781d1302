/**
 * Folds the WAL back into the database file from a worker thread, so that copying pages and the
 * fsync that follows never stall a request on the main thread. The main connection keeps only a
 * distant safety net (a WAL of ~80 MB) in case the worker stops.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './client.ts';

const WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.driver);
  const db = new Database(workerData.path);
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const timer = setInterval(() => {
    // PASSIVE: copies what no reader still needs, never waits for or blocks a writer.
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  }, workerData.everyMs);
  parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export function startCheckpointer(db: Db, path: string, everyMs = 1000): { stop(): Promise<void> } {
  if (path === ':memory:') return { stop: async () => {} };
  db.$client.pragma('wal_autocheckpoint = 20000');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, everyMs, driver } });
  worker.unref();
  return {
    stop() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      return exited;
    },
  };
}
