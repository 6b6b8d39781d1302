import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { uploadAction, violationText } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { ImportPanel } from '#app/components/workbook-upload.tsx';
import { importRegistrations, type ImportError } from '#app/models/registration-xlsx.server.ts';

export const meta: MetaFunction = () => [{ title: '批量导入 · 楚怡杯竞赛系统' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireDesk(request, context, 'desk:registration');
  return json({});
}

type Result = { ok: true; teams: number; rows: number } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  return uploadAction(request, context, async (file, _lng, t, report) => {
    const outcome = await importRegistrations(context.db, actor, file, { describe: violationText(t), report });
    if (outcome.ok) return json<Result>(outcome);
    return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
  }, { jobOwner: actor.userId }) as Promise<TypedResponse<Result>>;
}

export default function ImportPage() {
  return <ImportPanel words="registration" title="registration.import" templateHref="/registration/template.xlsx" />;
}
