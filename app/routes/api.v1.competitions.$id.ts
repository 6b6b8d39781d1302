/** GET /api/v1/competitions/:id: the year's setup (settings, divisions, venues, events); PATCH: its settings. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { idParam, organiserWrite } from '#app/api/setup.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { competitionSetup, updateCompetition } from '#app/models/competition-setup.server.ts';
import { competitionPatch } from '#app/schemas/setup.server.ts';

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  apiRoute(request, async () => json(competitionSetup(context.db, await requireDesk(request, context, 'desk:organiser'), idParam(params.id))));

export const action = (args: ActionFunctionArgs) =>
  organiserWrite(args, 'PATCH', competitionPatch, (actor, patch) => {
    const id = idParam(args.params.id);
    updateCompetition(args.context.db, actor, id, patch);
    return competitionSetup(args.context.db, actor, id).competition;
  });
