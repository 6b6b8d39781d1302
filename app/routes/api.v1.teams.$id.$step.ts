/** POST /api/v1/teams/:id/submit | approve | return — the team's moves through review. */
import { json, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute, methodNotAllowed, postOnly, readJson, requireCsrf } from '#app/api/respond.server.ts';
import { teamBody, teamIdParam } from '#app/api/teams.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { approveTeam, returnTeam, submitTeam } from '#app/models/registration.server.ts';
import { returnTeamInput } from '#app/schemas/registration.server.ts';

type Step = (request: Request, context: AppLoadContext, actor: Actor, teamId: number) => Promise<void>;

const STEPS: Record<string, { roles: ('admin' | 'school')[]; run: Step }> = {
  submit: {
    roles: ['admin', 'school'],
    run: async (request, context, actor, teamId) => {
      await requireCsrf(request, context);
      submitTeam(context.db, actor, teamId);
    },
  },
  approve: {
    roles: ['admin'],
    run: async (request, context, actor, teamId) => {
      await requireCsrf(request, context);
      approveTeam(context.db, actor, teamId);
    },
  },
  return: {
    roles: ['admin'],
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
    const actor = await requireRole(request, context, ...step.roles);
    const teamId = teamIdParam(params.id);
    await step.run(request, context, actor, teamId);
    return json(teamBody(context, actor, teamId));
  });
}
