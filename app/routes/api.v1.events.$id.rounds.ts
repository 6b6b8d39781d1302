/** GET: an event's rounds with their rules and states. POST: a new round after the last, with its rule (201). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { idParam, organiserRead, organiserWrite } from '#app/api/setup.server.ts';
import { addRound, listRounds } from '#app/models/round.server.ts';
import { roundApiInput } from '#app/schemas/rounds.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => listRounds(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'POST', roundApiInput, (actor, input) => ({ id: addRound(args.context.db, actor, idParam(args.params.id), input) }), 201);
