import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiPost, postOnly, requireCsrf } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { getResults } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/** The chief judge's sign-off: results computed and stored, the event decrypted. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judge');
    await requireCsrf(request, context);
    const eventId = idParam(params.id);
    lockEvent(context.db, actor, eventId);
    return json(getResults(context.db, actor, eventId));
  });
}
