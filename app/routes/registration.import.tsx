import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { uploadAction, violationText } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { ImportErrors } from '#app/components/import-errors.tsx';
import { importRegistrations, type ImportError } from '#app/models/registration-xlsx.server.ts';

export const meta: MetaFunction = () => [{ title: '批量导入 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireDesk(request, context, 'desk:registration');
  return json({});
}

type Result = { ok: true; teams: number; rows: number } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  return uploadAction(request, context, async (file, _lng, t) => {
    const outcome = await importRegistrations(context.db, actor, file, { describe: violationText(t) });
    if (outcome.ok) return json<Result>(outcome);
    return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
  }) as Promise<TypedResponse<Result>>;
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
