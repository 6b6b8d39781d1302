/** 组织奖: a works-based year's schools and prefectures by the prizes their entries won, under the declared rule. */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { organisationStandings } from '#app/models/organisation-award.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.competition.name ?? ''} · 组织奖` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return json(modelRead(request, () => organisationStandings(context.db, numericParam(params.competitionId))));
}

type Standing = ReturnType<typeof organisationStandings>['schools'][number];

function Standings({ title, rows, places }: { title: string; rows: Standing[]; places: number }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-label={title}>
      <h2 style={{ marginTop: 0 }}>{title} <span className="muted">{t('organisation.places', { count: places })}</span></h2>
      {rows.length === 0 ? (
        <p>{t('organisation.none')}</p>
      ) : (
        <Table label={title} columns={[{ label: t('live.place'), num: true }, t('live.name'), { label: t('organisation.prizes'), num: true }, { label: t('organisation.points'), num: true }, '']}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="num">{r.rank}</td>
              <td>{r.name}</td>
              <td className="num">{t('organisation.prizeCounts', r.prizes)}</td>
              <td className="num">{r.points}</td>
              <td>{r.awarded ? <span className="badge status-approved">{t('organisation.award')}</span> : null}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

export default function OrganisationAwards() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { points } = data.rule;
  return (
    <>
      <p><Link to="/results">← {t('awards.title')}</Link></p>
      <h1>{data.competition.name} · {t('organisation.title')}</h1>
      <p className="muted">{t('organisation.rule', { first: points.first, second: points.second, third: points.third, merit: points.merit, categories: data.categories })}</p>
      <Standings title={t('organisation.schools')} rows={data.schools} places={data.rule.schools} />
      <Standings title={t('organisation.prefectures')} rows={data.prefectures} places={data.rule.prefectures} />
    </>
  );
}
