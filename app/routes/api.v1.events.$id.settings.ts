/** GET /api/v1/events/:id/settings: an event's settings; PATCH: change them (until its draw). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead, organiserUpdate } from '#app/api/setup.server.ts';
import { eventSettings, updateEvent } from '#app/models/competition-setup.server.ts';
import { eventPatch } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => eventSettings(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'PATCH', eventPatch, (actor, id, patch) => updateEvent(args.context.db, actor, id, patch), (actor, id) => eventSettings(args.context.db, actor, id));
