/**
 * A judge on a tablet marks a sheet, loses the connection, keeps marking, comes back: every mark
 * is stored exactly once. The chief judge resolves the discrepancy this caused and locks the event.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { marks, scoringSheets } from '#db/schema.ts';
import { judgeSheets, putMark, submitSheet } from '#app/models/mark.server.ts';
import { readyToScore, share } from '../helpers/judging.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('judging in a browser', () => {
  it('marks survive going offline and are stored once; the chief judge resolves a flag and locks', async () => {
    const db = e2e.server.db;
    const ready = readyToScore(db);
    const me = ready.judges.find((j) => j.username === 'judge')!;
    const codes = judgeSheets(db, me, ready.event.id).sheets.map((s) => s.workCode);
    const target = codes[0];
    const disputed = ready.scheme.criteria.find((c) => c.kind === 'judgement' && c.maxMarks > ready.event.discrepancyThreshold * 2)!;
    let n = 0;
    // Everyone else, and this judge on every other work code, marks through the model.
    for (const judge of ready.judges) {
      for (const code of codes) {
        if (judge === me && code === target) continue;
        for (const c of ready.scheme.criteria) {
          const value = code === target && c.id === disputed.id ? 0 : share(c, 0.7);
          putMark(db, judge, { eventId: ready.event.id, workCode: code, criterionId: c.id, value, idempotencyKey: `bg-${n++}` });
        }
      }
      for (const s of judgeSheets(db, judge, ready.event.id).sheets) if (s.sheetId && !(judge === me && s.workCode === target)) submitSheet(db, judge, s.sheetId);
    }

    const page = await logIn('judge', { width: 1024, height: 768 });
    await page.goto(`${e2e.server.url}/judge/events/${ready.event.id}/sheets/${target}`);
    await page.getByText('已连接').waitFor();
    const criteria = ready.scheme.criteria;
    const half = Math.ceil(criteria.length / 2);
    const valueOf = (c: (typeof criteria)[number]) => (c.id === disputed.id ? c.maxMarks : share(c, 0.7));
    const enter = async (c: (typeof criteria)[number]) => {
      const input = page.locator(`#c-${c.id}`);
      await input.fill(String(valueOf(c)));
      await input.press('Enter');
    };
    for (const c of criteria.slice(0, half)) await enter(c);
    await page.locator(`#s-${criteria[half - 1].id}[data-state="saved"]`).waitFor();
    // The judge sees how far the sheet has come, and its running total.
    expect(await page.getByTestId('sheet-progress').textContent()).toContain(`已评 ${half} / ${criteria.length} 项`);

    await page.context().setOffline(true);
    await page.getByText('网络已断开').waitFor();
    for (const c of criteria.slice(half)) await enter(c);
    await page.locator(`#s-${criteria.at(-1)!.id}[data-state="pending"]`).waitFor();

    await page.context().setOffline(false);
    for (const c of criteria) await page.locator(`#s-${c.id}[data-state="saved"]`).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '提交评分表' }).click();
    await page.getByText('评分表已提交').waitFor();

    const sheet = db.select().from(scoringSheets).where(and(eq(scoringSheets.judgeId, me.judgeId!), eq(scoringSheets.eventId, ready.event.id))).all()
      .find((s) => judgeSheets(db, me, ready.event.id).sheets.find((x) => x.workCode === target)?.sheetId === s.id)!;
    const stored = db.select().from(marks).where(eq(marks.sheetId, sheet.id)).all();
    expect(stored).toHaveLength(criteria.length);
    expect(new Set(stored.map((m) => m.criterionId)).size).toBe(criteria.length);
    expect(sheet.status).toBe('submitted');

    const chief = await logIn('chief', { width: 1280, height: 900 });
    await chief.goto(`${e2e.server.url}/chief/events/${ready.event.id}`);
    const flag = chief.getByTestId('flag');
    await flag.waitFor();
    expect(await flag.textContent()).toContain(target);
    await flag.getByLabel('处理意见').fill('经合议，采纳多数裁判意见');
    await flag.getByRole('button', { name: '处理' }).click();
    await chief.getByTestId('no-flags').waitFor();
    await chief.getByRole('button', { name: '签字确认并锁定' }).click();
    await chief.getByText('已锁定并解密').waitFor();
    await chief.getByTestId('results').waitFor();
    expect(await chief.getByTestId('event-status').textContent()).toBe('已锁定');
    if (process.env.E2E_SCREENSHOTS) await chief.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/chief.png`, fullPage: true });
  }, 120_000);
});
