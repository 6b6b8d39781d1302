import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { publishedEvents } from '#app/models/award.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';

export const meta: MetaFunction = () => [{ title: '成绩公示 · 楚怡杯竞赛系统' }];

export async function loader({ context }: LoaderFunctionArgs) {
  const competition = findCurrentCompetition(context.db);
  return json({ competition: competition ? { name: competition.name } : null, events: competition ? publishedEvents(context.db, competition.id) : [] });
}

export default function ResultsIndex() {
  const { competition, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!competition) return <NotOpenYet title={t('awards.title')} />;
  return (
    <>
      <h1>{t('awards.title')}</h1>
      <p className="facts">{competition.name}</p>
      {events.length === 0 ? <p className="panel">{t('awards.none')}</p> : null}
      <div className="grid">
        {events.map((e) => (
          <Link key={e.id} to={`/results/${e.id}`} className="card">
            <h3>{e.code} {e.name}</h3>
            <p>{e.division} · {t(`eventStatuses.${e.status}`)}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
