import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { listEventsForAdmin } from '#app/models/judge.server.ts';

export const meta: MetaFunction = () => [{ title: '赛项 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return json({ events: listEventsForAdmin(context.db, actor) });
}

export default function AdminEvents() {
  const { events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.events')}</h1>
      <Table label={t('home.events')} columns={[t('registration.event'), t('dashboard.scheduledOn'), t('registration.status')]}>
        {events.map((e) => (
          <tr key={e.id}>
            <td><Link to={`/admin/events/${e.id}`}><strong>{e.code}</strong> {e.name}</Link></td>
            <td>{e.scheduledOn ?? '—'}</td>
            <td>{t(`eventStatuses.${e.status}`)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
