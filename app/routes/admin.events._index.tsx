import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { Field } from '#app/components/field.tsx';
import { FilterSelect } from '#app/components/filter-select.tsx';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { Table } from '#app/components/table.tsx';
import { EVENT_STATUSES } from '#app/domain/event-lifecycle.ts';
import { EVENT_SORTS } from '#app/domain/list-orders.ts';
import { pageOfEvents } from '#app/models/event-list.server.ts';
import { eventFilterInput } from '#app/schemas/admin.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';

export const meta: MetaFunction = () => [{ title: '赛项 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = eventFilterInput.parse(query);
  return json({ filter, ...pageOfEvents(context.db, actor, filter, { page: sliceInput.parse(query).page }) });
}

export default function AdminEvents() {
  const { filter, events, total, page, pages, competitionId, years, divisions, venues } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const query = filterQuery(filter);
  return (
    <>
      <h1>{t('home.events')}</h1>
      <Form method="get" className="filters" aria-label={t('accounts.filter')}>
        {years.length > 1 ? <FilterSelect name="competitionId" label={t('setup.year')} value={competitionId ?? undefined} blank={null} options={years} /> : null}
        <FilterSelect name="divisionId" label={t('registration.division')} value={filter.divisionId} options={divisions} />
        <FilterSelect name="venueId" label={t('live.venue')} value={filter.venueId} options={venues} />
        <FilterSelect name="status" label={t('registration.status')} value={filter.status} options={EVENT_STATUSES.map((s) => ({ id: s, label: t(`eventStatuses.${s}`) }))} />
        <FilterSelect name="sort" label={t('registration.sort')} value={filter.sort ?? EVENT_SORTS[0]} blank={null} options={EVENT_SORTS.map((s) => ({ id: s, label: t(`setup.eventSortBy.${s}`) }))} />
        <Field name="f-q" label={t('setup.eventSearch')}>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={50} />
        </Field>
        <button type="submit" className="button-secondary">{t('accounts.filter')}</button>
      </Form>
      <Table label={t('home.events')} className="cards" columns={[t('registration.event'), t('registration.division'), t('live.venue'), t('dashboard.scheduledOn'), t('registration.status')]}>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="card-title"><Link to={`/admin/events/${e.id}`}><strong>{e.code}</strong> {e.name}</Link></td>
            <td data-label={t('registration.division')}>{e.division}</td>
            <td data-label={t('live.venue')}>{e.venue ?? '—'}</td>
            <td data-label={t('dashboard.scheduledOn')}>{e.scheduledOn ?? '—'}</td>
            <td data-label={t('registration.status')}>{t(`eventStatuses.${e.status}`)}</td>
          </tr>
        ))}
      </Table>
      {events.length === 0 ? <p className="muted">{t('setup.noEventsFound')}</p> : null}
      <Pager page={page} pages={pages} total={total} query={query} />
    </>
  );
}
