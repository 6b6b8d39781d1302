import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { getResults } from '#app/models/result.server.ts';

/** After decryption: ranks, totals, teams and schools, for the organiser and the chief judge. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judging');
    return json(getResults(context.db, actor, idParam(params.id)), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
