import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getActor } from '#app/auth/session.server.ts';
import { AwardTable, beijing, OutstandingAdvisors } from '#app/components/award-list.tsx';
import { ScoringRules } from '#app/components/scoring-rules.tsx';
import { eventAwards } from '#app/models/award.server.ts';
import { unsealsOf } from '#app/models/check-in.server.ts';
import { scoringRules } from '#app/models/result.server.ts';
import { publicRounds } from '#app/models/round.server.ts';
import { getEventBoard } from '#app/models/scoreboard.server.ts';
import type { EventBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.awards.event.code} ${data.awards.event.name} · 成绩公示` : '成绩公示' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const eventId = numericParam(params.eventId);
  const actor = await getActor(request, context);
  const awards = modelRead(request, () => eventAwards(context.db, actor, eventId));
  return json(
    { awards, board: getEventBoard(context.db, eventId, 'public'), rules: scoringRules(context.db, eventId), unseals: unsealsOf(context.db, eventId), rounds: publicRounds(context.db, eventId) },
    { headers: { 'Cache-Control': 'private, no-cache' } },
  );
}

/** A re-lock after an appeal changes the board's version: the list is read again. */
function useFollowBoard(initial: EventBoard) {
  const { board } = useLiveBoard<EventBoard>({ scope: 'event', eventId: initial.eventId, audience: 'public' }, initial);
  const { revalidate } = useRevalidator();
  const seen = useRef(initial.version);
  useEffect(() => {
    if (board.version === seen.current) return;
    seen.current = board.version;
    revalidate();
  }, [board.version, revalidate]);
}

export default function EventResults() {
  const { awards, board, rules, unseals, rounds } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  useFollowBoard(board as EventBoard);
  const { event } = awards;
  return (
    <>
      <h1>{event.code} {event.name} <span className="badge" data-testid="event-status">{t(`eventStatuses.${event.status}`)}</span></h1>
      <p className="facts">
        <span>{event.competition} · {event.division}</span>
        {event.status === 'final' ? <span>{t('awards.final')}</span> : awards.announcementEndsAt ? <span>{t('awards.periodEnds', { date: beijing(awards.announcementEndsAt, i18n.language) })}</span> : null}
      </p>
      <p className="actions no-print">
        <Link to={`/results/${event.id}/announcement`}>{t('awards.printable')}</Link>
        <a href={`/results/${event.id}/announcement.xlsx`} download>{t('awards.downloadXlsx')}</a>
      </p>
      {rounds.rounds.length ? (
        <nav className="actions no-print" aria-label={t('rounds.list')}>
          {rounds.rounds.map((r) => (r.id === event.id ? <strong key={r.id}>{r.roundName}</strong> : r.published ? <Link key={r.id} to={`/results/${r.id}`}>{r.roundName}</Link> : <span key={r.id} className="muted">{r.roundName}</span>))}
          {rounds.recommendation ? <Link to={`/results/${rounds.recommendation}/recommendation`}>{t('rounds.recommendation')}</Link> : null}
        </nav>
      ) : null}
      <AwardTable rows={awards.rows} />
      <OutstandingAdvisors advisors={awards.outstandingAdvisors} />
      <details className="panel">
        <summary>{t('awards.explanation')}</summary>
        <ul>{awards.explanation.map((line, i) => <li key={i}>{line}</li>)}</ul>
      </details>
      {unseals.length ? (
        <section className="panel notice" aria-labelledby="unseals" data-testid="unseals">
          <h2 id="unseals" style={{ marginTop: 0 }}>{t('awards.unseals', { count: unseals.length })}</h2>
          <ul>{unseals.map((u, i) => <li key={i}>{beijing(u.at, i18n.language)} · {u.by} · {u.reason}</li>)}</ul>
        </section>
      ) : null}
      <ScoringRules rules={rules} />
    </>
  );
}
