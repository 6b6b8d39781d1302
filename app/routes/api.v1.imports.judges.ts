import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiPost, postOnly } from '#app/api/respond.server.ts';
import { uploadedFile } from '#app/api/xlsx.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { importJudges } from '#app/models/judge-import.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** multipart/form-data with the .xlsx in `file`: every judge (and assignment), or none and every error listed. */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:organiser');
    if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ApiError(400, 'import_empty');
    }
    if (!(await csrfValid(request, context, form))) throw new ApiError(403, 'csrf');
    const file = form.get('file');
    const outcome = await importJudges(context.db, actor, await uploadedFile(request, form), typeof file === 'string' || !file ? undefined : file.name);
    if (!outcome.ok) {
      const t = translator(languageOf(request));
      return json({ error: { code: 'import_rejected', message: String(t('errors.import_rejected', { count: outcome.errors.length })), rows: outcome.errors } }, { status: 422 });
    }
    return json(outcome, { headers: { 'Cache-Control': 'no-store' } });
  });
