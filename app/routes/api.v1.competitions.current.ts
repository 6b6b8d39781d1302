import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import { getCompetitionSummary } from '#app/models/competition.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const summary = getCompetitionSummary(context.db, await getActor(request, context));
    if (!summary) throw new ApiError(404, 'competition_not_found');
    return json(summary, { headers: { 'Cache-Control': 'public, max-age=30' } });
  });
}

export async function action({ request }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['GET']);
  });
}
