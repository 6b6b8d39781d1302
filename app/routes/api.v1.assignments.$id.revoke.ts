/** POST /api/v1/assignments/:id/revoke: the organiser ends an assignment, with a reason (audited). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { revokeAssignment } from '#app/models/assignment.server.ts';
import { revokeApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', revokeApiInput, (actor, input) => {
    const id = idParam(args.params.id);
    revokeAssignment(args.context.db, actor, id, input.reason);
    return { id, revoked: true };
  });
