/** Uploading a workbook on a page: the file input and its button, and the accounts sheet shown once. */
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { CsrfInput } from './csrf-input.tsx';
import { FormMessage } from './field.tsx';
import { ImportErrors } from './import-errors.tsx';

export function WorkbookUpload({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" encType="multipart/form-data" className="stack panel">
      <CsrfInput />
      <label htmlFor="file">{t('registration.file')}</label>
      <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
      <button type="submit" disabled={busy}>{t('registration.upload')}</button>
      {/* A province's sheet takes a few seconds to send and check: say so while it does. */}
      <p className="muted" role="status" aria-live="polite">{busy ? t('registration.uploading') : ''}</p>
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
  const result = useActionData<ImportResult>();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(`${words}.importBody`)}</p>
      <p><a href={templateHref} className="button button-secondary" download>{t('registration.template')}</a></p>
      <FormMessage error={result && !result.ok ? result.message : null} success={result?.ok ? t(`${words}.imported`, result) : null} />
      {result?.ok && accountsFileName ? <AccountsSheet href={result.accountsSheet ?? null} fileName={accountsFileName} /> : null}
      <WorkbookUpload busy={busy} />
      {result && !result.ok ? <ImportErrors errors={result.errors} /> : null}
    </>
  );
}
