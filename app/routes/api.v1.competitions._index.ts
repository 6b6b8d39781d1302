/** GET /api/v1/competitions: every year; POST: a new year (optionally copied from another). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { organiserWrite } from '#app/api/setup.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { createCompetition, listCompetitions } from '#app/models/competition-setup.server.ts';
import { competitionInput } from '#app/schemas/setup.server.ts';

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  apiRoute(request, async () => json({ competitions: listCompetitions(context.db, await requireDesk(request, context, 'desk:organiser')) }));

export const action = (args: ActionFunctionArgs) => organiserWrite(args, 'POST', competitionInput, (actor, input) => createCompetition(args.context.db, actor, input), 201);
