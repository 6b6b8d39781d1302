import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { judgeSheets } from '#app/models/mark.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judge');
    return json(judgeSheets(context.db, actor, idParam(params.eventId)), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
