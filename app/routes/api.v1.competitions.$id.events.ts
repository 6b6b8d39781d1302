/** POST /api/v1/competitions/:id/events: a new event; settings left out come from the year's defaults. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { createEvent } from '#app/models/competition-setup.server.ts';
import { eventInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', eventInput, (actor, input) => createEvent(args.context.db, actor, idParam(args.params.id), input), 201);
