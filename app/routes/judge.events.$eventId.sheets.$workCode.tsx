import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { useCsrfToken } from '#app/components/csrf-input.tsx';
import { enqueue, flush, newKey, readOutbox } from '#app/judging/mark-queue.ts';
import { sheetProgress } from '#app/domain/aggregation.ts';
import { formatScore } from '#app/domain/exact.ts';
import { judgeSheets } from '#app/models/mark.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.sheet.workCode ?? ''} · 评分表` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  const data = modelRead(request, () => judgeSheets(context.db, actor, numericParam(params.eventId)));
  const index = data.sheets.findIndex((s) => s.workCode === params.workCode);
  if (index === -1) throw new Response('Not found', { status: 404 });
  return json({ event: data.event, criteria: data.criteria, sheet: data.sheets[index], next: data.sheets[index + 1]?.workCode ?? null });
}

type CellState = 'saved' | 'pending' | { error: string };

export default function Sheet() {
  const { event, criteria, sheet, next } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const csrf = useCsrfToken();
  const revalidator = useRevalidator();
  const [values, setValues] = useState<Record<number, string>>(() => Object.fromEntries(Object.entries(sheet.marks).map(([k, v]) => [k, String(v)])));
  const [cells, setCells] = useState<Record<number, CellState>>(() => Object.fromEntries(Object.keys(sheet.marks).map((k) => [k, 'saved' as CellState])));
  const [online, setOnline] = useState(true);
  const [sheetId, setSheetId] = useState<number | null>(sheet.sheetId);
  const [message, setMessage] = useState<string | null>(null);
  // The last value handed to the outbox per criterion: Enter then blur must not send it twice.
  const committed = useRef<Record<number, string>>(Object.fromEntries(Object.entries(sheet.marks).map(([k, v]) => [k, String(v)])));
  const submitted = sheet.status === 'submitted';

  const send = useCallback(async () => {
    const pendingKeys = new Map(readOutbox().filter((m) => m.workCode === sheet.workCode && m.eventId === event.id).map((m) => [m.idempotencyKey, m.criterionId]));
    const outcomes = await flush(csrf);
    const left = readOutbox();
    setOnline(navigator.onLine && !left.some((m) => pendingKeys.has(m.idempotencyKey)));
    setCells((current) => {
      const nextCells = { ...current };
      for (const o of outcomes) {
        const criterionId = pendingKeys.get(o.key);
        if (criterionId === undefined) continue;
        nextCells[criterionId] = o.ok ? 'saved' : { error: o.message };
        if (o.ok) setSheetId(o.sheetId);
      }
      return nextCells;
    });
  }, [csrf, event.id, sheet.workCode]);

  useEffect(() => {
    // Marks typed earlier (perhaps offline, before a reload) are shown as still waiting, and sent.
    const waiting = readOutbox().filter((m) => m.workCode === sheet.workCode && m.eventId === event.id);
    if (waiting.length) {
      setValues((v) => ({ ...v, ...Object.fromEntries(waiting.map((m) => [m.criterionId, String(m.value)])) }));
      setCells((c) => ({ ...c, ...Object.fromEntries(waiting.map((m) => [m.criterionId, 'pending' as CellState])) }));
    }
    setOnline(navigator.onLine);
    const goOnline = () => void send();
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(() => {
      if (readOutbox().length) void send();
    }, 3000);
    void send();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [send, sheet.workCode, event.id]);

  const commit = (criterionId: number) => {
    const raw = values[criterionId]?.trim();
    if (raw === undefined || raw === '' || committed.current[criterionId] === raw) return;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      setCells((c) => ({ ...c, [criterionId]: { error: t('judging.notANumber') } }));
      return;
    }
    committed.current[criterionId] = raw;
    enqueue({ eventId: event.id, workCode: sheet.workCode, criterionId, value, idempotencyKey: newKey() });
    setCells((c) => ({ ...c, [criterionId]: 'pending' }));
    void send();
  };

  const allSaved = criteria.every((c) => cells[c.id] === 'saved');
  const progress = sheetProgress(criteria, values);
  const submit = async () => {
    if (!sheetId) return;
    const response = await fetch(`/api/v1/judge/sheets/${sheetId}/submit`, { method: 'POST', headers: { 'X-CSRF-Token': csrf } }).catch(() => null);
    if (!response) return setMessage(t('judging.offlineSubmit'));
    const body = (await response.json().catch(() => ({}))) as { error?: { message: string } };
    setMessage(response.ok ? t('judging.sheetSubmitted') : (body.error?.message ?? String(response.status)));
    revalidator.revalidate();
  };

  let moduleName = '';
  return (
    <>
      <p><Link to={`/judge/events/${event.id}`}>← {event.code} {event.name}</Link></p>
      <h1>
        {t('judging.workCode')} <span data-testid="work-code">{sheet.workCode}</span>{' '}
        <span className={`badge ${submitted ? 'status-approved' : ''}`}>{t(`judging.sheet.${sheet.status}`)}</span>
      </h1>
      <p className={`notice ${online ? 'notice-success' : 'notice-error'}`} role="status" data-testid="connection">
        {online ? t('judging.online') : t('judging.offline')}
      </p>
      {message ? <p className="notice" role="alert">{message}</p> : null}
      <p className="sheet-progress" data-testid="sheet-progress" aria-live="polite">
        {t('judging.sheetProgress', { marked: progress.marked, of: progress.of, total: formatScore(progress.total), max: formatScore(progress.max) })}
      </p>
      <form className="sheet" onSubmit={(e) => e.preventDefault()}>
        {criteria.map((c) => {
          const heading = c.module !== moduleName ? (moduleName = c.module) : null;
          const state = cells[c.id];
          return (
            <div key={c.id}>
              {heading ? <h2>{heading}</h2> : null}
              <div className="mark-row">
                <label htmlFor={`c-${c.id}`}>
                  <strong>{c.code}</strong> {c.name}
                  <span className="muted"> · {t('judging.max', { max: c.maxMarks })}{c.allOrNothing ? ` · ${t('judging.allOrNothing')}` : ''}{c.kind === 'judgement' ? ` · ${t('judging.judgement')}` : ''}</span>
                </label>
                <input
                  id={`c-${c.id}`}
                  name={`c-${c.id}`}
                  inputMode="decimal"
                  enterKeyHint="next"
                  autoComplete="off"
                  disabled={submitted}
                  value={values[c.id] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [c.id]: e.target.value }))}
                  onBlur={() => commit(c.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      commit(c.id);
                      const inputs = [...document.querySelectorAll<HTMLInputElement>('.mark-row input')];
                      inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
                    }
                  }}
                  aria-describedby={`s-${c.id}`}
                />
                <span id={`s-${c.id}`} className="mark-state" data-state={state === undefined ? 'empty' : typeof state === 'string' ? state : 'error'}>
                  {state === 'saved' ? `✓ ${t('judging.saved')}` : state === 'pending' ? `⏳ ${t('judging.pending')}` : state ? `✗ ${state.error}` : ''}
                </span>
              </div>
            </div>
          );
        })}
      </form>
      <div className="actions">
        {!submitted ? (
          <button type="button" onClick={submit} disabled={!allSaved || !sheetId || !online}>{t('judging.submitSheet')}</button>
        ) : null}
        {next ? <Link to={`/judge/events/${event.id}/sheets/${next}`} className="button button-secondary">{t('judging.nextSheet')} {next}</Link> : null}
      </div>
    </>
  );
}
