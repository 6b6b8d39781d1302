import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { AssignmentTable } from '#app/components/assignment-table.tsx';
import { listOwnAssignments } from '#app/models/judge.server.ts';
import { reviewQueue } from '#app/models/review.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 裁判' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  // Entries to review online (网评), if any: the way in from a judge's desk.
  const reviews = reviewQueue(context.db, actor);
  return json({ name: actor.displayName, assignments: listOwnAssignments(context.db, actor), reviews: { total: reviews.length, left: reviews.filter((r) => !r.mine && r.open).length } });
}

export default function JudgeDashboard() {
  const { name, assignments, reviews } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.assignments')}</h2>
        <AssignmentTable assignments={assignments} />
      </section>
      {reviews.total ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.reviewTitle')}</h2>
          <p>{t('works.reviewWaiting', { left: reviews.left, total: reviews.total })} <Link to="/review">{t('works.reviewOpen')}</Link></p>
        </section>
      ) : null}
    </>
  );
}
