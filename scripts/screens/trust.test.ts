/**
 * Screenshots of the pages the trust issue changed, at phone, tablet, desktop and projector sizes:
 * `npx vitest run --dir scripts/screens` (outside `npm test`; PNGs in tests/e2e/screenshots/).
 */
import { describe, it } from 'vitest';
import { unsealEvent } from '#app/models/check-in.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { actorOf } from '../../tests/helpers/db.ts';
import { drawnCodes, markAll, readyToScore, share } from '../../tests/helpers/judging.ts';
import { shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of #11', () => {
  it('takes them', async () => {
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const code = drawnCodes(db, ready.event.id).find((d) => d.status === 'present')!.workCode!;
    for (const c of ready.scheme.criteria.slice(0, 3)) putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.7), idempotencyKey: `shot-${c.id}` });
    const shot = (user: string | null, path: string, name: string) => shoot(e2e, user, path, name);
    await shot('admin', `/admin/events/${ready.event.id}`, 'admin-event-sealed');
    await shot('admin', '/admin/registrations', 'admin-registrations');
    await shot('school', '/registration', 'school-registration');
    const teamId = drawnCodes(db, ready.event.id)[0].teamId;
    await shot('admin', `/teams/${teamId}`, 'team-after-draw');
    await shot('chief', `/chief/events/${ready.event.id}`, 'chief-desk');
    await shot(null, `/live/${ready.event.id}`, 'live-partial');
    unsealEvent(db, actorOf(db, 'admin'), ready.event.id, '赛位 3 设备故障，核对选手身份');
    markAll(db, ready, (_j, _code, c) => share(c, 0.6));
    lockEvent(db, ready.chief, ready.event.id);
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    await shot(null, `/results/${ready.event.id}`, 'results-unsealed');
  }, 180_000);
});
