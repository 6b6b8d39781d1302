import type { LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { boardResponse } from '#app/api/scoreboard.server.ts';
import { readEventBoard } from '#app/models/scoreboard.server.ts';

/** An event's public board: the snapshot the socket sends, with an ETag on its version. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    const eventId = idParam(params.id);
    return boardResponse(request, readEventBoard(context.db, null, eventId, 'public'), `event-${eventId}`);
  });
}
