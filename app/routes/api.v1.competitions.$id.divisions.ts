/** POST /api/v1/competitions/:id/divisions: a new one of the year's 组别 (divisions). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { postOnly } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { saveDivision } from '#app/models/competition-setup.server.ts';
import { divisionInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', divisionInput, (actor, input) => saveDivision(args.context.db, actor, idParam(args.params.id), input), 201);
