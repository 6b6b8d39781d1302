/** The event's scoring scheme as a workbook (GET), and its import from one (POST, multipart). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type TypedResponse } from '@remix-run/node';
import { uploadAction, xlsxResponse, type UploadRefusal } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { importScheme, schemeWorkbook, type SchemeImportOutcome } from '#app/models/scheme-xlsx.server.ts';
import { modelReadAsync, numericParam } from '#app/utils/route.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const { buffer, filename, ascii } = await modelReadAsync(request, () => schemeWorkbook(context.db, actor, numericParam(params.eventId)));
  return xlsxResponse(buffer, { filename, ascii });
}

export type SchemeImportResult = SchemeImportOutcome | UploadRefusal;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const eventId = numericParam(params.eventId);
  return uploadAction(request, context, async (file, lng, t) => {
    const outcome = await importScheme(context.db, actor, eventId, file, lng, t);
    return json<SchemeImportResult>(outcome, { status: outcome.ok ? 200 : 422 });
  }) as Promise<TypedResponse<SchemeImportResult>>;
}
