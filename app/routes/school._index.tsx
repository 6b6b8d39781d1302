import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, Field, FormMessage } from '#app/components/field.tsx';
import { getSchoolProfile, updateSchoolContact } from '#app/models/school.server.ts';
import { listTeamsOfSchool } from '#app/models/team.server.ts';
import { schoolContactInput } from '#app/schemas/competition.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 院校联系人' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const schoolId = actor.schoolId!;
  return json({
    school: getSchoolProfile(context.db, actor, schoolId),
    teams: listTeamsOfSchool(context.db, actor, schoolId),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const parsed = await parseForm(request, context, schoolContactInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    updateSchoolContact(context.db, actor, actor.schoolId!, parsed.data);
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const });
}

export default function SchoolDashboard() {
  const { school, teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>{school.name}</h1>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.schoolProfile')}</h2>
        <p>
          {t('dashboard.prefecture')}: {school.prefecture} · {t('dashboard.schoolType')}: {t(`schoolTypes.${school.type}`)} · {school.code}
        </p>
        <FormMessage error={failure?.formError} success={result?.ok ? t('dashboard.saved') : null} />
        <Form method="post" className="stack">
          <CsrfInput />
          <Field name="contactName" label={t('dashboard.contact')} error={failure?.fields.contactName}>
            <input id="contactName" name="contactName" defaultValue={failure?.values.contactName ?? school.contactName ?? ''} required {...describedBy('contactName', failure?.fields.contactName)} />
          </Field>
          <Field name="contactPhone" label={t('dashboard.contactPhone')} error={failure?.fields.contactPhone}>
            <input id="contactPhone" name="contactPhone" inputMode="tel" defaultValue={failure?.values.contactPhone ?? school.contactPhone ?? ''} required {...describedBy('contactPhone', failure?.fields.contactPhone)} />
          </Field>
          <Field name="enrolment" label={t('works.enrolment')} error={failure?.fields.enrolment}>
            <input id="enrolment" name="enrolment" inputMode="numeric" defaultValue={failure?.values.enrolment ?? school.enrolment ?? ''} {...describedBy('enrolment', failure?.fields.enrolment)} />
          </Field>
          <button type="submit">{t('dashboard.save')}</button>
        </Form>
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('dashboard.yourTeams')}</h2>
        <p className="actions">
          <Link to="/registration" className="button">{t('registration.events')}</Link>
          <Link to="/registration/import" className="button button-secondary">{t('registration.import')}</Link>
        </p>
        {teams.length === 0 ? (
          <p>{t('dashboard.noTeams')}</p>
        ) : (
          <Table label={t('dashboard.yourTeams')} columns={[t('dashboard.event'), t('dashboard.team'), { label: t('dashboard.members'), num: true }, t('dashboard.status')]}>
            {teams.map((team) => (
              <tr key={team.id}>
                <td><strong>{team.eventCode}</strong> {team.eventName}</td>
                <td><Link to={`/teams/${team.id}`}>{team.name}</Link></td>
                <td className="num">{team.members}</td>
                <td>
                  <span className={`badge status-${team.status}`}>{t(`teamStatuses.${team.status}`)}</span>
                  {team.returnReason ? <div className="muted">{team.returnReason}</div> : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
