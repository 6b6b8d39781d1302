import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiPost, postOnly } from '#app/api/respond.server.ts';
import { uploadedFile, violationText } from '#app/api/xlsx.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { importRegistrations } from '#app/models/registration-xlsx.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/** multipart/form-data with the .xlsx in `file`: all rows imported, or none and every error listed. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ApiError(400, 'import_empty');
    }
    if (!(await csrfValid(request, context, form))) throw new ApiError(403, 'csrf');
    const t = translator(languageOf(request));
    const outcome = await importRegistrations(context.db, actor, await uploadedFile(request, form), { describe: violationText(t) });
    if (!outcome.ok) {
      return json(
        { error: { code: 'import_rejected', message: String(t('errors.import_rejected', { count: outcome.errors.length })), rows: outcome.errors } },
        { status: 422 },
      );
    }
    return json(outcome);
  });
}
