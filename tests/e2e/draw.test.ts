/**
 * The organiser's check-in desk and draw in a browser (#14): each click shows the row's new state
 * and the counts at once; the draw names how many teams it would record absent and waits for the
 * organiser to confirm; a draw made too early is redone with a reason.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, teams } from '#db/schema.ts';
import { recordCheckIn } from '#app/models/check-in.server.ts';
import { actorOf } from '../helpers/db.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('the check-in desk and the draw in a browser', () => {
  it('shows each check-in at once, confirms the absentees before the draw, and redoes a draw made too early', { timeout: 60_000 }, async () => {
    const db = e2e.server.db;
    const event = db.select().from(events).where(eq(events.code, 'GZ021')).get()!;
    const approved = db.select().from(teams).where(and(eq(teams.eventId, event.id), eq(teams.status, 'approved'))).all();
    // All but three are already checked in; the organiser does one more in the page.
    const admin = actorOf(db, 'admin');
    approved.slice(0, -3).forEach((t) => recordCheckIn(db, admin, event.id, t.id, 'present'));
    const page = await logIn('admin', { width: 1366, height: 768 });
    await page.goto(`${e2e.server.url}/admin/events/${event.id}`);
    const counts = page.getByTestId('check-in-counts');
    await expect.poll(() => counts.textContent()).toContain('未检录 3');

    const rows = page.locator('section[aria-labelledby="desk"] tbody tr');
    const waiting = rows.filter({ has: page.getByRole('button', { name: /^到场/ }) }).first();
    const team = (await waiting.locator('td').first().locator('.muted').textContent())!;
    const lastRow = rows.filter({ hasText: team });
    await lastRow.getByRole('button', { name: /^到场/ }).click();
    await expect.poll(() => counts.textContent()).toContain('未检录 2');
    await expect.poll(() => lastRow.locator('.badge').textContent()).toBe('到场');
    // The state it has is not offered again.
    expect(await lastRow.getByRole('button', { name: /^到场/ }).count()).toBe(0);

    // The draw says what it will do, and does nothing until the organiser confirms it.
    const draw = page.getByTestId('draw');
    await expect.poll(() => draw.textContent()).toContain('抽签后 2 支未检录的队将记为缺考');
    await draw.getByRole('button', { name: '抽签' }).click();
    await page.waitForTimeout(500);
    expect(db.select().from(events).where(eq(events.id, event.id)).get()!.status).toBe('checking_in');
    await draw.getByRole('checkbox').check();
    await draw.getByRole('button', { name: '抽签' }).click();
    await expect.poll(() => page.getByTestId('event-status').textContent()).toBe('评分中');
    await expect.poll(() => counts.textContent()).toContain('缺考 2');

    // Too early after all: redone, with a reason, before any mark.
    const redraw = page.getByTestId('redraw');
    await redraw.locator('summary').click();
    await redraw.getByLabel('原因').fill('两支队抽签时仍在途中，现已到场');
    await redraw.getByRole('button', { name: '重新抽签' }).click();
    await expect.poll(() => page.getByTestId('event-status').textContent()).toBe('检录中');
    expect(await page.getByTestId('redraw').count()).toBe(0);
    await expect.poll(() => counts.textContent()).toContain('缺考 2');
  });
});
