/** GET: how far the caller's long work has come (JSON); once done, its answer or its file's address. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireActor } from '#app/auth/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireActor(request, context);
    const status = context.jobs.status(params.id ?? '', actor.userId);
    // A failure's code is said in the reader's words, as every refusal is.
    const body = status.state === 'failed' ? { ...status, message: String(translator(languageOf(request))(`errors.${status.message}`)) } : status;
    return json(body, { headers: { 'Cache-Control': 'no-store' } });
  });
}
