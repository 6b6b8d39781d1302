import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionState, ProgressBar, RankingTable } from '#app/components/live-board.tsx';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { getCompetitionBoard, getEventBoard } from '#app/models/scoreboard.server.ts';
import type { CompetitionBoard, EventBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';

export const meta: MetaFunction = () => [{ title: '大屏 · 楚怡杯实时排名' }];
/** The big screen has no site header: the root layout leaves it out for routes that ask. */
export const handle = { bare: true };

const ROTATE_MS = 15_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const competition = findCurrentCompetition(context.db);
  if (!competition) return json({ competition: null, first: null });
  const board = getCompetitionBoard(context.db, competition.id);
  // The screen starts on the event asked for (?event=ID), else the first with something to show.
  const asked = Number(new URL(request.url).searchParams.get('event'));
  const start = board.events.find((e) => e.eventId === asked) ?? board.events.find((e) => e.leaders.length > 0) ?? board.events[0];
  return json({ competition: board, first: start ? getEventBoard(context.db, start.eventId, 'public') : null });
}

export default function Screen() {
  const { competition, first } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [contrast, setContrast] = useState(params.get('theme') === 'contrast');
  if (!competition || !first) return <NotOpenYet title={t('live.screen')} />;
  return (
    <div className={contrast ? 'screen theme-contrast' : 'screen'} data-testid="screen">
      <Rotation competition={competition as CompetitionBoard} first={first as EventBoard} />
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
  useEffect(() => {
    const timer = setInterval(() => {
      setCurrent((id) => order[(order.indexOf(id) + 1) % order.length] ?? id);
    }, ROTATE_MS);
    return () => clearInterval(timer);
  }, [order.join(',')]);
  const summary = overview.events.find((e) => e.eventId === current);
  // A board not yet received starts empty at version 0; the subscription's snapshot fills it.
  let initial = first;
  if (current !== first.eventId && summary) {
    const { leaders: _leaders, ...known } = summary;
    initial = { ...first, ...known, scope: 'event', audience: 'public', version: 0, decrypted: false, revealed: 0, rows: [], at: 0 };
  }
  return <ScreenEvent key={current} initial={initial} />;
}

function ScreenEvent({ initial }: { initial: EventBoard }) {
  const { t } = useTranslation();
  const { board, connection } = useLiveBoard<EventBoard>({ scope: 'event', eventId: initial.eventId }, initial);
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
          <ProgressBar progress={board.progress} />
          {board.frozen ? <p className="notice notice-warn">{t('live.frozen')}</p> : null}
        </div>
        <figure className="qr">
          <img src={`/live/${board.eventId}/qr.svg`} alt={t('live.scanToFollow')} width={160} height={160} />
          <figcaption>{t('live.scanToFollow')}</figcaption>
        </figure>
      </header>
      {board.rows.length === 0 && board.mode === 'hidden' ? <p className="panel">{t('live.hiddenBody')}</p> : <RankingTable board={board} large />}
    </section>
  );
}
