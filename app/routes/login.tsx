import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { logIn } from '#app/auth/login.server.ts';
import { getActor, homePathFor, safeRedirectPath } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, Field, FormMessage } from '#app/components/field.tsx';
import { loginInput } from '#app/schemas/account.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '登录 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  if (actor) throw redirect(homePathFor(actor));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, context, loginInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { actor, setCookie } = await logIn(request, context, parsed.data);
    const to = safeRedirectPath(parsed.form.get('redirectTo'), homePathFor(actor));
    return redirect(to === '/' || to.startsWith('/login') ? homePathFor(actor) : to, { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    return formFailure(request, error, { username: parsed.data.username });
  }
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const failure = result && !result.ok ? result : undefined;
  return (
    <section className="panel login">
      <h1>{t('login.title')}</h1>
      <FormMessage error={failure?.formError} success={params.get('loggedOut') ? t('login.loggedOut') : null} />
      {/* A full page load after signing in brings the desks’ words with the first desk page. */}
      <Form method="post" className="stack" reloadDocument>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <Field name="username" label={t('login.username')} error={failure?.fields.username}>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            required
            defaultValue={failure?.values.username}
            {...describedBy('username', failure?.fields.username)}
          />
        </Field>
        <Field name="password" label={t('login.password')} error={failure?.fields.password}>
          <input id="password" name="password" type="password" autoComplete="current-password" required {...describedBy('password', failure?.fields.password)} />
        </Field>
        <button type="submit" disabled={busy}>{t('login.submit')}</button>
      </Form>
      <p className="muted">{t('login.demoHint')}</p>
    </section>
  );
}
