/** POST /api/v1/events/:id/draw: stations and the two codes; scoring opens (the panel must fit, 回避 none). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { drawStations } from '#app/models/check-in.server.ts';
import { drawApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', drawApiInput, (actor, input) => drawStations(args.context.db, actor, idParam(args.params.id), input));
