import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { teamBody, teamIdParam } from '#app/api/teams.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { getTeamDetail, saveRoster } from '#app/models/roster.server.ts';
import { patchTeamInput } from '#app/schemas/registration.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    return json(teamBody(context, actor, teamIdParam(params.id)), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}

/** PATCH: fields left out keep their current value; given lists replace the roster's. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'PATCH') throw methodNotAllowed(['GET', 'PATCH']);
    const actor = await requireDesk(request, context, 'desk:registration');
    const teamId = teamIdParam(params.id);
    const input = await readJson(request, context, patchTeamInput);
    const { roster } = getTeamDetail(context.db, actor, teamId);
    saveRoster(context.db, actor, teamId, {
      name: input.name,
      contestants: input.contestants ?? roster.contestants,
      advisors: input.advisors ?? roster.advisors,
    });
    return json(teamBody(context, actor, teamId));
  });
}
