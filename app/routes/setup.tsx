/**
 * The first run of a fresh install: the first administrator is created here, with the password
 * its owner chooses. The page exists only while no administrator does (then it answers 404).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { startSession } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, Field, FormMessage, NewPasswordFields } from '#app/components/field.tsx';
import { createFirstAdmin, hasAdmin, loadActor } from '#app/models/account.server.ts';
import { setupInput } from '#app/schemas/account.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '首次设置 · 楚怡杯竞赛系统' }];

function requireFreshInstall(context: LoaderFunctionArgs['context']) {
  if (hasAdmin(context.db)) throw new Response('Not found', { status: 404 });
}

export async function loader({ context }: LoaderFunctionArgs) {
  requireFreshInstall(context);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireFreshInstall(context);
  const parsed = await parseForm(request, context, setupInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { userId } = await createFirstAdmin(context.db, parsed.data, context.clientIp);
    const setCookie = await startSession(request, context, loadActor(context.db, userId)!);
    return redirect('/admin', { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    return formFailure(request, error, { username: parsed.data.username, displayName: parsed.data.displayName });
  }
}

export default function Setup() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const failure = result && !result.ok ? result : undefined;
  return (
    <section className="panel login">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.body')}</p>
      <FormMessage error={failure?.formError} />
      <Form method="post" className="stack" reloadDocument>
        <CsrfInput />
        <Field name="username" label={t('login.username')} error={failure?.fields.username}>
          <input id="username" name="username" autoComplete="username" autoCapitalize="none" required defaultValue={failure?.values.username} {...describedBy('username', failure?.fields.username)} />
        </Field>
        <Field name="displayName" label={t('accounts.displayName')} error={failure?.fields.displayName}>
          <input id="displayName" name="displayName" required defaultValue={failure?.values.displayName ?? '组委会办公室'} {...describedBy('displayName', failure?.fields.displayName)} />
        </Field>
        <NewPasswordFields fields={failure?.fields} labels={{ password: t('password.next'), confirm: t('password.confirm') }} />
        <button type="submit" disabled={busy}>{t('setup.submit')}</button>
      </Form>
    </section>
  );
}
