/** GET /api/v1/events/:id/check-ins: the check-in desk (sealed from the draw to the lock); POST: a team present or absent. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead, organiserUpdate } from '#app/api/setup.server.ts';
import { listCheckIns, recordCheckIn } from '#app/models/check-in.server.ts';
import { checkInApiInput } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => listCheckIns(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'POST', checkInApiInput, (actor, id, input) => recordCheckIn(args.context.db, actor, id, input.teamId, input.status), (actor, id) => listCheckIns(args.context.db, actor, id));
