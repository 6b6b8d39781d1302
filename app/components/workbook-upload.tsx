/** Uploading a workbook on a page: the file input and its button, and the accounts sheet shown once. */
import { useEffect } from 'react';
import { Form, useActionData, useMatches, useNavigation, useRevalidator } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { CsrfInput } from './csrf-input.tsx';
import { FormMessage } from './field.tsx';
import { ImportErrors } from './import-errors.tsx';
import { JobProgressView, useJob } from './job-progress.tsx';

/**
 * The sheet's upload. Without scripts it is a plain form post; with them the import runs as a job,
 * and the page shows the upload, the check, the new accounts and the save as they happen.
 */
export function WorkbookUpload({ busy, job }: { busy: boolean; job?: ReturnType<typeof useJob> }) {
  const { t } = useTranslation();
  const routeId = useMatches().at(-1)?.id ?? '';
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack panel"
      onSubmit={(e) => {
        if (!job) return;
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        data.set('_job', '1');
        // `_data` asks Remix for the action's JSON answer instead of the page.
        const url = new URL(e.currentTarget.action);
        url.searchParams.set('_data', routeId);
        job.start(url.href, data);
      }}
    >
      <CsrfInput />
      <label htmlFor="file">{t('registration.file')}</label>
      <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
      <button type="submit" disabled={busy || job?.busy}>{t('registration.upload')}</button>
      {job && job.view.state !== 'done' ? (
        <JobProgressView view={job.view} />
      ) : (
        <p className="muted" role="status" aria-live="polite">{busy ? t('registration.uploading') : ''}</p>
      )}
    </Form>
  );
}

/** The new accounts' one-time passwords travel in the page's answer, never stored: download them now. */
export function AccountsSheet({ href, fileName }: { href: string | null; fileName: string }) {
  const { t } = useTranslation();
  if (!href) return null;
  return (
    <p className="notice notice-warn" role="status">
      {t('schools.accountsOnce')}{' '}
      <a href={href} download={fileName} className="button">{t('schools.downloadAccounts')}</a>
    </p>
  );
}

type ImportResult = ({ ok: true; accountsSheet?: string | null } & Record<string, unknown>) | { ok: false; message: string; errors: ImportError[] };

/**
 * An import page's head: title, what to put in the sheet, its template, the outcome (the accounts
 * sheet once, or every bad row), and the upload. Its words are `<words>.title`, `.importBody` and
 * `.imported` (given the outcome's counts).
 */
export function ImportPanel({ words, title = `${words}.title`, templateHref, accountsFileName }: { words: string; title?: string; templateHref: string; accountsFileName?: string }) {
  const { t } = useTranslation();
  const job = useJob();
  const posted = useActionData<ImportResult>();
  const result = job.view.state === 'done' ? (job.view.body as ImportResult) : posted;
  const busy = useNavigation().state === 'submitting';
  // The import changed the lists below it: read them again once it is saved.
  const { revalidate } = useRevalidator();
  const saved = job.view.state === 'done' && result?.ok;
  useEffect(() => {
    if (saved) revalidate();
  }, [saved, revalidate]);
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(`${words}.importBody`)}</p>
      <p><a href={templateHref} className="button button-secondary" download>{t('registration.template')}</a></p>
      <FormMessage error={result && !result.ok ? result.message : null} success={result?.ok ? t(`${words}.imported`, result) : null} />
      {result?.ok && accountsFileName ? <AccountsSheet href={result.accountsSheet ?? null} fileName={accountsFileName} /> : null}
      <WorkbookUpload busy={busy} job={job} />
      {result && !result.ok ? <ImportErrors errors={result.errors} /> : null}
    </>
  );
}
