/**
 * What runs on the work threads: the CPU-heavy halves of long work (a certificate's PDF, a large
 * workbook), so that the requests' thread — judges' marks, live boards — never waits behind them.
 * A workbook task reads through the thread's own connection to the same database file.
 */
import type { MessagePort } from 'node:worker_threads';
import { openDatabase, type Db } from '#db/client.ts';
import type { Actor } from '#app/domain/roles.ts';
import { certificatePdf } from '#app/models/certificate-pdf.server.ts';
import type { VerifiedCertificate } from '#app/models/certificate.server.ts';
import { exportRegistrations, type ExportGrouping, type ExportFilter } from '#app/models/registration-xlsx.server.ts';
import { Refusal } from '#app/domain/refusal.ts';
import type { JobProgress } from './progress.ts';

const connections = new Map<string, Db>();
const database = (path: string) => connections.get(path) ?? connections.set(path, openDatabase(path)).get(path)!;

/** A refusal crosses the thread as plain data (an Error's class does not survive the copy). */
export type TaskResult = { ok: true; bytes: Uint8Array } | { ok: false; status: number; code: string; params?: Record<string, string | number> };

async function settle(work: () => Promise<Buffer>): Promise<TaskResult> {
  try {
    return { ok: true, bytes: new Uint8Array(await work()) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, status: error.status, code: error.code, params: error.params };
    throw error;
  }
}

export type CertificateTask = { cert: VerifiedCertificate; verifyUrl: string; font?: string };

export function certificate({ cert, verifyUrl, font }: CertificateTask): Promise<TaskResult> {
  return settle(() => certificatePdf(cert, verifyUrl, font));
}

export type RegistrationsTask = { databasePath: string; actor: Actor; filter: ExportFilter; groupBy: ExportGrouping; port?: MessagePort };

export async function registrations({ databasePath, actor, filter, groupBy, port }: RegistrationsTask): Promise<TaskResult> {
  try {
    return await settle(() => exportRegistrations(database(databasePath), actor, filter, groupBy, (progress: JobProgress) => port?.postMessage(progress)));
  } finally {
    port?.close();
  }
}
