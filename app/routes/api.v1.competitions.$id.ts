/** GET /api/v1/competitions/:id: the year's setup (settings, divisions, venues, events); PATCH: its settings. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { organiserRead, organiserUpdate } from '#app/api/setup.server.ts';
import { competitionSetup, updateCompetition } from '#app/models/competition-setup.server.ts';
import { competitionPatch } from '#app/schemas/setup.server.ts';

export const loader = (args: LoaderFunctionArgs) => organiserRead(args, (actor, id) => competitionSetup(args.context.db, actor, id));

export const action = (args: ActionFunctionArgs) =>
  organiserUpdate(args, 'PATCH', competitionPatch, (actor, id, patch) => updateCompetition(args.context.db, actor, id, patch), (actor, id) => competitionSetup(args.context.db, actor, id).competition);
