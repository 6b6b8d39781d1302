/** POST /api/v1/competitions/:id/publish: every locked event of the year published at once (all or none). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { publishAllLocked } from '#app/models/publication.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => postOnId(args, 'desk:organiser', (actor, id) => ({ published: publishAllLocked(args.context.db, actor, id) }));
