/**
 * Screenshots of the pages the trust issue changed, at phone, tablet, desktop and projector sizes:
 * `npx vitest run --dir scripts/screens` (outside `npm test`; PNGs in tests/e2e/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { unsealEvent } from '#app/models/check-in.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { actorOf } from '../../tests/helpers/db.ts';
import { drawnCodes, markAll, readyToScore, share } from '../../tests/helpers/judging.ts';

const OUT = 'tests/e2e/screenshots';
const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 1024, height: 768 }, desktop: { width: 1366, height: 768 }, projector: { width: 1920, height: 1080 } };
const e2e = browserFixture();

describe('screens of #11', () => {
  it('takes them', async () => {
    mkdirSync(OUT, { recursive: true });
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const code = drawnCodes(db, ready.event.id).find((d) => d.status === 'present')!.workCode!;
    for (const c of ready.scheme.criteria.slice(0, 3)) putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.7), idempotencyKey: `shot-${c.id}` });
    const shoot = async (user: string | null, path: string, name: string) => {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = user ? await e2e.logIn(user, viewport) : await (await e2e.browser.newContext({ viewport })).newPage();
        await page.goto(e2e.server.url + path);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${OUT}/${name}-${size}.png`, fullPage: true });
        await page.context().close();
      }
    };
    await shoot('admin', `/admin/events/${ready.event.id}`, 'admin-event-sealed');
    await shoot('admin', '/admin/registrations', 'admin-registrations');
    await shoot('school', '/registration', 'school-registration');
    const teamId = drawnCodes(db, ready.event.id)[0].teamId;
    await shoot('admin', `/teams/${teamId}`, 'team-after-draw');
    await shoot('chief', `/chief/events/${ready.event.id}`, 'chief-desk');
    await shoot(null, `/live/${ready.event.id}`, 'live-partial');
    unsealEvent(db, actorOf(db, 'admin'), ready.event.id, '赛位 3 设备故障，核对选手身份');
    markAll(db, ready, (_j, _code, c) => share(c, 0.6));
    lockEvent(db, ready.chief, ready.event.id);
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    await shoot(null, `/results/${ready.event.id}`, 'results-unsealed');
  }, 180_000);
});
