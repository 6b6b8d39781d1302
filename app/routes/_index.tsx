import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '#app/domain/beijing.ts';
import { Table } from '#app/components/table.tsx';
import { getCompetitionSummary } from '#app/models/competition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.competition?.name ?? '楚怡杯竞赛系统' },
  { name: 'description', content: '“楚怡杯”湖南省职业院校技能竞赛：报名、评分、实时排名、奖项与传承人名录' },
];

export async function loader({ context }: LoaderFunctionArgs) {
  return json({ competition: getCompetitionSummary(context.db) });
}

export default function Home() {
  const { competition } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  if (!competition) {
    return (
      <section className="panel">
        <h1>{t('app.name')}</h1>
        <p>{t('home.noCompetition')}</p>
      </section>
    );
  }
  const deadline = competition.registrationDeadline
    ? formatBeijing(competition.registrationDeadline, i18n.language)
    : '—';
  return (
    <>
      <section className="hero" aria-labelledby="competition-name">
        <p className="muted" style={{ color: '#fde8e8', margin: 0 }}>{t('home.currentCompetition')}</p>
        <h1 id="competition-name">{competition.name}</h1>
        <ul className="facts">
          <li>
            {t('home.phase')}: <span className="badge" data-testid="phase">{t(`phases.${competition.phase}`)}</span>
          </li>
          <li>{t('home.registrationDeadline')}: {deadline}</li>
          <li>{t('home.dates')}: {competition.startsOn} — {competition.endsOn}</li>
        </ul>
      </section>

      <section className="grid" aria-label={t('home.publicLinks')}>
        <Link to="/live" className="card"><h3>{t('nav.live')}</h3><p>{t('home.liveBody')}</p></Link>
        <Link to="/results" className="card"><h3>{t('nav.results')}</h3><p>{t('home.resultsBody')}</p></Link>
        <Link to="/inheritors" className="card"><h3>{t('nav.inheritors')}</h3><p>{t('home.inheritorsBody')}</p></Link>
      </section>

      <section className="grid" style={{ marginTop: '1rem' }}>
        <div className="card"><div className="stat">{competition.counts.events}</div><div>{t('home.events')}</div></div>
        <div className="card"><div className="stat">{competition.counts.schools}</div><div>{t('home.schools')}</div></div>
        <div className="card"><div className="stat">{competition.counts.contestants}</div><div>{t('home.contestants')}</div></div>
      </section>

      {competition.divisions.map((division) => (
        <section key={division.id} aria-labelledby={`division-${division.id}`}>
          <h2 id={`division-${division.id}`}>
            {division.name} <span className="muted">· {t('home.eventCount', { count: division.events.length })}</span>
          </h2>
          <Table label={t('home.events')} columns={[t('home.event'), t('home.teamSize'), t('home.venue'), t('home.scheduledOn')]}>
            {division.events.map((e) => (
              <tr key={e.id}>
                <td><strong>{e.code}</strong> {e.name}</td>
                <td>
                  {e.maxTeamSize === 1
                    ? t('home.individual')
                    : `${t('home.team')} ${e.minTeamSize === e.maxTeamSize ? e.maxTeamSize : `${e.minTeamSize}–${e.maxTeamSize}`}`}
                </td>
                <td>{e.venue ?? '—'}</td>
                <td>{e.scheduledOn ?? '—'}</td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </>
  );
}
