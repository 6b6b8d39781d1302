/** POST: someone withdraws after the cut, with a reason; the next in line takes the place. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { withdrawAdvancement } from '#app/models/round.server.ts';
import { withdrawApiInput } from '#app/schemas/rounds.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', withdrawApiInput, (actor, input) => withdrawAdvancement(args.context.db, actor, idParam(args.params.id), input.reason));
