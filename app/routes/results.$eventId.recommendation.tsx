/** The 国赛推荐名单 of an event, printable on A4: who is recommended, in order, and why (#15). */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getActor } from '#app/auth/session.server.ts';
import { Table } from '#app/components/table.tsx';
import { formatScore, fromOrNull } from '#app/domain/exact.ts';
import { recommendationList } from '#app/models/round.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.list.event.code} 国赛推荐名单` : '国赛推荐名单' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return json({ list: modelRead(request, () => recommendationList(context.db, actor, numericParam(params.eventId))) });
}

export default function Recommendation() {
  const { list } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="print-a4">
      <h1>{list.event.code} {list.event.name}<br />{t('rounds.recommendation')}</h1>
      <p>{list.ruleText} {list.basisText}</p>
      <Table label={t('rounds.recommendation')} className="cards" columns={[t('rounds.order'), t('rounds.rank'), t('rounds.people'), t('rounds.school'), t('rounds.total')]}>
        {list.rows.map((r, i) => (
          <tr key={r.id}>
            <td className="card-title">{i + 1}{r.withdrawn ? <span className="badge">{t('rounds.withdrawn')}</span> : r.replaces ? <span className="badge">{t('rounds.replacement')}</span> : null}</td>
            <td data-label={t('rounds.rank')}>{r.rank}</td>
            <td data-label={t('rounds.people')}>{r.names.join('、')}<br /><small className="muted">{r.team}</small></td>
            <td data-label={t('rounds.school')}>{r.school}<br /><small className="muted">{r.prefecture}</small></td>
            <td data-label={t('rounds.total')}>{formatScore(fromOrNull(r.total))}</td>
          </tr>
        ))}
      </Table>
      <h2>{t('rounds.why')}</h2>
      <ul>{list.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>{t('awards.print')}</button>{' '}
        <a href={`/api/v1/events/${list.event.id}/recommendation.xlsx`} download>{t('rounds.downloadList')}</a>
      </p>
    </article>
  );
}
