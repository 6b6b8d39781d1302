import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getActor } from '#app/auth/session.server.ts';
import { ConnectionState, ProgressBar, RankingTable } from '#app/components/live-board.tsx';
import { ScoringRules } from '#app/components/scoring-rules.tsx';
import { StageClock } from '#app/components/stage-clock.tsx';
import { scoringRules } from '#app/models/result.server.ts';
import { canWatchStaffBoard, readEventBoard } from '#app/models/scoreboard.server.ts';
import type { EventBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.board.code} ${data.board.name} · 实时排名` : '实时排名' }];

/** The phone page: first painted from the same snapshot the socket sends, then live. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const eventId = numericParam(params.eventId);
  const actor = await getActor(request, context);
  // The organiser and the event's chief judge watch through the freeze.
  const audience = canWatchStaffBoard(actor, eventId) ? 'staff' : 'public';
  const board = modelRead(request, () => readEventBoard(context.db, actor, eventId, audience));
  return json({ board, audience, rules: scoringRules(context.db, eventId) }, { headers: { 'Cache-Control': 'private, no-cache' } });
}

export default function LiveEventPage() {
  const { board, rules } = useLoaderData<typeof loader>();
  return (
    <>
      <LiveEvent key={board.eventId} initial={board as EventBoard} />
      <ScoringRules rules={rules} />
    </>
  );
}

function LiveEvent({ initial }: { initial: EventBoard }) {
  const { t } = useTranslation();
  const { board, connection } = useLiveBoard<EventBoard>({ scope: 'event', eventId: initial.eventId, audience: initial.audience }, initial);
  return (
    <>
      <p><Link to="/live">← {t('live.allEvents')}</Link></p>
      <header className="live-head">
        <h1>{board.code} {board.name}</h1>
        <p className="facts">
          <span className="badge">{board.division}</span>
          <span className="badge" data-testid="event-status">{t(`eventStatuses.${board.status}`)}</span>
          <span className="badge badge-muted">{t(`live.modes.${board.mode}`)}</span>
          <ConnectionState connection={connection} />
        </p>
      </header>
      <StageClock board={board} />
      <ProgressBar progress={board.progress} />
      {board.frozen ? <p className="notice notice-warn" role="status">{t('live.frozen')}</p> : null}
      {board.mode === 'anonymous' && !board.published && !board.decrypted ? <p className="muted">{t('live.anonymousBody')}</p> : null}
      {board.rows.length === 0 && board.mode === 'hidden' ? <p className="panel">{t('live.hiddenBody')}</p> : <RankingTable board={board} />}
    </>
  );
}
