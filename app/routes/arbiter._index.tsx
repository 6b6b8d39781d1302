import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '#app/auth/session.server.ts';
import { appealsForArbiter } from '#app/models/appeal.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 监督仲裁' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, 'arbiter');
  return json({ name: actor.displayName, appeals: appealsForArbiter(context.db, actor).toDecide });
}

export default function ArbiterDashboard() {
  const { name, appeals } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.appeals')}</h2>
        {appeals.length === 0 ? (
          <p>{t('dashboard.noAppeals')}</p>
        ) : (
          <ul>
            {appeals.map((a) => (
              <li key={a.id}>{a.eventCode} · {a.reason}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
