import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '#app/api/respond.server.ts';
import { uploadedFile, violationText } from '#app/api/xlsx.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { ImportErrors } from '#app/components/import-errors.tsx';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { ModelError } from '#app/models/errors.ts';
import { importRegistrations, type ImportError } from '#app/models/registration-xlsx.server.ts';

export const meta: MetaFunction = () => [{ title: '批量导入 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin', 'school');
  return json({});
}

type Result = { ok: true; teams: number; rows: number } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, 'admin', 'school');
  const t = translator(languageOf(request));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json<Result>({ ok: false, message: t('errors.import_empty'), errors: [] }, { status: 400 });
  }
  if (!(await csrfValid(request, context, form))) throw json({ message: t('errors.csrf') }, { status: 403 });
  try {
    const outcome = await importRegistrations(context.db, actor, await uploadedFile(request, form), { describe: violationText(t) });
    if (outcome.ok) return json<Result>(outcome);
    return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
  } catch (error) {
    if (error instanceof ModelError || error instanceof ApiError) {
      return json<Result>({ ok: false, message: t(`errors.${error.code}`, error.params), errors: [] }, { status: error.status });
    }
    throw error;
  }
}

export default function ImportPage() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('registration.import')}</h1>
      <p>{t('registration.importBody')}</p>
      <p><a href="/registration/template.xlsx" className="button button-secondary" download>{t('registration.template')}</a></p>
      <FormMessage error={result && !result.ok ? result.message : null} success={result?.ok ? t('registration.imported', { teams: result.teams, rows: result.rows }) : null} />
      <Form method="post" encType="multipart/form-data" className="stack panel">
        <CsrfInput />
        <label htmlFor="file">{t('registration.file')}</label>
        <input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        <button type="submit" disabled={busy}>{t('registration.upload')}</button>
      </Form>
      {result && !result.ok ? <ImportErrors errors={result.errors} /> : null}
    </>
  );
}
