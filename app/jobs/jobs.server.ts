/**
 * Long work a page waits for (an import, a zip of certificates, an export): started by one request,
 * followed by the page through `GET /jobs/:id`, its file fetched once ready. Jobs live in this
 * process's memory for a few minutes after they finish; only the account that started one sees it.
 */
import { randomUUID } from 'node:crypto';
import { ModelError } from '#app/models/errors.ts';
import type { JobProgress, JobStatus } from './progress.ts';

export type JobReport = (progress: JobProgress) => void;

/** A file a job made: its bytes and the names `xlsxResponse`/`zipResponse` would give it. */
export type JobFile = { bytes: Uint8Array; name: string; ascii: string; type: string };

/** What a job ends with: the JSON answer its page would have had, or a file. */
export type JobOutcome = { status: number; body: unknown } | { file: JobFile };

type Job = { owner: number; status: JobStatus; file?: JobFile; progress: JobProgress | null; expires?: NodeJS.Timeout };

export type JobsOptions = { keepMs?: number; perOwner?: number; log?: (what: string, error: unknown) => void };

export class Jobs {
  readonly #jobs = new Map<string, Job>();
  readonly #keepMs: number;
  readonly #perOwner: number;
  readonly #log: (what: string, error: unknown) => void;

  constructor({ keepMs = 10 * 60_000, perOwner = 3, log = console.error }: JobsOptions = {}) {
    this.#keepMs = keepMs;
    this.#perOwner = perOwner;
    this.#log = log;
  }

  /** Starts `run` now and returns the job's id; a person may have only a few jobs running at once. */
  start(owner: number, run: (report: JobReport) => Promise<JobOutcome>): string {
    const running = [...this.#jobs.values()].filter((j) => j.owner === owner && j.status.state === 'running').length;
    if (running >= this.#perOwner) throw new ModelError(429, 'jobs_busy', { count: this.#perOwner });
    const id = randomUUID();
    const job: Job = { owner, status: { state: 'running', progress: null }, progress: null };
    this.#jobs.set(id, job);
    const report: JobReport = (progress) => {
      if (job.status.state === 'running') job.status = { state: 'running', progress };
    };
    void run(report).then(
      (outcome) => {
        if ('file' in outcome) {
          job.file = outcome.file;
          job.status = { state: 'file', href: `/api/v1/jobs/${id}/file`, name: outcome.file.name };
        } else job.status = { state: 'done', status: outcome.status, body: outcome.body };
        this.#expireLater(id, job);
      },
      (error: unknown) => {
        this.#log('job failed', error);
        job.status = { state: 'failed', message: error instanceof ModelError ? error.code : 'job_failed' };
        this.#expireLater(id, job);
      },
    );
    return id;
  }

  /** The job as its owner sees it; anyone else (or a forgotten job) gets 404, never a hint it exists. */
  status(id: string, owner: number): JobStatus {
    return this.#own(id, owner).status;
  }

  file(id: string, owner: number): JobFile {
    const job = this.#own(id, owner);
    if (!job.file) throw new ModelError(409, 'job_not_ready');
    return job.file;
  }

  /** Resolves when the job is no longer running (for tests and scripts that wait on a job). */
  async settled(id: string, owner: number, pollMs = 20): Promise<JobStatus> {
    for (;;) {
      const status = this.status(id, owner);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  close(): void {
    for (const job of this.#jobs.values()) clearTimeout(job.expires);
    this.#jobs.clear();
  }

  #own(id: string, owner: number): Job {
    const job = this.#jobs.get(id);
    if (!job || job.owner !== owner) throw new ModelError(404, 'job_not_found');
    return job;
  }

  #expireLater(id: string, job: Job) {
    job.expires = setTimeout(() => this.#jobs.delete(id), this.#keepMs);
    job.expires.unref();
  }
}

/** A page's JSON answer as a job's outcome. */
export async function outcomeOf(response: Response): Promise<JobOutcome> {
  return { status: response.status, body: await response.json() };
}
