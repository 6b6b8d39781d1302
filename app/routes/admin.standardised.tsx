/** Standardised scores across the year's events (#15): every ranked team on one scale, and the method per event. */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { Table } from '#app/components/table.tsx';
import { formatScore, fromHundredths } from '#app/domain/exact.ts';
import { STANDARD_CENTRE, STANDARD_SPREAD } from '#app/domain/standardise.ts';
import { standardisedTable } from '#app/models/standardised.server.ts';

export const meta: MetaFunction = () => [{ title: '跨赛项标准分 · 竞赛管理员' }];

const SHOWN = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const table = standardisedTable(context.db, actor);
  // The page shows the best two hundred; the whole list is in the order nominations take.
  return json({ ...table, rows: table.rows.slice(0, SHOWN), total: table.rows.length });
}

export default function Standardised() {
  const { competition, enabled, methods, rows, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('standardised.title')}</h1>
      <p>{t('standardised.intro', { centre: STANDARD_CENTRE, spread: STANDARD_SPREAD })}</p>
      {!enabled && competition ? (
        <p className="notice notice-warn">
          {t('standardised.off')} <Link to={`/admin/competitions/${competition.id}`}>{t('setup.settings')}</Link>
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{t('standardised.none')}</p> : null}
      {rows.length ? (
        <Table label={t('standardised.title')} className="cards" columns={[t('standardised.place'), t('registration.event'), t('registration.team'), t('standardised.eventRank'), t('rounds.total'), t('standardised.standard')]}>
          {rows.map((r, i) => (
            <tr key={r.teamId}>
              <td className="card-title">{i + 1}</td>
              <td data-label={t('registration.event')}>{r.eventCode} {r.eventName}</td>
              <td data-label={t('registration.team')}>{r.team}<br /><small className="muted">{r.school}</small></td>
              <td data-label={t('standardised.eventRank')}>{r.rank}</td>
              <td data-label={t('rounds.total')}>{formatScore(fromHundredths(r.total))}</td>
              <td data-label={t('standardised.standard')}><strong>{formatScore(fromHundredths(r.standard))}</strong></td>
            </tr>
          ))}
        </Table>
      ) : null}
      {total > rows.length ? <p className="muted">{t('standardised.more', { shown: rows.length, total })}</p> : null}
      {methods.length ? (
        <>
          <h2>{t('standardised.methods')}</h2>
          <ul>{methods.map((m) => <li key={m.eventId}><strong>{m.code} {m.name}</strong>（{t('standardised.teams', { count: m.teams })}）：{m.method}</li>)}</ul>
        </>
      ) : null}
    </>
  );
}
