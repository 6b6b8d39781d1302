/** A school registers a team, the organiser returns it, the school fixes it, the organiser approves it. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listOpenEvents } from '#app/models/roster.server.ts';
import { actorOf } from '../helpers/db.ts';
import { contestant } from '../helpers/people.ts';
import { browserFixture, fillAndSubmitTeam } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

/** Waits for the team's status badge to read `status`. */
const statusIs = (page: Page, status: string) => page.getByTestId('team-status').filter({ hasText: status }).waitFor({ timeout: 10_000 });

describe.skipIf(!available)('registration in a browser', () => {
  it('register, submit, return, fix, resubmit, approve', async () => {
    // A school with a two-person event still open to it.
    const usernames = (e2e.server.db.$client.prepare("select username from users where role = 'school' order by id").all() as { username: string }[]).map((u) => u.username);
    let username = '';
    let eventCode = '';
    for (const name of usernames) {
      const event = listOpenEvents(e2e.server.db, actorOf(e2e.server.db, name)).find((e) => e.canEnter && e.minTeamSize <= 2 && e.maxTeamSize >= 2 && e.maxAdvisors >= 1);
      if (event) {
        username = name;
        eventCode = event.code;
        break;
      }
    }
    expect(username).not.toBe('');

    const school = await logIn(username, { width: 820, height: 1180 });
    await school.goto(`${e2e.server.url}/registration`);
    await school.getByRole('button', { name: `报名该赛项 ${eventCode}` }).click();
    await school.waitForURL(/\/teams\/\d+$/);
    const teamUrl = school.url();
    const [a, b] = [contestant('欧阳明'), contestant('李晓彤', '20040620', 'female')];
    await fillAndSubmitTeam(school, [a, b]);
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
