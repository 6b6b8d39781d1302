/** GET /api/v1/events/:id/assignments: the panel; POST: a judge assigned (回避 and one chief judge checked). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam, organiserRead, organiserWrite } from '#app/api/setup.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { listAssignments } from '#app/models/judge.server.ts';
import { assignApiInput } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => ({ assignments: listAssignments(args.context.db, actor, id) }));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', assignApiInput, (actor, input) => ({ id: assignJudge(args.context.db, actor, { eventId: idParam(args.params.id), ...input }) }), 201);
