import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { teamBody } from '#app/api/teams.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { listRegistrations } from '#app/models/registration-review.server.ts';
import { createTeam, saveRoster } from '#app/models/roster.server.ts';
import { createTeamInput, sliceInput, teamFilterInput } from '#app/schemas/registration.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const filter = teamFilterInput.parse(query);
    const slice = sliceInput.parse(query);
    // Programs follow the whole list by cursor, a hundred teams at a time unless they ask otherwise.
    const { teams, total, nextCursor } = listRegistrations(context.db, actor, filter, { cursor: slice.cursor ?? 0, limit: slice.limit ?? 100 });
    return json({ teams, total, nextCursor }, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
    const actor = await requireDesk(request, context, 'desk:registration');
    const input = await readJson(request, context, createTeamInput);
    const teamId = createTeam(context.db, actor, input);
    if (input.contestants || input.advisors) {
      saveRoster(context.db, actor, teamId, { name: input.name, contestants: input.contestants ?? [], advisors: input.advisors ?? [] });
    }
    return json(teamBody(context, actor, teamId), { status: 201, headers: { Location: `/api/v1/teams/${teamId}` } });
  });
}
