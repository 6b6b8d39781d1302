/**
 * A file for an entry, sent resumably (tus): in 8 MB parts with its progress; a dropped connection is
 * retried, a pause goes on from where it stopped, and choosing the same file again after a reload
 * resumes it. Without scripts the same form posts the file whole to the page.
 */
import { Form, useRevalidator } from '@remix-run/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Upload as TusUpload } from 'tus-js-client';
import { CsrfInput, useCsrfToken } from './csrf-input.tsx';

type State = { kind: 'idle' } | { kind: 'sending' | 'paused'; sent: number; total: number } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

function messageOf(error: unknown, fallback: string): string {
  const body = (error as { originalResponse?: { getBody(): string } | null }).originalResponse?.getBody();
  try {
    return (JSON.parse(body ?? '') as { error: { message: string } }).error.message;
  } catch {
    return fallback;
  }
}

export function EntryUpload({ entryId, accept }: { entryId: number; accept?: string }) {
  const { t } = useTranslation();
  const csrf = useCsrfToken();
  const revalidator = useRevalidator();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const upload = useRef<TusUpload | null>(null);

  async function start(file: File) {
    const { Upload } = await import('tus-js-client');
    const next = new Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      removeFingerprintOnSuccess: true,
      metadata: { entryId: String(entryId), filename: file.name },
      headers: { 'X-CSRF-Token': csrf },
      onProgress: (sent, total) => setState({ kind: 'sending', sent, total }),
      onSuccess: () => {
        setState({ kind: 'done', name: file.name });
        revalidator.revalidate();
      },
      onError: (error) => setState({ kind: 'error', message: messageOf(error, t('works.uploadFailed')) }),
    });
    upload.current = next;
    // The same file chosen again (after a reload, or on another day) goes on from where it stopped.
    const previous = await next.findPreviousUploads();
    if (previous.length) next.resumeFromPreviousUpload(previous[0]);
    setState({ kind: 'sending', sent: 0, total: file.size });
    next.start();
  }

  const percent = state.kind === 'sending' || state.kind === 'paused' ? Math.floor((state.sent / Math.max(1, state.total)) * 100) : 0;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="inline-form"
      aria-label={t('works.addFile')}
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
        if (!file) return;
        e.preventDefault();
        void start(file);
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="upload" />
      <label>{t('works.addFile')} <input type="file" name="file" required accept={accept} /></label>
      <button type="submit" disabled={state.kind === 'sending'}>{t('works.upload')}</button>
      {state.kind === 'sending' || state.kind === 'paused' ? (
        <span role="status" data-testid="upload-progress">
          <progress value={state.sent} max={state.total} /> {percent}%{' '}
          {state.kind === 'sending' ? (
            <button type="button" className="button-secondary" onClick={() => void upload.current?.abort().then(() => setState((s) => (s.kind === 'sending' ? { ...s, kind: 'paused' } : s)))}>{t('works.pause')}</button>
          ) : (
            <button type="button" onClick={() => (setState((s) => (s.kind === 'paused' ? { ...s, kind: 'sending' } : s)), upload.current?.start())}>{t('works.resume')}</button>
          )}
        </span>
      ) : state.kind === 'done' ? (
        <span role="status" className="notice-success">✓ {t('works.uploaded', { name: state.name })}</span>
      ) : state.kind === 'error' ? (
        <span role="alert" className="field-error">{state.message}</span>
      ) : null}
    </Form>
  );
}
