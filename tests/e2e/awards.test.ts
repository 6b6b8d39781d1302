/**
 * From publication to the register, in a browser: the organiser publishes GZ003; the public
 * results page shows the awards; the demo school appeals; the arbiter upholds; the chief judge
 * corrects the mark and signs off again; the award list follows; after the announcement period
 * the organiser confirms the nominations and the person appears in /inheritors.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publications, schools, users } from '#db/schema.ts';
import { appealsForChief } from '#app/models/appeal.server.ts';
import { settleAnnouncements } from '#app/models/publication.server.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('awards in a browser', () => {
  it('publishes, takes an appeal through to a changed award, and ends in the register', async () => {
    const db = e2e.server.db;
    const { ready, team, largest, correctValue } = lockedWithAnError(db);
    const open = async (username: string) => {
      const page = await logIn(username);
      page.setDefaultTimeout(10_000);
      return page;
    };
    const base = e2e.server.url;
    const eventId = ready.event.id;
    const row = (page: Awaited<ReturnType<typeof logIn>>) => page.locator(`[data-testid="award-list"] tr[data-team="${team.id}"]`);

    const admin = await open('admin');
    await admin.goto(`${base}/admin/publication`);
    await admin.locator('tr[data-event="GZ003"]').getByRole('button', { name: '发布' }).click();
    await admin.getByText('已发布 1 个赛项').waitFor();

    // The audience, without an account, follows the results page live.
    const audience = await e2e.browser.newPage();
    audience.setDefaultTimeout(10_000);
    await audience.goto(`${base}/results/${eventId}`);
    await audience.getByTestId('event-status').getByText('已公示').waitFor();
    expect(await row(audience).getAttribute('data-award')).toBe('second');

    const school = await open('school');
    await school.goto(`${base}/school/results/${team.id}`);
    await school.getByTestId('feedback').waitFor();
    // Every number of the feedback with the two decimals scores are kept to (89.00, not 89).
    const numbers = await school.getByTestId('feedback').locator('td.num').allTextContents();
    expect(numbers.length).toBeGreaterThan(4);
    for (const n of numbers) expect(n).toMatch(/^(\d+\.\d{2}|—)$/);
    await school.getByLabel('申诉理由').fill('第一位裁判在“' + largest.name + '”一项录入 0 分，与现场评分记录表不符。');
    await school.getByLabel(/附件/).setInputFiles({ name: '评分记录表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%test\n') });
    await school.getByRole('button', { name: '提交申诉' }).click();
    await school.getByText('申诉已提交').waitFor();

    const arbiter = await open('arbiter');
    await arbiter.goto(`${base}/arbiter`);
    const appeal = arbiter.getByTestId('appeal').filter({ hasText: team.name });
    await appeal.getByText('附件：评分记录表.pdf').waitFor();
    await appeal.getByLabel('处理意见').fill('经核对现场评分记录表，录入有误，申诉成立。');
    await appeal.getByRole('button', { name: '申诉成立' }).click();
    await arbiter.getByText('已处理的申诉').waitFor();

    const chiefName = db.select({ username: users.username }).from(users).where(eq(users.id, ready.chief.userId)).get()!.username;
    const chief = await open(chiefName);
    await chief.goto(`${base}/chief/events/${eventId}`);
    await chief.getByRole('button', { name: '重开该队评分' }).click();
    // The reopened team's marks appear on the page once the action is done.
    await chief.locator('[data-testid^="correct-"]').first().waitFor();
    const [view] = appealsForChief(db, ready.chief, eventId);
    const erring = view.sheets.find((s) => s.marks.some((m) => m.criterionId === largest.id && m.value === 0))!;
    const form = chief.getByTestId(`correct-${erring.sheetId}-${largest.id}`);
    await form.getByRole('spinbutton').fill(String(correctValue));
    await form.getByPlaceholder('更正原因').fill('按现场评分记录表更正');
    await form.getByRole('button', { name: '更正' }).click();
    await chief.getByText('已保存。').waitFor();
    // Until the re-lock the published awards stand.
    expect(await row(audience).getAttribute('data-award')).toBe('second');
    await chief.getByRole('button', { name: '重新签字确认' }).click();
    await chief.getByText('已重新签字确认').waitFor();

    // The open results page follows the re-lock without a reload.
    await audience.locator(`[data-testid="award-list"] tr[data-team="${team.id}"][data-award="first"]`).waitFor({ timeout: 15_000 });

    // The announcement period passes; results become final and the nominations are made.
    db.update(publications).set({ announcementEndsAt: new Date(Date.now() - 1000) }).where(eq(publications.eventId, eventId)).run();
    expect(settleAnnouncements(db)).toEqual([eventId]);
    await admin.goto(`${base}/admin/nominations`);
    const member = (db.$client.prepare('select c.name from team_members m join contestants c on c.id = m.contestant_id where m.team_id = ? and m.removed_at is null order by m.position').get(team.id) as { name: string }).name;
    await admin.getByTestId('nominations').getByText(member).waitFor();
    await admin.getByRole('button', { name: '确认所选' }).click();
    await admin.getByText(/已确认 \d+ 人/).waitFor();

    await audience.goto(`${base}/inheritors?q=${encodeURIComponent(member)}`);
    await audience.getByTestId('inheritors').getByRole('link', { name: member }).click();
    await audience.getByRole('heading', { name: member }).waitFor();
    const text = await audience.locator('main').innerText();
    expect(text).toContain(db.select({ name: schools.name }).from(schools).where(eq(schools.id, team.schoolId)).get()!.name);
    expect(text).toContain('一等奖');
  }, 120_000);
});
