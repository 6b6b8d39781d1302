import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnId, postOnly } from '#app/api/respond.server.ts';
import { submitSheet } from '#app/models/mark.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** A judge's final word on a sheet: every criterion must be marked. */
export const action = (args: ActionFunctionArgs) =>
  postOnId(args, 'desk:judge', (actor, sheetId) => {
    submitSheet(args.context.db, actor, sheetId);
    return { sheetId, status: 'submitted' };
  });
