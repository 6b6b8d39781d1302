/** GET /api/v1/events/:id/settings: an event's settings; PATCH: change them (until its draw). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam, organiserRead, organiserWrite } from '#app/api/setup.server.ts';
import { eventSettings, updateEvent } from '#app/models/competition-setup.server.ts';
import { eventPatch } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => eventSettings(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PATCH', eventPatch, (actor, patch) => {
    const id = idParam(args.params.id);
    updateEvent(args.context.db, actor, id, patch);
    return eventSettings(args.context.db, actor, id);
  });
