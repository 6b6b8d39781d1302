/**
 * An audience's phone and a judge's tablet side by side: the judge's mark moves the audience's
 * board without a reload; the audience goes offline and back and ends on the latest version.
 */
import { describe, expect, it } from 'vitest';
import type { EventBoard } from '#app/realtime/messages.ts';
import { judgeSheets, putMark } from '#app/models/mark.server.ts';
import { readyToScore, share } from '../helpers/judging.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('the live board in a browser', () => {
  it('moves with a judge’s marks, shows a lost connection, and catches up after it', async () => {
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const me = ready.judges.find((j) => j.username === 'judge')!;
    const codes = judgeSheets(db, me, ready.event.id).sheets.map((s) => s.workCode);
    const [target, second] = codes;
    const criteria = ready.scheme.criteria;
    // The rest of the panel has given `second` a lead; `target` has nothing yet.
    let n = 0;
    for (const judge of ready.judges) for (const c of criteria) putMark(db, judge, { eventId: ready.event.id, workCode: second, criterionId: c.id, value: share(c, 0.3), idempotencyKey: `bg-${n++}` });

    const audienceContext = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const audience = await audienceContext.newPage();
    await audience.goto(`${e2e.server.url}/live/${ready.event.id}`);
    const ranking = audience.getByTestId('ranking');
    await audience.locator('[data-testid="connection"][data-state="live"]').waitFor();
    const row = (code: string) => ranking.locator(`tr[data-key="${code}"]`);
    expect(await row(second).locator('td.rank').textContent()).toBe('1');

    const judge = await logIn('judge', { width: 1024, height: 768 });
    await judge.goto(`${e2e.server.url}/judge/events/${ready.event.id}/sheets/${target}`);
    await judge.getByText('已连接').waitFor();
    // Every other judge marks `target` high; this judge's own marks through the tablet finish it.
    for (const other of ready.judges.filter((j) => j !== me)) {
      for (const c of criteria) putMark(db, other, { eventId: ready.event.id, workCode: target, criterionId: c.id, value: share(c, 0.9), idempotencyKey: `bg-${n++}` });
    }
    for (const c of criteria) {
      const input = judge.locator(`#c-${c.id}`);
      await input.fill(String(share(c, 0.9)));
      await input.press('Enter');
    }
    await judge.locator(`#s-${criteria.at(-1)!.id}[data-state="saved"]`).waitFor();
    // No reload: the audience's row for `target` moves to the top.
    await row(target).locator('td.rank', { hasText: /^1$/ }).waitFor({ timeout: 10_000 });
    expect(await row(second).locator('td.rank').textContent()).toBe('2');
    expect(await audience.getByTestId('announcer').textContent()).toContain(target);

    // The audience loses its connection; marks go on; it comes back to the latest version.
    await audienceContext.setOffline(true);
    await audience.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    for (const judgeActor of ready.judges) {
      for (const c of criteria) putMark(db, judgeActor, { eventId: ready.event.id, workCode: second, criterionId: c.id, value: share(c, 1), idempotencyKey: `bg-${n++}` });
    }
    await new Promise((r) => setTimeout(r, 800));
    const latest = (await (await fetch(`${e2e.server.url}/api/v1/events/${ready.event.id}/scoreboard`)).json()) as EventBoard;
    await audienceContext.setOffline(false);
    await audience.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 15_000 });
    await audience.locator(`[data-testid="ranking"][data-version="${latest.version}"]`).waitFor({ timeout: 10_000 });
    expect(await row(second).locator('td.rank').textContent()).toBe('1');
    await audienceContext.close();
  });
});
