/**
 * Schools (院校) by sheet: download the template, upload the province's list (all rows or none),
 * and take the sheet of new accounts with their one-time passwords, shown this once.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { uploadAction, XLSX_TYPE } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { ImportErrors } from '#app/components/import-errors.tsx';
import { Table } from '#app/components/table.tsx';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { accountsWorkbook, importSchools } from '#app/models/school-import.server.ts';
import { listSchools } from '#app/models/school.server.ts';

export const meta: MetaFunction = () => [{ title: '院校 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return json({ schools: listSchools(context.db, actor) });
}

type Result = { ok: true; rows: number; created: number; updated: number; accountsSheet: string | null } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return uploadAction(request, context, async (file, _lng, t) => {
    const outcome = await importSchools(context.db, actor, file);
    if (!outcome.ok) return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
    // The passwords exist only in this answer: the sheet travels inside it, never stored.
    const sheet = outcome.accounts.length ? `data:${XLSX_TYPE};base64,${(await accountsWorkbook(outcome.accounts)).toString('base64')}` : null;
    return json<Result>({ ok: true, rows: outcome.rows, created: outcome.created, updated: outcome.updated, accountsSheet: sheet }, { headers: { 'Cache-Control': 'no-store' } });
  }) as Promise<TypedResponse<Result>>;
}

export default function Schools() {
  const { schools } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('schools.title')}</h1>
      <p>{t('schools.importBody')}</p>
      <p><a href="/admin/schools/template.xlsx" className="button button-secondary" download>{t('registration.template')}</a></p>
      <FormMessage error={result && !result.ok ? result.message : null} success={result?.ok ? t('schools.imported', { rows: result.rows, created: result.created, updated: result.updated }) : null} />
      {result?.ok && result.accountsSheet ? (
        <p className="notice notice-warn" role="status">
          {t('schools.accountsOnce')}{' '}
          <a href={result.accountsSheet} download="院校账号与一次性密码.xlsx" className="button">{t('schools.downloadAccounts')}</a>
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack panel">
        <CsrfInput />
        <label htmlFor="file">{t('registration.file')}</label>
        <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        <button type="submit" disabled={busy}>{t('registration.upload')}</button>
      </Form>
      {result && !result.ok ? <ImportErrors errors={result.errors} /> : null}
      <Table label={t('schools.title')} columns={[t('setup.code'), t('setup.name')]}>
        {schools.map((s) => (
          <tr key={s.id}><td>{s.code}</td><td>{s.name}</td></tr>
        ))}
      </Table>
    </>
  );
}
