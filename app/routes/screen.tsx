import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionState, ProgressBar, RankingTable } from '#app/components/live-board.tsx';
import { StageClock } from '#app/components/stage-clock.tsx';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { getCompetitionBoard, getEventBoard, isPublicEvent } from '#app/models/scoreboard.server.ts';
import type { CompetitionBoard, EventBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';

export const meta: MetaFunction = () => [{ title: '大屏 · 楚怡杯实时排名' }];
/** The big screen has no site header: the root layout leaves it out for routes that ask. */
export const handle = { bare: true };

const ROTATE_MS = 15_000;
/** A long board is shown a screenful at a time, each for this long. */
const PAGE_MS = 8_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = Number(new URL(request.url).searchParams.get('event'));
  const competition = findCurrentCompetition(context.db);
  const board = competition ? getCompetitionBoard(context.db, competition.id) : null;
  // An event of another year (a 创新创业 or 文明风采 final) is shown alone, without the 楚怡杯's rotation.
  if (asked && !board?.events.some((e) => e.eventId === asked) && isPublicEvent(context.db, asked)) return json({ competition: null, first: getEventBoard(context.db, asked, 'public') });
  if (!board) return json({ competition: null, first: null });
  // The screen starts on the event asked for (?event=ID), else the first with something to show.
  const start = board.events.find((e) => e.eventId === asked) ?? board.events.find((e) => e.leaders.length > 0) ?? board.events[0];
  return json({ competition: board, first: start ? getEventBoard(context.db, start.eventId, 'public') : null });
}

export default function Screen() {
  const { competition, first } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [contrast, setContrast] = useState(params.get('theme') === 'contrast');
  if (!first) return <NotOpenYet title={t('live.screen')} />;
  return (
    <div className={contrast ? 'screen theme-contrast' : 'screen'} data-testid="screen">
      {competition ? <Rotation competition={competition as CompetitionBoard} first={first as EventBoard} /> : <ScreenEvent initial={first as EventBoard} onDone={() => {}} />}
      <div className="screen-tools">
        <button type="button" className="button-secondary" onClick={() => setContrast((c) => !c)} aria-pressed={contrast}>{t('live.contrast')}</button>{' '}
        <button type="button" className="button-secondary" onClick={() => void document.documentElement.requestFullscreen?.()}>{t('live.fullscreen')}</button>{' '}
        <Link to="/live">{t('live.allEvents')}</Link>
      </div>
    </div>
  );
}

function Rotation({ competition, first }: { competition: CompetitionBoard; first: EventBoard }) {
  const { board: overview } = useLiveBoard<CompetitionBoard>({ scope: 'competition' }, competition);
  const [current, setCurrent] = useState(first.eventId);
  // Events with nothing to show yet are skipped, unless none has anything.
  const shown = overview.events.filter((e) => e.leaders.length > 0 || e.progress.marked > 0);
  const order = (shown.length ? shown : overview.events).map((e) => e.eventId);
  // The next event comes once this one has shown every screenful of its board.
  const next = () => setCurrent((id) => order[(order.indexOf(id) + 1) % order.length] ?? id);
  const summary = overview.events.find((e) => e.eventId === current);
  // A board not yet received starts empty at version 0; the subscription's snapshot fills it.
  let initial = first;
  if (current !== first.eventId && summary) {
    const { leaders: _leaders, ...known } = summary;
    initial = { ...first, ...known, scope: 'event', audience: 'public', version: 0, decrypted: false, revealed: 0, rows: [], at: 0 };
  }
  return <ScreenEvent key={current} initial={initial} onDone={next} />;
}

/**
 * How many rows fit between the top of the ranking and the bottom of the window, measured from
 * the rows as drawn; recomputed when the window changes. Null until measured (the server draws all).
 */
// Measuring needs the drawn page: on the server (which draws every row) a plain effect stands in.
const useMeasureEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function useRowsThatFit(rows: number) {
  const table = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<number | null>(null);
  useMeasureEffect(() => {
    const measure = () => {
      const body = table.current?.querySelector('tbody');
      const drawn = body ? [...body.querySelectorAll('tr')] : [];
      if (!body || drawn.length === 0) return;
      const rowHeight = Math.max(...drawn.map((r) => r.getBoundingClientRect().height));
      // Below the rows: the screen's page number (a line of its type) and the strip of controls.
      const footer = (document.querySelector('.screen-tools')?.getBoundingClientRect().height ?? 0) + rowHeight * 0.6;
      const room = window.innerHeight - body.getBoundingClientRect().top - footer - 16;
      setFit((current) => current ?? Math.max(1, Math.floor(room / rowHeight)));
    };
    measure();
    const again = () => (setFit(null), requestAnimationFrame(measure));
    window.addEventListener('resize', again);
    return () => window.removeEventListener('resize', again);
  }, [rows, fit === null]);
  return { table, fit };
}

function ScreenEvent({ initial, onDone }: { initial: EventBoard; onDone: () => void }) {
  const { t } = useTranslation();
  const { board, connection } = useLiveBoard<EventBoard>({ scope: 'event', eventId: initial.eventId }, initial);
  const { table, fit } = useRowsThatFit(board.rows.length);
  const pages = fit ? Math.max(1, Math.ceil(board.rows.length / fit)) : 1;
  const [page, setPage] = useState(0);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    // Each screenful for PAGE_MS; the event for at least ROTATE_MS in all.
    const timer = setTimeout(() => {
      if (page + 1 < pages) setPage(page + 1);
      else done.current();
    }, pages > 1 ? PAGE_MS : ROTATE_MS);
    return () => clearTimeout(timer);
  }, [page, pages]);
  const at = Math.min(page, pages - 1);
  const shownRows = fit ? board.rows.slice(at * fit, (at + 1) * fit) : board.rows;
  return (
    <section className="screen-event" aria-live="off">
      <header className="screen-head">
        <div>
          <h1>{board.code} {board.name}</h1>
          <p className="facts">
            <span className="badge">{board.division}</span>
            <span className="badge">{t(`eventStatuses.${board.status}`)}</span>
            <ConnectionState connection={connection} />
          </p>
          <StageClock board={board} large />
          <ProgressBar progress={board.progress} />
          {board.frozen ? <p className="notice notice-warn">{t('live.frozen')}</p> : null}
        </div>
        <figure className="qr">
          <img src={`/live/${board.eventId}/qr.svg`} alt={t('live.scanToFollow')} width={160} height={160} />
          <figcaption>{t('live.scanToFollow')}</figcaption>
        </figure>
      </header>
      {board.rows.length === 0 && board.mode === 'hidden' ? (
        <p className="panel">{t('live.hiddenBody')}</p>
      ) : (
        <div ref={table}>
          <RankingTable board={board} rows={shownRows} large />
          {pages > 1 ? <p className="screen-page" data-testid="screen-page">{t('live.screenPage', { page: at + 1, pages })}</p> : null}
        </div>
      )}
    </section>
  );
}
