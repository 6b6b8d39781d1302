import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, FormMessage } from '#app/components/field.tsx';
import { allowed } from '#app/domain/permissions.ts';
import { canTakeTeamStep } from '#app/domain/team-lifecycle.ts';
import { getTeamDetail, saveRoster } from '#app/models/roster.server.ts';
import { approveTeam, returnTeam, submitTeam } from '#app/models/team-lifecycle.server.ts';
import { teamPageInput } from '#app/schemas/registration.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { formFailure, parseForm, valuesOf } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';
import { violationFields } from '#app/utils/validation.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.code ?? ''} ${data?.team.name ?? ''} · 参赛队` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  const detail = modelRead(request, () => getTeamDetail(context.db, actor, numericParam(params.id)));
  const t = translator(languageOf(request));
  const resource = { schoolId: detail.school.id };
  const may = allowed(actor, ['team:register', 'team:review'], resource);
  return json({
    ...detail,
    problems: Object.values(violationFields(detail.violations, t)),
    // What the page offers is exactly what the model would accept now.
    actions: {
      edit: detail.editable && may['team:register'],
      approve: may['team:review'] && canTakeTeamStep('approve', detail.team.status, detail.event.status),
      return: may['team:review'] && canTakeTeamStep('return', detail.team.status, detail.event.status),
      reviewer: may['team:review'],
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  const id = numericParam(params.id);
  const parsed = await parseForm(request, context, teamPageInput);
  if (!parsed.ok) return json({ ...parsed, intent: parsed.values.intent ?? 'save' }, { status: 400 });
  const input = parsed.data;
  const intent = input.intent;
  try {
    if (input.intent === 'approve') approveTeam(context.db, actor, id);
    else if (input.intent === 'return') returnTeam(context.db, actor, id, input.reason);
    else {
      saveRoster(context.db, actor, id, input);
      if (input.intent === 'submit') submitTeam(context.db, actor, id);
    }
  } catch (error) {
    return formFailure(request, error, valuesOf(parsed.form));
  }
  return json({ ok: true as const, intent });
}

export default function TeamPage() {
  const { team, event, school, roster, problems, actions } = useLoaderData<typeof loader>();
  const isAdmin = actions.reviewer;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : undefined;
  const fields: Record<string, string> = failure?.fields ?? {};
  const values: Record<string, string> = failure?.values ?? {};
  const done = result?.ok ? { save: t('registration.saved'), submit: t('registration.submitted'), approve: t('registration.approved'), return: t('registration.returned') }[result.intent] : null;
  const value = (key: string, fallback: string | null | undefined) => values[key] ?? fallback ?? '';

  const input = (key: string, label: string, fallback: string | null | undefined, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={key}>{label}</label>
      <input id={key} name={key} defaultValue={value(key, fallback)} readOnly={!actions.edit} {...describedBy(key, fields[key])} {...props} />
      {fields[key] ? <p className="field-error" id={`${key}-error`}>{fields[key]}</p> : null}
    </div>
  );

  return (
    <>
      <p><Link to={isAdmin ? '/admin/registrations' : '/registration'}>← {isAdmin ? t('registration.review') : t('registration.events')}</Link></p>
      <h1>
        {event.code} {event.name} · <span data-testid="team-status" className={`badge status-${team.status}`}>{t(`teamStatuses.${team.status}`)}</span>
      </h1>
      <p className="muted">{school.prefecture} · {school.name} · {event.division} · {t('registration.teamSize')} {event.minTeamSize === event.maxTeamSize ? event.maxTeamSize : `${event.minTeamSize}–${event.maxTeamSize}`}</p>
      <FormMessage error={failure ? [failure.formError, fields._form].filter(Boolean).join(' ') : null} success={done} />
      {team.status === 'returned' && team.returnReason ? (
        <p className="notice notice-error" data-testid="return-reason">{t('registration.returnedBecause', { reason: team.returnReason })}</p>
      ) : null}

      <section className="panel" aria-labelledby="check">
        <h2 id="check" style={{ marginTop: 0 }}>{t('registration.check')}</h2>
        {problems.length === 0 ? (
          <p className="notice notice-success">{t('registration.checkOk')}</p>
        ) : (
          <>
            <p>{t('registration.checkProblems')}</p>
            <ul data-testid="problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </>
        )}
      </section>

      <Form method="post" className="panel">
        <CsrfInput />
        {!actions.edit && !isAdmin ? <p className="notice">{t('registration.readOnly')}</p> : null}
        {input('name', t('registration.teamName'), team.name)}
        <h2>{t('registration.contestants')}</h2>
        {fields.contestants ? <p className="field-error">{fields.contestants}</p> : null}
        {Array.from({ length: event.maxTeamSize }, (_, i) => {
          const c = roster.contestants[i];
          return (
            <fieldset key={i} className="roster-row">
              <legend>{t('registration.contestant', { n: i + 1 })}</legend>
              {input(`contestants.${i}.name`, t('registration.name'), c?.name, { autoComplete: 'off' })}
              {input(`contestants.${i}.idNumber`, t('registration.idNumber'), c?.idNumber, { autoComplete: 'off', inputMode: 'text', maxLength: 18, pattern: '[0-9]{17}[0-9Xx]' })}
              {input(`contestants.${i}.studentNumber`, t('registration.studentNumber'), c?.studentNumber)}
              {input(`contestants.${i}.major`, t('registration.major'), c?.major)}
              {input(`contestants.${i}.phone`, t('registration.phone'), c?.phone, { inputMode: 'tel' })}
            </fieldset>
          );
        })}
        <h2>{t('registration.advisors')}</h2>
        {fields.advisors ? <p className="field-error">{fields.advisors}</p> : null}
        {Array.from({ length: event.maxAdvisors }, (_, i) => {
          const a = roster.advisors[i];
          return (
            <fieldset key={i} className="roster-row">
              <legend>{t('registration.advisor', { n: i + 1 })}</legend>
              {input(`advisors.${i}.name`, t('registration.name'), a?.name)}
              {input(`advisors.${i}.title`, t('registration.advisorTitle'), a?.title)}
              {input(`advisors.${i}.phone`, t('registration.phone'), a?.phone, { inputMode: 'tel' })}
            </fieldset>
          );
        })}
        {actions.edit ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button-secondary" disabled={busy}>{t('registration.save')}</button>
            <button type="submit" name="intent" value="submit" disabled={busy}>{t('registration.submit')}</button>
          </div>
        ) : null}
      </Form>

      {actions.approve || actions.return ? (
        <section className="panel" aria-label={t('registration.review')}>
          {actions.approve ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="approve" disabled={busy}>{t('registration.approve')}</button>
            </Form>
          ) : null}
          {actions.return ? (
            <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
              <CsrfInput />
              <label htmlFor="reason">{t('registration.returnReason')}</label>
              <textarea id="reason" name="reason" required maxLength={500} rows={2} {...describedBy('reason', fields.reason)} />
              {fields.reason ? <p className="field-error" id="reason-error">{fields.reason}</p> : null}
              <button type="submit" name="intent" value="return" className="button-secondary" disabled={busy}>{t('registration.return')}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
