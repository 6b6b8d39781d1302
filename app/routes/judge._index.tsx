import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { AssignmentTable } from '#app/components/assignment-table.tsx';
import { listOwnAssignments } from '#app/models/judge.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 裁判' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  return json({ name: actor.displayName, assignments: listOwnAssignments(context.db, actor) });
}

export default function JudgeDashboard() {
  const { name, assignments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.assignments')}</h2>
        <AssignmentTable assignments={assignments} />
      </section>
    </>
  );
}
