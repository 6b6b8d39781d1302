/** POST: make the 国赛推荐名单 from the event's last round, by its declared rule. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { recommend } from '#app/models/round.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => postOnId(args, 'desk:organiser', (actor, id) => recommend(args.context.db, actor, id));
