/** PUT /api/v1/events/:id/live: how the event is shown live, and when its public board freezes (封榜). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { setLiveSettings } from '#app/models/scoreboard.server.ts';
import { liveApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) =>
  apiRoute(request, () => {
    throw methodNotAllowed(['PUT']);
  });

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PUT', liveApiInput, (actor, input) => {
    const id = idParam(args.params.id);
    setLiveSettings(args.context.db, actor, id, { mode: input.mode, freezeAt: input.freezeAt });
    return { id, ...input };
  });
