import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AwardBadge } from '#app/components/award-list.tsx';
import { inheritor } from '#app/models/nomination.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} · 楚怡职业教育精神传承人` : '楚怡职业教育精神传承人' }];

/** One inheritor: name, school, event, award and year only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const person = modelRead(request, () => inheritor(context.db, numericParam(params.id)));
  return json({ person }, { headers: { 'Cache-Control': 'public, max-age=300' } });
}

export default function InheritorPage() {
  const { person } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const award = person.award === 'outstanding_advisor' ? null : person.award;
  return (
    <article className="panel">
      <p><Link to="/inheritors">← {t('inheritors.back')}</Link></p>
      <h1>{person.name}</h1>
      <p className="lead">{t('inheritors.nominatedAs', { year: person.year, event: `${person.eventCode} ${person.eventName}`, award: award ? t(`awards.tiers.${award}`) : '' })}</p>
      <dl className="facts-list">
        <dt>{t('inheritors.school')}</dt><dd>{person.school}（{person.prefecture}）</dd>
        <dt>{t('inheritors.event')}</dt><dd>{person.eventCode} {person.eventName} · {person.division}</dd>
        <dt>{t('inheritors.award')}</dt><dd><AwardBadge award={award} /></dd>
        <dt>{t('inheritors.competition')}</dt><dd>{person.competition}</dd>
      </dl>
    </article>
  );
}
