import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { getResults } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** The chief judge's sign-off: results computed and stored, the event decrypted. */
export const action = (args: ActionFunctionArgs) =>
  postOnId(args, 'desk:judge', (actor, eventId) => {
    lockEvent(args.context.db, actor, eventId);
    return getResults(args.context.db, actor, eventId);
  });
