/** GET: an inheritor's record after the nomination (public). POST: the organiser records an achievement (201). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { organiserWrite } from '#app/api/setup.server.ts';
import { achievementsOf, addAchievement } from '#app/models/achievement.server.ts';
import { achievementApiInput } from '#app/schemas/achievement.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, () => json({ achievements: achievementsOf(context.db, idParam(params.id)) }));
}

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', achievementApiInput, (actor, input) => ({ id: addAchievement(args.context.db, actor, idParam(args.params.id), input) }), 201);
