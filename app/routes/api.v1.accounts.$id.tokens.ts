/** POST /api/v1/accounts/:id/tokens: an API token for that account (shown once). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { issueApiToken } from '#app/models/api-token.server.ts';
import { tokenApiInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', tokenApiInput, (actor, input) => issueApiToken(args.context.db, actor, { userId: idParam(args.params.id), ...input }), 201);
