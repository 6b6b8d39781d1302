import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiPost, postOnly, requireCsrf } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/** The organiser publishes a locked event: awards public, the announcement period begins. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:organiser');
    await requireCsrf(request, context);
    return json(publishEvent(context.db, actor, idParam(params.id)));
  });
}
