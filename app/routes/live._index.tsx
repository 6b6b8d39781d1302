import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { formatScore } from '#app/domain/exact.ts';
import { ConnectionState, ProgressBar } from '#app/components/live-board.tsx';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { getCompetitionBoard } from '#app/models/scoreboard.server.ts';
import type { CompetitionBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';

export const meta: MetaFunction = () => [{ title: '实时排名 · 楚怡杯竞赛系统' }];

export async function loader({ context }: LoaderFunctionArgs) {
  const competition = findCurrentCompetition(context.db);
  return json({ board: competition ? getCompetitionBoard(context.db, competition.id) : null }, { headers: { 'Cache-Control': 'private, no-cache' } });
}

export default function LiveIndex() {
  const { board } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!board) return <NotOpenYet title={t('live.title')} />;
  return <Competition initial={board as CompetitionBoard} />;
}

function Competition({ initial }: { initial: CompetitionBoard }) {
  const { t } = useTranslation();
  const { board, connection } = useLiveBoard<CompetitionBoard>({ scope: 'competition' }, initial);
  return (
    <>
      <h1>{t('live.title')}</h1>
      <p className="facts">
        <span>{board.name}</span>
        <ConnectionState connection={connection} />
        <Link to="/screen">{t('live.screen')}</Link>
      </p>
      {board.events.length === 0 ? <p className="panel">{t('live.noEvents')}</p> : null}
      <div className="grid" data-testid="events">
        {board.events.map((e) => (
          <Link key={e.eventId} to={`/live/${e.eventId}`} className="card">
            <h3>{e.code} {e.name}</h3>
            <p className="facts">
              <span className="badge">{e.division}</span>
              <span className="badge">{t(`eventStatuses.${e.status}`)}</span>
              {e.frozen ? <span className="badge status-submitted">{t('live.frozen').split('：')[0]}</span> : null}
            </p>
            <ProgressBar progress={e.progress} />
            {e.leaders.length ? (
              <ol className="leaders" aria-label={t('live.leaders')}>
                {e.leaders.map((l) => (
                  <li key={`${l.rank}-${l.workCode ?? l.school}`}>
                    <span className="rank">{l.rank}</span> {l.school ?? l.workCode} <span className="muted">{formatScore(l.total)}</span>
                  </li>
                ))}
              </ol>
            ) : null}
          </Link>
        ))}
      </div>
      <MedalTable title={t('live.medalsBySchool')} rows={board.medals.bySchool} />
      <MedalTable title={t('live.medalsByPrefecture')} rows={board.medals.byPrefecture} />
    </>
  );
}

function MedalTable({ title, rows }: { title: string; rows: CompetitionBoard['medals']['bySchool'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section className="panel">
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <Table label={title} columns={[{ label: t('live.place'), num: true }, t('live.name'), { label: <>● {t('live.award.first')}</>, num: true }, { label: <>◆ {t('live.award.second')}</>, num: true }, { label: <>▲ {t('live.award.third')}</>, num: true }, { label: t('live.sum'), num: true }]}>
        {rows.map((r) => (
          <tr key={r.name}>
            <td className="num">{r.place}</td><td>{r.name}</td><td className="num">{r.first}</td><td className="num">{r.second}</td><td className="num">{r.third}</td><td className="num">{r.total}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
