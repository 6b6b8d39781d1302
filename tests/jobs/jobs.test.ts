/** The job registry: only its owner follows a job, a person runs a few at once, outcomes as they end. */
import { afterEach, describe, expect, it } from 'vitest';
import { Jobs } from '#app/jobs/jobs.server.ts';
import { percentOf } from '#app/jobs/progress.ts';
import { ModelError } from '#app/models/errors.ts';
import { asyncRefusal, refusal } from '../helpers/refusal.ts';

let jobs: Jobs;
afterEach(() => jobs.close());

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('jobs', () => {
  it('shows its progress, then its answer, to its owner only', async () => {
    jobs = new Jobs({ log: () => {} });
    const step = gate();
    const id = jobs.start(7, async (report) => {
      report({ stage: 'certificates', done: 3, total: 10 });
      await step.opened;
      return { status: 422, body: { ok: false } };
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(jobs.status(id, 7)).toEqual({ state: 'running', progress: { stage: 'certificates', done: 3, total: 10 } });
    // Another person, or a made-up id, learns nothing: the same 404 either way.
    expect(refusal(() => jobs.status(id, 8))).toMatchObject({ status: 404, code: 'job_not_found' });
    expect(refusal(() => jobs.status('nope', 7))).toMatchObject({ status: 404, code: 'job_not_found' });
    expect(refusal(() => jobs.file(id, 7))).toMatchObject({ status: 409, code: 'job_not_ready' });
    step.open();
    expect(await jobs.settled(id, 7)).toEqual({ state: 'done', status: 422, body: { ok: false } });
  });

  it('keeps a file for its owner and points the page at it', async () => {
    jobs = new Jobs({ log: () => {} });
    const bytes = new Uint8Array([80, 75]);
    const id = jobs.start(1, async () => ({ file: { bytes, name: '证书.zip', ascii: 'c.zip', type: 'application/zip' } }));
    expect(await jobs.settled(id, 1)).toEqual({ state: 'file', href: `/api/v1/jobs/${id}/file`, name: '证书.zip' });
    expect(jobs.file(id, 1).bytes).toBe(bytes);
    expect(refusal(() => jobs.file(id, 2)).status).toBe(404);
  });

  it('says a refusal by its code and hides any other failure behind job_failed', async () => {
    const logged: unknown[] = [];
    jobs = new Jobs({ log: (_what, error) => logged.push(error) });
    const refused = jobs.start(1, async () => {
      throw new ModelError(503, 'certificate_font_missing');
    });
    const broken = jobs.start(1, async () => {
      throw new Error('disk full at /var/lib/secret');
    });
    expect(await jobs.settled(refused, 1)).toEqual({ state: 'failed', message: 'certificate_font_missing' });
    expect(await jobs.settled(broken, 1)).toEqual({ state: 'failed', message: 'job_failed' });
    expect(logged).toHaveLength(2);
  });

  it('lets one person run only a few jobs at once, and forgets finished ones after a while', async () => {
    jobs = new Jobs({ perOwner: 2, keepMs: 30, log: () => {} });
    const step = gate();
    const run = async () => (await step.opened, { status: 200, body: {} });
    const a = jobs.start(1, run);
    jobs.start(1, run);
    expect(refusal(() => jobs.start(1, run))).toMatchObject({ status: 429, code: 'jobs_busy' });
    jobs.start(2, run); // someone else is not held up
    step.open();
    await jobs.settled(a, 1);
    jobs.start(1, run);
    await new Promise((r) => setTimeout(r, 60));
    expect((await asyncRefusal(jobs.settled(a, 1))).status).toBe(404);
  });

  it('never shows 100 % before the work is done', () => {
    expect(percentOf({ stage: 'certificates', done: 10, total: 10 })).toBe(99);
    expect(percentOf({ stage: 'certificates', done: 1, total: 3 })).toBe(33);
    expect(percentOf({ stage: 'read', done: 0, total: 0 })).toBeNull();
    expect(percentOf(null)).toBeNull();
  });
});
