import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import { eventAwards } from '#app/models/award.server.ts';

/** The award list: public once published; before, for the organiser and the chief judge only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await getActor(request, context);
    return json(eventAwards(context.db, actor, idParam(params.id)), { headers: { 'Cache-Control': 'private, no-cache' } });
  });
}
