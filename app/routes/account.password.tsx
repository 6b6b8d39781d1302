import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getIdentity, homePathFor, requireActor } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, Field, FormMessage, NewPasswordFields } from '#app/components/field.tsx';
import { changeOwnPassword, mustChangePassword } from '#app/models/account.server.ts';
import { changePasswordInput } from '#app/schemas/account.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '修改密码 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return json({ mustChange: mustChangePassword(context.db, actor.userId) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = await parseForm(request, context, changePasswordInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const identity = await getIdentity(request, context);
    await changeOwnPassword(context.db, actor, parsed.data, identity?.sessionId ?? null);
  } catch (error) {
    return formFailure(request, error);
  }
  return redirect(`${homePathFor(actor)}?passwordChanged=1`);
}

export default function ChangePassword() {
  const { mustChange } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : undefined;
  return (
    <section className="panel login">
      <h1>{t('password.title')}</h1>
      {mustChange ? <p className="notice notice-error">{t('password.mustChange')}</p> : null}
      <FormMessage error={failure?.formError} />
      <Form method="post" className="stack">
        <CsrfInput />
        <Field name="current" label={t('password.current')} error={failure?.fields.current}>
          <input id="current" name="current" type="password" autoComplete="current-password" required {...describedBy('current', failure?.fields.current)} />
        </Field>
        <NewPasswordFields fields={failure?.fields} labels={{ password: t('password.next'), confirm: t('password.confirm') }} />
        <button type="submit">{t('password.submit')}</button>
      </Form>
    </section>
  );
}
