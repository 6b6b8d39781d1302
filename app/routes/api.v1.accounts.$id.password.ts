/** POST /api/v1/accounts/:id/password: the organiser sets a new password (changed at next login; sessions end). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { resetPassword } from '#app/models/account.server.ts';
import { resetApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', resetApiInput, async (actor, input) => {
    const id = idParam(args.params.id);
    await resetPassword(args.context.db, actor, id, input.password);
    return { id, mustChangePassword: true };
  });
