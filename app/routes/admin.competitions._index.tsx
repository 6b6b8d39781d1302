/** The organiser's years: every competition, and a new one (optionally copied from the last). */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { Choice, Setting } from '#app/components/setup-fields.tsx';
import { Table } from '#app/components/table.tsx';
import { createCompetition, listCompetitions } from '#app/models/competition-setup.server.ts';
import { fromForm } from '#app/schemas/form.server.ts';
import { competitionInput } from '#app/schemas/setup.server.ts';
import { COMPETITION_KINDS } from '#app/domain/works.ts';
import { formFailure, parseForm, valuesOf } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '届次设置 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return json({ competitions: listCompetitions(context.db, actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, fromForm(competitionInput));
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { id } = createCompetition(context.db, actor, parsed.data);
    return redirect(`/admin/competitions/${id}`);
  } catch (error) {
    return formFailure(request, error, valuesOf(parsed.form));
  }
}

export default function Competitions() {
  const { competitions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const state = result && !result.ok ? result : undefined;
  const year = new Date().getFullYear() + 1;
  return (
    <>
      <h1>{t('setup.years')}</h1>
      {competitions.length ? (
        <Table label={t('setup.years')} columns={[t('setup.year'), t('setup.name'), t('registration.status')]}>
          {competitions.map((c) => (
            <tr key={c.id}>
              <td>{c.year}</td>
              <td><Link to={`/admin/competitions/${c.id}`}>{c.name}</Link></td>
              <td>{t(`phases.${c.phase}`)}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="notice">{t('setup.noYears')}</p>
      )}
      <section className="panel" aria-labelledby="new-year">
        <h2 id="new-year" style={{ marginTop: 0 }}>{t('setup.newYear')}</h2>
        <FormMessage error={state?.formError} />
        <Form method="post" className="stack">
          <CsrfInput />
          <Setting name="name" label={t('setup.name')} value={`${year}年“楚怡杯”湖南省职业院校技能竞赛`} state={state} required />
          <Setting name="year" label={t('setup.year')} value={year} state={state} inputMode="numeric" required />
          <Choice name="kind" label={t('works.platform')} state={state} options={COMPETITION_KINDS.map((k) => ({ value: k, label: t(`inheritors.platforms.${k}`) }))} />
          <Setting name="startsOn" label={t('setup.startsOn')} type="date" state={state} required />
          <Setting name="endsOn" label={t('setup.endsOn')} type="date" state={state} required />
          <Setting name="registrationOpensAt" label={t('setup.registrationOpensAt')} type="datetime-local" state={state} />
          <Setting name="registrationDeadline" label={t('setup.registrationDeadline')} type="datetime-local" state={state} />
          <Setting name="announcementDays" label={t('setup.announcementDays')} value={5} state={state} inputMode="numeric" />
          <Choice name="copyFrom" label={t('setup.copyFrom')} state={state} options={[{ value: '', label: t('setup.copyNone') }, ...competitions.map((c) => ({ value: c.id, label: `${c.year} ${c.name}` }))]} />
          <button type="submit" disabled={busy}>{t('setup.create')}</button>
        </Form>
      </section>
    </>
  );
}
