import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { boardResponse } from '#app/api/scoreboard.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { notFound } from '#app/models/errors.ts';
import { getCompetitionBoard } from '#app/models/scoreboard.server.ts';

/** The whole competition's board: every event's status, progress and leaders, and the medal tables. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    const competition = findCurrentCompetition(context.db);
    if (!competition) throw notFound('competition_not_found');
    return boardResponse(request, getCompetitionBoard(context.db, competition.id), `competition-${competition.id}`);
  });
}
