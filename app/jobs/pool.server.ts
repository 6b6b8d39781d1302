/**
 * The work threads (piscina): a certificate's PDF takes ~65 ms of CPU and a province's registration
 * workbook ~2 s, long enough to hold up every judge's mark if made on the requests' thread. An
 * in-memory database (tests) cannot be shared with a thread, so its workbooks are made here.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import Piscina from 'piscina';
import type { Db } from '#db/client.ts';
import type { Actor } from '#app/domain/roles.ts';
import { Refusal, type RefusalStatus } from '#app/domain/refusal.ts';
import { exportRegistrations, type ExportFilter, type ExportGrouping } from '#app/models/registration-xlsx.server.ts';
import type { JobProgress } from './progress.ts';
import type { CertificateTask, RegistrationsTask, TaskResult } from './worker.ts';

export type WorkPool = {
  certificatePdf(task: CertificateTask): Promise<Buffer>;
  registrationsWorkbook(db: Db, actor: Actor, filter: ExportFilter, groupBy: ExportGrouping, report?: (progress: JobProgress) => void): Promise<Buffer>;
  /** How many threads it may use. */
  readonly threads: number;
  /** Tasks the threads have finished: the tests' proof that the work left the requests' thread. */
  readonly completed: number;
  close(): Promise<void>;
};

function bytesOf(result: TaskResult): Buffer {
  if (!result.ok) throw new Refusal(result.status as RefusalStatus, result.code, result.params);
  return Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
}

/** Half the cores (at least one): the other half serve requests and the board engine. */
export function createWorkPool({ threads = Math.max(1, Math.floor(availableParallelism() / 2)) }: { threads?: number } = {}): WorkPool {
  const pool = new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A thread holds the 25 MB CJK font once it has made a certificate: let it go when idle.
    idleTimeout: 60_000,
  });
  return {
    threads,
    get completed() {
      return pool.completed;
    },
    async certificatePdf(task) {
      return bytesOf(await pool.run(task, { name: 'certificate' }));
    },
    async registrationsWorkbook(db, actor, filter, groupBy, report) {
      if (db.$client.memory) return exportRegistrations(db, actor, filter, groupBy, report);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (progress: JobProgress) => report?.(progress));
      try {
        const task: RegistrationsTask = { databasePath: db.$client.name, actor, filter, groupBy, port: port2 };
        return bytesOf(await pool.run(task, { name: 'registrations', transferList: [port2] }));
      } finally {
        port1.close();
      }
    },
    close: () => pool.destroy(),
  };
}
