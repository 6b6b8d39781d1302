/**
 * 网评: one entry by its code — its files shown in the page beside the rubric, each criterion with
 * its level descriptors. What is typed is kept on the device at once and sent when every criterion
 * has a mark (the outbox: nothing lost offline); the reviewer may flag names found in the files.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { useCsrfToken } from '#app/components/csrf-input.tsx';
import { formatScore, toHundredths } from '#app/domain/exact.ts';
import { levelOf, type RubricCriterion } from '#app/domain/rubric.ts';
import { reviewQueue } from '#app/models/review.server.ts';
import { modelRead } from '#app/utils/route.server.ts';
import { draftOf, flushReviews, keep, waitingCodes, type DraftReview } from '#app/works/review-outbox.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.entry.entryCode ?? ''} · 网评` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'entry:review');
  const queue = modelRead(request, () => reviewQueue(context.db, actor));
  const index = queue.findIndex((e) => e.entryCode === params.code);
  // Not assigned to this reviewer: as if there were no such entry.
  if (index === -1) throw new Response('Not found', { status: 404 });
  return json({ entry: queue[index], position: index + 1, of: queue.length, next: queue.slice(index + 1).find((e) => !e.mine)?.entryCode ?? queue[index + 1]?.entryCode ?? null });
}

type Status = 'saved' | 'waiting' | 'incomplete' | { error: string };

function FileView({ file, code, n }: { file: { id: number; kind: string; mime: string; pages: number | null; seconds: number | null }; code: string; n: number }) {
  const { t } = useTranslation();
  const src = `/api/v1/files/${file.id}?inline=1`;
  const label = t('works.fileLabel', { code, n });
  return (
    <figure className="review-file">
      {file.kind === 'image' ? (
        <img src={src} alt={label} />
      ) : file.kind === 'video' ? (
        <video src={src} controls preload="metadata" aria-label={label} />
      ) : file.kind === 'pdf' || file.kind === 'text' ? (
        <iframe src={src} title={label} />
      ) : (
        <p className="notice">{t('works.fileNoPreview')}</p>
      )}
      <figcaption className="muted">
        {label} · {t(`works.kinds.${file.kind}`)}
        {file.pages ? ` · ${t('works.pages', { count: file.pages })}` : ''}
        {file.seconds ? ` · ${t('works.seconds', { count: file.seconds })}` : ''} · <a href={src} target="_blank" rel="noreferrer">{t('works.openFile')}</a>
      </figcaption>
    </figure>
  );
}

function CriterionRow({ c, value, error, disabled, onChange, onCommit }: { c: RubricCriterion; value: string; error?: string; disabled: boolean; onChange: (v: string) => void; onCommit: () => void }) {
  const { t } = useTranslation();
  const number = value.trim() === '' ? null : Number(value);
  const chosen = number !== null && Number.isFinite(number) && number >= 0 && number <= c.max ? levelOf(c, number) : null;
  return (
    <fieldset className="rubric-criterion">
      <legend>
        <label htmlFor={`r-${c.code}`}>{c.name}</label> <span className="muted">· {t('judging.max', { max: c.max })}</span>
      </legend>
      <ul className="rubric-levels">
        {c.levels.map((l) => (
          <li key={l.name} data-chosen={chosen?.name === l.name ? 'true' : undefined}>
            <strong>{l.name}</strong> <span className="muted">≥ {formatScore((c.max * l.fromPercent) / 100)}</span> {l.descriptor}
          </li>
        ))}
      </ul>
      <input id={`r-${c.code}`} name={c.code} inputMode="decimal" autoComplete="off" disabled={disabled} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `e-${c.code}` : undefined} onChange={(e) => onChange(e.target.value)} onBlur={onCommit} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onCommit())} />
      {error ? <p id={`e-${c.code}`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}

export default function ReviewSheet() {
  const { entry, position, of, next } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const csrf = useCsrfToken();
  const fromServer = (): DraftReview => ({
    entryCode: entry.entryCode,
    criteria: Object.fromEntries(entry.rubric.map((c) => [c.code, entry.mine?.criteria[c.code] === undefined ? '' : String(entry.mine.criteria[c.code])])),
    namesInFiles: entry.mine?.namesInFiles ?? false,
    comment: entry.mine?.comment ?? '',
  });
  const [draft, setDraft] = useState<DraftReview>(fromServer);
  const [status, setStatus] = useState<Status>(entry.mine ? 'saved' : 'incomplete');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [online, setOnline] = useState(true);

  const problemOf = (c: RubricCriterion, raw: string) => {
    if (raw.trim() === '') return undefined;
    const h = toHundredths(Number(raw));
    return h === null || h < 0 || h > c.max * 100 ? t('errors.review_criterion_range') : undefined;
  };
  const complete = (d: DraftReview) => entry.rubric.every((c) => d.criteria[c.code]?.trim() && !problemOf(c, d.criteria[c.code]));
  const total = entry.rubric.reduce((sum, c) => sum + (toHundredths(Number(draft.criteria[c.code] || 0)) ?? 0), 0);

  const send = useCallback(async () => {
    const outcomes = await flushReviews(csrf);
    const mine = outcomes.find((o) => o.entryCode === entry.entryCode);
    const waiting = waitingCodes().includes(entry.entryCode);
    setOnline(navigator.onLine && !waiting);
    if (mine?.ok) setStatus('saved');
    else if (mine) {
      setStatus({ error: mine.message });
      setFields(Object.fromEntries(Object.entries(mine.fields ?? {}).map(([k, v]) => [k.replace(/^criteria\./, ''), v])));
    } else if (waiting) setStatus('waiting');
  }, [csrf, entry.entryCode]);

  useEffect(() => {
    // Work typed earlier on this device (perhaps offline, before a reload) comes back, and is sent.
    const kept = draftOf(entry.entryCode);
    if (kept) {
      setDraft(kept);
      setStatus(waitingCodes().includes(entry.entryCode) ? 'waiting' : 'incomplete');
    }
    setOnline(navigator.onLine);
    const goOnline = () => void send();
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(() => waitingCodes().length && void send(), 3000);
    void send();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [send, entry.entryCode]);

  const commit = (d: DraftReview) => {
    const done = complete(d);
    keep(d, done);
    setFields(Object.fromEntries(entry.rubric.flatMap((c) => (problemOf(c, d.criteria[c.code] ?? '') ? [[c.code, problemOf(c, d.criteria[c.code])!]] : []))));
    setStatus(done ? 'waiting' : 'incomplete');
    if (done) void send();
  };
  const marked = entry.rubric.filter((c) => draft.criteria[c.code]?.trim()).length;

  return (
    <>
      <p><Link to="/review">← {t('works.reviewTitle')}</Link> <span className="muted">· {t('works.position', { position, of })}</span></p>
      <h1>
        {t('works.entryCode')} <span data-testid="entry-code">{entry.entryCode}</span> <span className="badge">{entry.category}</span>
      </h1>
      <p className={`notice ${online ? 'notice-success' : 'notice-error'}`} role="status" data-testid="connection">{online ? t('works.online') : t('works.offline')}</p>
      <div className="review-layout">
        <section aria-label={t('works.files')} className="review-files">
          {entry.files.map((f, i) => <FileView key={f.id} file={f} code={entry.entryCode} n={i + 1} />)}
        </section>
        <form className="review-rubric" onSubmit={(e) => (e.preventDefault(), commit(draft))}>
          <p className="sheet-progress" data-testid="review-state" aria-live="polite">
            {t('works.rubricProgress', { marked, of: entry.rubric.length, total: formatScore(total / 100) })} ·{' '}
            {status === 'saved' ? `✓ ${t('judging.saved')}` : status === 'waiting' ? `⏳ ${t('judging.pending')}` : status === 'incomplete' ? (marked ? t('works.keptHere') : t('works.notReviewed')) : `✗ ${status.error}`}
          </p>
          {!entry.open ? <p className="notice">{t('works.reviewLocked')}</p> : null}
          {entry.rubric.map((c) => (
            <CriterionRow key={c.code} c={c} value={draft.criteria[c.code] ?? ''} error={fields[c.code]} disabled={!entry.open} onChange={(v) => setDraft((d) => ({ ...d, criteria: { ...d.criteria, [c.code]: v } }))} onCommit={() => commit(draft)} />
          ))}
          <label className="checkbox">
            <input type="checkbox" name="namesInFiles" disabled={!entry.open} checked={draft.namesInFiles} onChange={(e) => commit({ ...draft, namesInFiles: e.target.checked })} /> {t('works.namesInFiles')}
          </label>
          <label htmlFor="comment">{t('works.comment')}</label>
          <textarea id="comment" name="comment" rows={3} maxLength={500} disabled={!entry.open} value={draft.comment} onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))} onBlur={() => commit(draft)} />
          <div className="actions">
            {entry.open ? <button type="submit">{t('works.saveReview')}</button> : null}
            {next ? <Link className="button button-secondary" to={`/review/${next}`}>{t('works.nextEntry', { code: next })}</Link> : null}
          </div>
        </form>
      </div>
    </>
  );
}
