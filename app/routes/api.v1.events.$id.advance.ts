/** POST: make the cut into this round: those advancing are entered, the rule is frozen. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { advance } from '#app/models/round.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => postOnId(args, 'desk:organiser', (actor, id) => advance(args.context.db, actor, id));
