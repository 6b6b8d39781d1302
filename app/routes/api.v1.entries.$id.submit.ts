/** POST: submit a draft entry (its people fit the category; it has its files). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { submitEntry } from '#app/models/entry.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  postOnId(args, 'desk:registration', (actor, id) => {
    submitEntry(args.context.db, actor, id);
    return { ok: true, status: 'submitted' };
  });
