/**
 * Screenshots of the live pages issue #13 changed (the overview narrowed by division, the event's
 * board), at phone, tablet, desktop and projector sizes: `npx vitest run --dir scripts/screens`.
 */
import { describe, it } from 'vitest';
import { putMark } from '#app/models/mark.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { drawnCodes, readyToScore, share } from '../../tests/helpers/judging.ts';
import { shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of #13', () => {
  it('takes them', async () => {
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const codes = drawnCodes(db, ready.event.id).filter((d) => d.status === 'present').map((d) => d.workCode!);
    codes.forEach((code, i) => {
      for (const c of ready.scheme.criteria.slice(0, 2)) putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.4 + (i % 6) / 10), idempotencyKey: `shot13-${code}-${c.id}` });
    });
    await new Promise((r) => setTimeout(r, 2500));
    await shoot(e2e, null, '/live', 'live-overview');
    await shoot(e2e, null, '/live?division=GZ', 'live-overview-gz');
    await shoot(e2e, null, `/live/${ready.event.id}`, 'live-event');
    await shoot(e2e, null, `/screen?event=${ready.event.id}`, 'screen');
  }, 180_000);
});
