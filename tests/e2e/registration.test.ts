/** A school registers a team, the organiser returns it, the school fixes it, the organiser approves it. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOpenEvents } from '#app/models/registration.server.ts';
import { actorOf } from '../helpers/db.ts';
import { contestant } from '../helpers/people.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { browserAvailable, launch } from './browser.ts';

const available = browserAvailable();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(username: string, viewport = { width: 1024, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('chuyi2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** Waits for the team's status badge to read `status`. */
const statusIs = (page: Page, status: string) => page.getByTestId('team-status').filter({ hasText: status }).waitFor({ timeout: 10_000 });

describe.skipIf(!available)('registration in a browser', () => {
  it('register, submit, return, fix, resubmit, approve', async () => {
    // A school with a two-person event still open to it.
    const usernames = (server.db.$client.prepare("select username from users where role = 'school' order by id").all() as { username: string }[]).map((u) => u.username);
    let username = '';
    let eventCode = '';
    for (const name of usernames) {
      const event = listOpenEvents(server.db, actorOf(server.db, name)).find((e) => e.canEnter && e.minTeamSize <= 2 && e.maxTeamSize >= 2 && e.maxAdvisors >= 1);
      if (event) {
        username = name;
        eventCode = event.code;
        break;
      }
    }
    expect(username).not.toBe('');

    const school = await logIn(username, { width: 820, height: 1180 });
    await school.goto(`${server.url}/registration`);
    await school.getByRole('button', { name: `报名该赛项 ${eventCode}` }).click();
    await school.waitForURL(/\/teams\/\d+$/);
    const teamUrl = school.url();
    const [a, b] = [contestant('欧阳明'), contestant('李晓彤', '20040620', 'female')];
    await school.locator('[name="contestants.0.name"]').fill(a.name);
    await school.locator('[name="contestants.0.idNumber"]').fill(a.idNumber);
    await school.locator('[name="contestants.1.name"]').fill(b.name);
    await school.locator('[name="contestants.1.idNumber"]').fill(b.idNumber);
    await school.locator('[name="advisors.0.name"]').fill('谭建国');
    await school.locator('[name="advisors.0.phone"]').fill('13975112345');
    await school.getByRole('button', { name: '提交审核' }).click();
    await school.getByText('已提交，等待组委会审核。').waitFor();
    await statusIs(school, '已提交');

    const admin = await logIn('admin');
    await admin.goto(teamUrl);
    await admin.getByLabel('退回原因').fill('请补充选手学号');
    await admin.getByRole('button', { name: '退回' }).click();
    await admin.getByText('已退回。').waitFor();

    await school.goto(teamUrl);
    expect(await school.getByTestId('return-reason').textContent()).toContain('请补充选手学号');
    await school.locator('[name="contestants.0.studentNumber"]').fill('2023010101');
    await school.locator('[name="contestants.1.studentNumber"]').fill('2023010102');
    await school.getByRole('button', { name: '提交审核' }).click();
    await school.getByText('已提交，等待组委会审核。').waitFor();

    await admin.goto(teamUrl);
    await admin.getByRole('button', { name: '通过' }).click();
    await admin.getByText('已通过。').waitFor();
    await statusIs(admin, '已通过');
    if (process.env.E2E_SCREENSHOTS) await school.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/team.png`, fullPage: true });

    await school.goto(teamUrl);
    await statusIs(school, '已通过');
    expect(await school.locator('[name="contestants.0.studentNumber"]').inputValue()).toBe('2023010101');
  }, 90_000);
});
