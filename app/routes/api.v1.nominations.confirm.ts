/** POST /api/v1/nominations/confirm: several nominations confirmed at once. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { organiserWrite } from '#app/api/setup.server.ts';
import { confirmNominations } from '#app/models/nomination.server.ts';
import { confirmManyApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', confirmManyApiInput, (actor, input) => ({ confirmed: confirmNominations(args.context.db, actor, input.nominationIds) }));
