/** GET /api/v1/events/:id/settings: an event's settings; PATCH: change them (until its draw). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { eventSettings, updateEvent } from '#app/models/competition-setup.server.ts';
import { eventPatch } from '#app/schemas/setup.server.ts';

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  apiRoute(request, async () => json(eventSettings(context.db, await requireDesk(request, context, 'desk:organiser'), idParam(params.id))));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PATCH', eventPatch, (actor, patch) => {
    const id = idParam(args.params.id);
    updateEvent(args.context.db, actor, id, patch);
    return eventSettings(args.context.db, actor, id);
  });
