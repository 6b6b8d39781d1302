/** POST /api/v1/teams/:id/submit | approve | return — the team's moves through review. */
import { json, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute, methodNotAllowed, postOnly, readJson, requireCsrf } from '#app/api/respond.server.ts';
import { teamBody, teamIdParam } from '#app/api/teams.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import type { Action } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { approveTeam, returnTeam, submitTeam } from '#app/models/team-lifecycle.server.ts';
import { returnTeamInput } from '#app/schemas/registration.server.ts';

type Step = (request: Request, context: AppLoadContext, actor: Actor, teamId: number) => Promise<void>;

const STEPS: Record<string, { desk: Action; run: Step }> = {
  submit: {
    desk: 'desk:registration',
    run: async (request, context, actor, teamId) => {
      await requireCsrf(request, context);
      submitTeam(context.db, actor, teamId);
    },
  },
  approve: {
    desk: 'team:review',
    run: async (request, context, actor, teamId) => {
      await requireCsrf(request, context);
      approveTeam(context.db, actor, teamId);
    },
  },
  return: {
    desk: 'team:review',
    run: async (request, context, actor, teamId) => {
      const { reason } = await readJson(request, context, returnTeamInput);
      returnTeam(context.db, actor, teamId, reason);
    },
  },
};

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    const step = STEPS[params.step ?? ''];
    if (!step) throw new ApiError(404, 'not_found_api');
    if (request.method !== 'POST') throw methodNotAllowed(['POST']);
    const actor = await requireDesk(request, context, step.desk);
    const teamId = teamIdParam(params.id);
    await step.run(request, context, actor, teamId);
    return json(teamBody(context, actor, teamId));
  });
}
