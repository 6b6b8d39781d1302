/** POST /api/v1/events/:id/unseal: an emergency unseal, with its reason (audited, disclosed with the results). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { organiserUpdate } from '#app/api/setup.server.ts';
import { listCheckIns, unsealEvent } from '#app/models/check-in.server.ts';
import { unsealApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'POST', unsealApiInput, (actor, id, input) => unsealEvent(args.context.db, actor, id, input.reason), (actor, id) => listCheckIns(args.context.db, actor, id));
