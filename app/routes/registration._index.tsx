import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '#app/domain/beijing.ts';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { createTeam, listOpenEvents } from '#app/models/roster.server.ts';
import { createTeamFormInput } from '#app/schemas/registration.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '报名 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  return json({ events: listOpenEvents(context.db, actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const parsed = await parseForm(request, context, createTeamFormInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const teamId = createTeam(context.db, actor, { eventId: parsed.data.eventId });
    return redirect(`/teams/${teamId}`);
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function RegistrationEvents() {
  const { events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t('registration.events')}</h1>
      <p className="muted">{t('registration.eventsBody')}</p>
      <p className="actions">
        <Link to="/registration/import" className="button button-secondary">{t('registration.import')}</Link>
      </p>
      <FormMessage error={result && !result.ok ? [result.formError, ...Object.values(result.fields)].join(' ') : null} />
      <Table label={t('registration.events')} columns={[t('registration.event'), t('registration.division'), t('registration.teamSize'), t('registration.deadline'), t('registration.yourTeam')]}>
        {events.map((e) => (
          <tr key={e.id}>
            <td><strong>{e.code}</strong> {e.name}</td>
            <td>{e.division}</td>
            <td>
              {e.minTeamSize === e.maxTeamSize ? e.maxTeamSize : `${e.minTeamSize}–${e.maxTeamSize}`}
              <div className="muted">{t('registration.advisors')} ≤ {e.maxAdvisors} · {t('registration.quota')} {e.quotaPerSchool}</div>
            </td>
            <td>{e.deadline ? formatBeijing(e.deadline, i18n.language, 'medium') : '—'}</td>
            <td>
              {e.teams.map((team) => (
                <div key={team.id}>
                  <Link to={`/teams/${team.id}`}>{t(`teamStatuses.${team.status}`)} · {t('registration.open')}</Link>
                </div>
              ))}
              {e.canEnter ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="eventId" value={e.id} />
                  <button type="submit" aria-label={`${t('registration.enter')} ${e.code}`}>{t('registration.enter')}</button>
                  {e.ownTeacherJudges ? <p className="muted small">{t('registration.ownTeacherJudges')}</p> : null}
                </Form>
              ) : e.teams.length === 0 ? (
                <span className="muted">{!e.eligible ? t('registration.notEligible') : !e.open ? t('registration.closed') : t('registration.quotaUsed')}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
