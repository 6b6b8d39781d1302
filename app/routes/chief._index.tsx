import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { AssignmentTable } from '#app/components/assignment-table.tsx';
import { listOwnAssignments, listPanel } from '#app/models/judge.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 裁判长' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:chief');
  const chiefOf = listOwnAssignments(context.db, actor).filter((a) => a.role === 'chief_judge');
  return json({
    name: actor.displayName,
    chiefOf,
    panels: chiefOf.map((a) => ({ eventId: a.eventId, judges: listPanel(context.db, actor, a.eventId) })),
  });
}

export default function ChiefDashboard() {
  const { name, chiefOf, panels } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.assignments')} · {t('roles.chief_judge')}</h2>
        <AssignmentTable assignments={chiefOf} />
      </section>
      {panels.map((p) => {
        const event = chiefOf.find((a) => a.eventId === p.eventId)!;
        return (
          <section className="panel" key={p.eventId}>
            <h2 style={{ marginTop: 0 }}>{t('dashboard.panel')} · {event.eventCode} {event.eventName}</h2>
            <ul>
              {p.judges.map((j) => (
                <li key={j.judgeId}>{j.name}（{j.affiliation}）· {t(`roles.${j.role}`)}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
