import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { COMPETITION_KINDS } from '#app/domain/works.ts';
import { Table } from '#app/components/table.tsx';
import { AwardBadge } from '#app/components/award-list.tsx';
import { inheritorRegister, registerFacets } from '#app/models/nomination.server.ts';
import { registerFilterInput } from '#app/schemas/awards.server.ts';

export const meta: MetaFunction = () => [{ title: '楚怡职业教育精神传承人名录 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const filter = registerFilterInput.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ filter, register: inheritorRegister(context.db, filter), facets: registerFacets(context.db) }, { headers: { 'Cache-Control': 'public, max-age=60' } });
}

export default function Inheritors() {
  const { filter, register, facets } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const pageLink = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), page: String(page) })}`;
  const select = (name: 'year' | 'division' | 'prefecture', values: (string | number)[]) => (
    <label>
      {t(`inheritors.${name}`)}{' '}
      <select name={name} defaultValue={filter[name] ?? ''}>
        <option value="">{t('inheritors.all')}</option>
        {values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </label>
  );
  return (
    <>
      <h1>{t('inheritors.title')}</h1>
      <p>{t('inheritors.intro')}</p>
      <Form method="get" className="filters" role="search">
        <label>
          <span className="visually-hidden">{t('inheritors.search')}</span>
          <input type="search" name="q" defaultValue={filter.q ?? ''} placeholder={t('inheritors.search')} maxLength={50} />
        </label>
        {select('year', facets.years)}
        {select('division', facets.divisions)}
        {select('prefecture', facets.prefectures)}
        <label>
          {t('inheritors.platform')}{' '}
          <select name="platform" defaultValue={filter.platform ?? ''}>
            <option value="">{t('inheritors.all')}</option>
            {COMPETITION_KINDS.map((k) => <option key={k} value={k}>{t(`inheritors.platforms.${k}`)}</option>)}
          </select>
        </label>
        <label>
          {t('inheritors.event')} <input name="event" defaultValue={filter.event ?? ''} size={10} maxLength={50} />
        </label>
        <label>
          {t('inheritors.school')} <input name="school" defaultValue={filter.school ?? ''} size={12} maxLength={50} />
        </label>
        <button type="submit">{t('inheritors.filter')}</button>
      </Form>
      <p aria-live="polite">{t('inheritors.count', { count: register.total })}</p>
      {register.rows.length === 0 ? <p className="panel">{t('inheritors.none')}</p> : null}
      <Table className="cards" label={t('inheritors.title')} columns={[t('inheritors.name'), t('inheritors.school'), t('inheritors.prefecture'), t('inheritors.event'), t('inheritors.award'), t('inheritors.year')]} testId="inheritors">
        {register.rows.map((r) => (
          <tr key={r.id}>
            <td className="card-title"><Link to={`/inheritors/${r.id}`}>{r.name}</Link></td>
            <td data-label={t('inheritors.school')}>{r.school}</td>
            <td data-label={t('inheritors.prefecture')}>{r.prefecture}</td>
            <td data-label={t('inheritors.event')}>{r.eventCode} {r.eventName} <small>{r.division} · {t(`inheritors.platforms.${r.platform}`)}</small></td>
            <td data-label={t('inheritors.award')}><AwardBadge award={r.award === 'outstanding_advisor' ? null : r.award} /></td>
            <td data-label={t('inheritors.year')}>{r.year}</td>
          </tr>
        ))}
      </Table>
      {register.pages > 1 ? (
        <nav className="actions" aria-label={t('inheritors.page', { page: register.page, pages: register.pages })}>
          {register.page > 1 ? <Link to={pageLink(register.page - 1)}>{t('inheritors.prev')}</Link> : null}
          <span>{t('inheritors.page', { page: register.page, pages: register.pages })}</span>
          {register.page < register.pages ? <Link to={pageLink(register.page + 1)}>{t('inheritors.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
