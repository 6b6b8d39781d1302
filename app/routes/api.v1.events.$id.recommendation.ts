/**
 * GET: the event's 国赛推荐名单, who and why (public once the round it comes from is published).
 * PUT: its rule, until the list is made.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { organiserUpdate } from '#app/api/setup.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import { listRounds, recommendationList, setRecommendationRule } from '#app/models/round.server.ts';
import { recommendationApiInput } from '#app/schemas/rounds.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => json(recommendationList(context.db, await getActor(request, context), idParam(params.id)), { headers: { 'Cache-Control': 'private, no-cache' } }));
}

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'PUT',
    recommendationApiInput,
    (actor, id, input) => setRecommendationRule(args.context.db, actor, id, input),
    (actor, id) => listRounds(args.context.db, actor, id).recommendation,
  );
