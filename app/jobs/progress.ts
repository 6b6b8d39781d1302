/** How far a long piece of work has come, as the page shows it (shared by the server and the browser). */

/** The steps long work goes through; each has its words under `jobs.stage.*`. */
export const JOB_STAGES = ['upload', 'read', 'check', 'accounts', 'write', 'certificates', 'rows', 'file'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export type JobProgress = { stage: JobStage; done: number; total: number };

/** What `GET /api/v1/jobs/:id` answers. A finished job carries the answer its page would have had. */
export type JobStatus =
  | { state: 'running'; progress: JobProgress | null }
  | { state: 'done'; status: number; body: unknown }
  | { state: 'file'; href: string; name: string }
  | { state: 'failed'; message: string };

/** Whole percent, never 100 before the work is done. */
export function percentOf(progress: JobProgress | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(99, Math.floor((progress.done * 100) / progress.total));
}
