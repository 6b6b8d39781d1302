/**
 * GET /api/v1/competitions/current/feed — the open data feed: every public change of the current
 * competition as NDJSON, one versioned board a line, for broadcasters and other systems. It opens
 * with the current board of every event and the competition, then follows the live hub (event
 * boards whole, the competition as deltas: `competition-delta` lines applied to the snapshot); a
 * heartbeat line every 15 s keeps proxies from closing a quiet stream.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { Db } from '#db/client.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { getCompetitionBoard, getEventBoard } from '#app/models/scoreboard.server.ts';
import type { LiveHub } from '#app/realtime/live.server.ts';

const HEARTBEAT_MS = 15_000;

export function feedHandler(db: Db, hub: () => LiveHub) {
  return (req: ExpressRequest, res: ExpressResponse) => {
    const competition = findCurrentCompetition(db);
    if (!competition) {
      res.status(404).json({ error: { code: 'competition_not_found', message: '当前没有竞赛。' } });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // Tells nginx and similar proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    const events = db.$client.prepare('select id from events where competition_id = ? order by code').all(competition.id) as { id: number }[];
    for (const e of events) line(getEventBoard(db, e.id, 'public'));
    line(getCompetitionBoard(db, competition.id));
    const stop = hub().onPublicChange((change) => {
      if (change.scope === 'event' || change.competitionId === competition.id) line(change);
    });
    const heartbeat = setInterval(() => line({ scope: 'heartbeat', at: Date.now() }), HEARTBEAT_MS);
    req.on('close', () => {
      stop();
      clearInterval(heartbeat);
    });
  };
}
