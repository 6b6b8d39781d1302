/**
 * Following long work from a page: the request that starts it (its upload's progress too), then
 * `GET /api/v1/jobs/:id` until it ends; a file it made is then downloaded, an answer handed back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { percentOf, type JobProgress, type JobStatus } from '#app/jobs/progress.ts';
import { useCsrfToken } from './csrf-input.tsx';

export type JobView = { state: 'idle' } | { state: 'refused'; message: string } | JobStatus;

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useJob() {
  const csrf = useCsrfToken();
  const { t } = useTranslation();
  const [view, setView] = useState<JobView>({ state: 'idle' });
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const show = (next: JobView) => mounted.current && setView(next);

  const follow = useCallback(async (id: string) => {
    for (;;) {
      await sleep(POLL_MS);
      if (!mounted.current) return;
      const response = await fetch(`/api/v1/jobs/${id}`, { headers: { Accept: 'application/json' } }).catch(() => null);
      // A dropped connection is not the job's end: ask again.
      if (!response) continue;
      const status = (await response.json()) as JobStatus | { error: { message: string } };
      if ('error' in status) return show({ state: 'refused', message: status.error.message });
      show(status);
      if (status.state === 'file') window.location.assign(status.href);
      if (status.state !== 'running') return;
    }
  }, []);

  /** POSTs `body` to `url` (a form's own action, or a file's address) and follows the job it starts. */
  const start = useCallback(
    (url: string, body?: FormData) => {
      show({ state: 'running', progress: null });
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.upload.onprogress = (e) => e.lengthComputable && show({ state: 'running', progress: { stage: 'upload', done: e.loaded, total: e.total } });
      xhr.onerror = () => show({ state: 'refused', message: t('jobs.offline') });
      xhr.onload = () => {
        let answer: { job?: string; error?: { message: string }; message?: string } = {};
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: said below in general words
        }
        if (xhr.status === 202 && answer.job) return void follow(answer.job);
        // The page's own refusal (a bad file, CSRF …) is shown as the page would have shown it.
        if (xhr.status < 500 && answer.message && !answer.job) return show({ state: 'done', status: xhr.status, body: answer });
        show({ state: 'refused', message: answer.error?.message ?? t('errors.job_failed') });
      };
      xhr.send(body ?? null);
    },
    [csrf, follow, t],
  );

  return { view, start, busy: view.state === 'running' };
}

/** The progress bar and its words, read out as they change. */
export function JobProgressView({ view }: { view: JobView }) {
  const { t } = useTranslation();
  const progress: JobProgress | null = view.state === 'running' ? view.progress : null;
  const percent = percentOf(progress);
  const words =
    view.state === 'running'
      ? progress
        ? t(`jobs.stage.${progress.stage}`, { done: progress.stage === 'upload' ? Math.round(progress.done / 1024) : progress.done, total: progress.stage === 'upload' ? Math.round(progress.total / 1024) : progress.total })
        : t('jobs.starting')
      : view.state === 'file'
        ? t('jobs.ready', { name: view.name })
        : view.state === 'failed' || view.state === 'refused'
          ? view.message
          : '';
  return (
    <div className="job-progress" role="status" aria-live="polite">
      {view.state === 'running' ? <progress max={100} value={percent ?? undefined} aria-label={words} /> : null}
      {words ? <span className={view.state === 'failed' || view.state === 'refused' ? 'notice notice-error' : 'muted'}>{words}</span> : null}
      {view.state === 'file' ? (
        <a href={view.href} download={view.name}>
          {t('jobs.again')}
        </a>
      ) : null}
    </div>
  );
}

/** A file made on demand: a plain link without scripts, followed step by step with them. */
export function JobDownload({ href, children }: { href: string; children: React.ReactNode }) {
  const job = useJob();
  return (
    <span className="stack">
      <a
        href={href}
        download
        aria-disabled={job.busy}
        onClick={(e) => {
          e.preventDefault();
          if (!job.busy) job.start(href);
        }}
      >
        {children}
      </a>
      <JobProgressView view={job.view} />
    </span>
  );
}

/** A GET form whose answer is a file (an export): the same query POSTed as a job with scripts. */
export function useJobForm() {
  const job = useJob();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (job.busy) return;
    const form = e.currentTarget;
    const query = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    job.start(`${form.action}?${query}`);
  };
  return { job, onSubmit };
}
