/** POST /api/v1/accounts: a new account (its password must be changed at first login). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { organiserWrite } from '#app/api/setup.server.ts';
import { createAccount } from '#app/models/account.server.ts';
import { createAccountInput } from '#app/schemas/account.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', createAccountInput, (actor, input) => createAccount(args.context.db, actor, input), 201);
