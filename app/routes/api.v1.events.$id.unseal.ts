/** POST /api/v1/events/:id/unseal: an emergency unseal, with its reason (audited, disclosed with the results). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { listCheckIns, unsealEvent } from '#app/models/check-in.server.ts';
import { unsealApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', unsealApiInput, (actor, input) => {
    const id = idParam(args.params.id);
    unsealEvent(args.context.db, actor, id, input.reason);
    return listCheckIns(args.context.db, actor, id);
  });
