/** The event's scoring scheme as a workbook (GET), and its import from one (POST, multipart). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError } from '#app/api/respond.server.ts';
import { uploadedFile, xlsxResponse } from '#app/api/xlsx.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { ModelError } from '#app/models/errors.ts';
import { importScheme, schemeWorkbook, type SchemeImportOutcome } from '#app/models/scheme-xlsx.server.ts';
import { modelReadAsync, numericParam } from '#app/utils/route.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, 'admin');
  const { buffer, filename } = await modelReadAsync(request, () => schemeWorkbook(context.db, actor, numericParam(params.eventId)));
  return xlsxResponse(buffer, filename);
}

export type SchemeImportResult = SchemeImportOutcome | { ok: false; message: string; errors: [] };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, 'admin');
  const eventId = numericParam(params.eventId);
  const lng = languageOf(request);
  const t = translator(lng);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json<SchemeImportResult>({ ok: false, message: t('errors.scheme_import_empty'), errors: [] }, { status: 400 });
  }
  if (!(await csrfValid(request, context, form))) throw json({ message: t('errors.csrf') }, { status: 403 });
  try {
    const outcome = await importScheme(context.db, actor, eventId, await uploadedFile(request, form), lng, t);
    return json<SchemeImportResult>(outcome, { status: outcome.ok ? 200 : 422 });
  } catch (error) {
    if (error instanceof ModelError || error instanceof ApiError) {
      return json<SchemeImportResult>({ ok: false, message: t(`errors.${error.code}`, error.params), errors: [] }, { status: error.status });
    }
    throw error;
  }
}
