import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppealStatus } from '#app/components/appeal-status.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { beijing } from '#app/components/award-list.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { appealsForArbiter, decideAppeal } from '#app/models/appeal.server.ts';
import { decideFormInput } from '#app/schemas/awards.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '工作台 · 监督仲裁' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:arbiter');
  return json({ name: actor.displayName, appeals: appealsForArbiter(context.db, actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:arbiter');
  const parsed = await parseForm(request, context, decideFormInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    decideAppeal(context.db, actor, parsed.data.appealId, parsed.data);
    return json({ ok: true as const });
  } catch (error) {
    return formFailure(request, error);
  }
}

export default function ArbiterDashboard() {
  const { name, appeals } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t('appeals.saved') : null} />
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('appeals.toDecide')}</h2>
        {appeals.toDecide.length === 0 ? <p>{t('dashboard.noAppeals')}</p> : null}
        {appeals.toDecide.map((a) => (
          <div key={a.id} className="card" data-testid="appeal">
            <h3>{a.eventCode} {a.eventName} · {a.team}</h3>
            <p><small>{a.school} · {beijing(a.createdAt, i18n.language)}</small></p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</p>
            {a.attachmentId ? <p><a href={`/appeals/${a.id}/attachment`}>{t('appeals.attachmentLink', { name: a.attachmentName })}</a></p> : null}
            <Form method="post" className="filters">
              <CsrfInput />
              <input type="hidden" name="appealId" value={a.id} />
              <label>
                {t('appeals.decision')} <input name="reason" required maxLength={500} size={30} />
              </label>
              <button type="submit" name="decision" value="upheld" disabled={busy}>{t('appeals.uphold')}</button>
              <button type="submit" name="decision" value="rejected" disabled={busy}>{t('appeals.reject')}</button>
            </Form>
          </div>
        ))}
      </section>
      {appeals.decided.length ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('appeals.decided')}</h2>
          <ul>
            {appeals.decided.map((a) => (
              <li key={a.id}>
                {a.eventCode} {a.team} · <AppealStatus status={a.status} />：{a.decisionReason}
                {a.status === 'upheld' ? ` · ${a.resolvedRunId ? t('appeals.resolved') : t('appeals.awaitingChief')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
