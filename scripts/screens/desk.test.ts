/**
 * Screenshots of the check-in desk with its counts and the draw's confirmation (#14), at phone,
 * tablet, desktop and projector sizes: `npx vitest run --config /dev/null scripts/screens/desk.test.ts`.
 */
import { and, eq } from 'drizzle-orm';
import { describe, it } from 'vitest';
import { events, teams } from '#db/schema.ts';
import { recordCheckIn } from '#app/models/check-in.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { actorOf } from '../../tests/helpers/db.ts';
import { OUT, shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of the check-in desk', () => {
  it('takes them', async () => {
    const db = e2e.server.db;
    const event = db.select().from(events).where(eq(events.code, 'GZ021')).get()!;
    const approved = db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'))).all();
    approved.slice(0, -3).forEach((t, i) => recordCheckIn(db, actorOf(db, 'admin'), event.id, t.id, i === 0 ? 'absent' : 'present'));
    await shoot(e2e, 'admin', `/admin/events/${event.id}#desk`, 'admin-event-check-in');
    // The desk alone, to look at closely.
    for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 768 }]] as const) {
      const page = await e2e.logIn('admin', viewport);
      await page.goto(`${e2e.server.url}/admin/events/${event.id}`);
      await page.locator('section[aria-labelledby="desk"]').screenshot({ path: `${OUT}/admin-event-desk-${size}.png` });
      await page.context().close();
    }
  }, 120_000);
});
