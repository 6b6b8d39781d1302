import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_SORTS } from '#app/domain/list-orders.ts';
import { FilterSelect } from '#app/components/filter-select.tsx';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { describedBy, Field, FormMessage } from '#app/components/field.tsx';
import { createAccount, listAccounts, resetPassword } from '#app/models/account.server.ts';
import { issueApiToken } from '#app/models/api-token.server.ts';
import { listSchools } from '#app/models/school.server.ts';
import { accountDeskInput } from '#app/schemas/account.server.ts';
import { ACCOUNT_ROLES } from '#app/domain/roles.ts';
import { accountFilterInput } from '#app/schemas/admin.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';

export const meta: MetaFunction = () => [{ title: '账号管理 · 楚怡杯竞赛系统' }];

const ROLES = ACCOUNT_ROLES;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = accountFilterInput.parse(query);
  const { accounts, total, page, pages } = listAccounts(context.db, actor, filter, { page: sliceInput.parse(query).page });
  return json({ filter, accounts, total, page, pages, schools: listSchools(context.db, actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const parsed = await parseForm(request, context, accountDeskInput);
  if (!parsed.ok) return json({ ...parsed, intent: parsed.values.intent ?? 'create' }, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case 'create':
        await createAccount(context.db, actor, input);
        return json({ ok: true as const, intent: input.intent, username: input.username });
      case 'reset':
        await resetPassword(context.db, actor, input.userId, input.password);
        return json({ ok: true as const, intent: input.intent, userId: input.userId });
      case 'token': {
        const issued = issueApiToken(context.db, actor, input);
        return json({ ok: true as const, intent: input.intent, userId: input.userId, token: issued.token });
      }
    }
  } catch (error) {
    return formFailure(request, error, { intent: input.intent });
  }
}

export default function Accounts() {
  const { accounts, schools, filter, total, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : undefined;
  const failedIntent = failure ? ('intent' in failure ? failure.intent : failure.values.intent) : undefined;
  const fieldsOf = (intent: string) => (failure && failedIntent === intent ? failure.fields : {});
  const createErrors = fieldsOf('create');
  const created = result?.ok && result.intent === 'create' ? result : undefined;
  const reset = result?.ok && result.intent === 'reset' ? accounts.find((a) => 'userId' in result && a.id === result.userId) : undefined;
  return (
    <>
      <h1>{t('accounts.title')}</h1>
      <FormMessage error={failure?.formError} success={
          created ? t('accounts.created', { username: created.username }) : reset ? t('accounts.passwordReset', { username: reset.username }) : null
        }
      />
      {result?.ok && 'token' in result ? (
        <div className="notice notice-success" role="status">
          {t('accounts.tokenIssued')} <div className="token" data-testid="issued-token">{result.token}</div>
        </div>
      ) : null}

      <details className="panel" open={failedIntent === 'create'}>
        <summary>{t('accounts.create')}</summary>
        <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <Field name="role" label={t('accounts.role')} error={createErrors.role}>
            <select id="role" name="role" defaultValue="school">
              {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </Field>
          <Field name="username" label={t('accounts.username')} error={createErrors.username}>
            <input id="username" name="username" required autoCapitalize="none" {...describedBy('username', createErrors.username)} />
          </Field>
          <Field name="displayName" label={t('accounts.displayName')} error={createErrors.displayName}>
            <input id="displayName" name="displayName" required {...describedBy('displayName', createErrors.displayName)} />
          </Field>
          <Field name="password" label={t('accounts.initialPassword')} error={createErrors.password}>
            <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} {...describedBy('password', createErrors.password)} />
          </Field>
          <Field name="schoolId" label={t('accounts.schoolEither')} error={createErrors.schoolId}>
            <select id="schoolId" name="schoolId" defaultValue="" {...describedBy('schoolId', createErrors.schoolId)}>
              <option value="">{t('accounts.none')}</option>
              {schools.map((s) => <option key={s.id} value={s.id}>{`${s.prefecture} · ${s.name}`}</option>)}
            </select>
          </Field>
          <Field name="affiliation" label={`${t('accounts.affiliation')}（${t('roles.judge')}）`}>
            <input id="affiliation" name="affiliation" />
          </Field>
          <button type="submit" disabled={busy}>{t('accounts.create')}</button>
        </Form>
      </details>

      <Form method="get" className="filters">
        <Field name="f-role" label={t('accounts.role')}>
          <select id="f-role" name="role" defaultValue={filter.role ?? ''}>
            <option value="">—</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </Field>
        <FilterSelect name="sort" label={t('registration.sort')} value={filter.sort ?? ACCOUNT_SORTS[0]} blank={null} options={ACCOUNT_SORTS.map((s) => ({ id: s, label: t(`accounts.sortBy.${s}`) }))} />
        <Field name="f-q" label={t('accounts.search')}>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={60} />
        </Field>
        <button type="submit" className="button-secondary">{t('accounts.filter')}</button>
      </Form>

      <Table label={t('accounts.title')} className="cards" columns={[t('accounts.username'), t('accounts.displayName'), t('accounts.role'), t('accounts.school'), t('accounts.actions')]}>
        {accounts.map((a) => (
          <tr key={a.id}>
            <td className="card-title">{a.username}{a.disabledAt ? <span className="badge">{t('accounts.disabled')}</span> : null}</td>
            <td data-label={t('accounts.displayName')}>{a.displayName}</td>
            <td data-label={t('accounts.role')}>{t(`roles.${a.role}`)}</td>
            <td data-label={t('accounts.school')}>{a.schoolName ?? '—'}</td>
            <td>
              <details>
                <summary>{t('accounts.resetPassword')}</summary>
                <Form method="post" className="stack">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="reset" />
                  <input type="hidden" name="userId" value={a.id} />
                  <label htmlFor={`pw-${a.id}`}>{t('accounts.newPassword')}</label>
                  <input id={`pw-${a.id}`} name="password" type="password" autoComplete="new-password" minLength={8} required />
                  <button type="submit">{t('accounts.resetPassword')}</button>
                </Form>
              </details>
              <details>
                <summary>{t('accounts.issueToken')}</summary>
                <Form method="post" className="stack">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="token" />
                  <input type="hidden" name="userId" value={a.id} />
                  <label htmlFor={`tn-${a.id}`}>{t('accounts.tokenName')}</label>
                  <input id={`tn-${a.id}`} name="name" required maxLength={60} />
                  <label htmlFor={`td-${a.id}`}>{t('accounts.expiresInDays')}</label>
                  <input id={`td-${a.id}`} name="expiresInDays" type="number" min={1} max={730} defaultValue={90} />
                  <button type="submit">{t('accounts.issueToken')}</button>
                </Form>
              </details>
            </td>
          </tr>
        ))}
      </Table>
      <Pager page={page} pages={pages} total={total} query={filterQuery(filter)} />
    </>
  );
}
