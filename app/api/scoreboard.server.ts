/** The scoreboard snapshots over HTTP: the same board the socket sends, cached by its version. */
import { json } from '@remix-run/node';
import type { Board } from '#app/realtime/messages.ts';

/**
 * Answers with the board, or 304 when the client already holds its version. Public boards may be
 * cached for a second by any cache: a venue's thousand phones then cost the server one read.
 */
export function boardResponse(request: Request, board: Board, scopeKey: string): Response {
  const etag = `"${scopeKey}-v${board.version}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=1, must-revalidate', Vary: 'Cookie' };
  const given = request.headers.get('If-None-Match');
  if (given && given.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return json(board, { headers });
}
