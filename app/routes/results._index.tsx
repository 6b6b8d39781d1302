import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotOpenYet } from '#app/components/not-open.tsx';
import { publishedYears } from '#app/models/award.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';

export const meta: MetaFunction = () => [{ title: '成绩公示 · 楚怡杯竞赛系统' }];

export async function loader({ context }: LoaderFunctionArgs) {
  // The current year first (even before anything is published), then earlier years with results.
  const current = findCurrentCompetition(context.db);
  return json({ years: current ? publishedYears(context.db, current.id) : [] });
}

export default function ResultsIndex() {
  const { years } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (years.length === 0) return <NotOpenYet title={t('awards.title')} />;
  return (
    <>
      <h1>{t('awards.title')}</h1>
      {years.map((year, i) => (
        <section key={year.id} aria-labelledby={`year-${year.id}`}>
          <h2 id={`year-${year.id}`}>{year.name}</h2>
          {year.kind !== 'skills' && year.events.length ? <p><Link to={`/results/organisation/${year.id}`}>{t('organisation.title')}</Link></p> : null}
          {year.events.length === 0 && i === 0 ? <p className="panel">{t('awards.none')}</p> : null}
          <div className="grid">
            {year.events.map((e) => (
              <Link key={e.id} to={`/results/${e.id}`} className="card">
                <h3>{e.code} {e.name}</h3>
                <p>{e.division} · {t(`eventStatuses.${e.status}`)}</p>
              </Link>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
