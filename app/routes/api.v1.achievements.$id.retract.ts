/** POST: retract a wrongly entered achievement, with a reason (kept, and audited). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { retractAchievement } from '#app/models/achievement.server.ts';
import { withdrawApiInput } from '#app/schemas/rounds.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', withdrawApiInput, (actor, input) => {
    retractAchievement(args.context.db, actor, idParam(args.params.id), input.reason);
    return { ok: true };
  });
