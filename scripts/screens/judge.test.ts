/**
 * Screenshots of the judge's pages (#14: the sheet's running count and total, the event's
 * submitted count, the next step on the dashboard): `npx vitest run --config /dev/null scripts/screens/judge.test.ts`.
 */
import { describe, it } from 'vitest';
import { judgeSheets, putMark } from '#app/models/mark.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { readyToScore, share } from '../../tests/helpers/judging.ts';
import { shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of the judge', () => {
  it('takes them', async () => {
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const me = ready.judges.find((j) => j.username === 'judge')!;
    const [code] = judgeSheets(db, me, ready.event.id).sheets.map((s) => s.workCode);
    ready.scheme.criteria.slice(0, 5).forEach((c, i) => putMark(db, me, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.8), idempotencyKey: `shot-judge-${i}` }));
    await shoot(e2e, 'judge', '/judge', 'judge-dashboard');
    await shoot(e2e, 'judge', `/judge/events/${ready.event.id}`, 'judge-event');
    await shoot(e2e, 'judge', `/judge/events/${ready.event.id}/sheets/${code}`, 'judge-sheet');
    await shoot(e2e, 'judge', `/judge/events/${ready.event.id}/print`, 'judge-print');
    await shoot(e2e, 'admin', '/admin/registrations?sort=school', 'admin-registrations-paged');
    await shoot(e2e, 'admin', '/admin/accounts', 'admin-accounts-paged');
  }, 120_000);
});
