import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** The organiser publishes a locked event: awards public, the announcement period begins. */
export const action = (args: ActionFunctionArgs) => postOnId(args, 'desk:organiser', (actor, eventId) => publishEvent(args.context.db, actor, eventId));
