/** POST /api/v1/competitions/:id/venues: a new one of the year's 赛点 (venues). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { saveVenue } from '#app/models/competition-setup.server.ts';
import { venueInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', venueInput, (actor, input) => saveVenue(args.context.db, actor, idParam(args.params.id), input), 201);
