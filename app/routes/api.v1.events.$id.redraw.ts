/** POST /api/v1/events/:id/redraw: undo a draw made in error, with a reason, until the first mark. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { redoDraw } from '#app/models/check-in.server.ts';
import { redrawApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', redrawApiInput, (actor, input) => redoDraw(args.context.db, actor, idParam(args.params.id), input.reason));
