/** POST /api/v1/competitions/:id/phase: one step forward or back (筹备 → 报名 → 比赛 → 公示 → 结束). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { changePhase } from '#app/models/competition.server.ts';
import { competitionSetup } from '#app/models/competition-setup.server.ts';
import { phaseInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', phaseInput, (actor, input) => {
    const id = idParam(args.params.id);
    changePhase(args.context.db, actor, id, input.phase, input.reason);
    return { id, phase: competitionSetup(args.context.db, actor, id).competition.phase };
  });
