/** POST: assign the year's entries to the named reviewers (N each, 回避, an even load); each entry gets its code. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { assignEntryReviewers } from '#app/models/review.server.ts';
import { reviewAssignApiInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', reviewAssignApiInput, (actor, input) => assignEntryReviewers(args.context.db, actor, idParam(args.params.id), input));
