/** A person in a real browser: each demo account logs in and lands on its own dashboard. */
import { describe, expect, it } from 'vitest';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available } = e2e;

const ACCOUNTS = [
  ['admin', '/admin', '组委会办公室，您好'],
  ['school', '/school', '湖南铁道职业技术学院'],
  ['judge', '/judge', '我的赛项'],
  ['chief', '/chief', '裁判组'],
  ['arbiter', '/arbiter', '申诉'],
] as const;

describe.skipIf(!available)('logging in with a browser', () => {
  it.each(ACCOUNTS)('%s lands on %s', async (username, home, text) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('link', { name: '登录' }).click();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('chuyi2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${e2e.server.url}${home}`);
    await page.getByText(text).first().waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login\?loggedOut=1/);
    await page.getByText('您已退出登录').waitFor();
    await context.close();
  });

  it('shows a wrong password on the form and keeps the username', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('用户名或密码错误。');
    expect(await page.getByLabel('用户名').inputValue()).toBe('admin');
    await page.close();
  });

  it('works on a phone: the landing page fits and switches to English', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('2026年“楚怡杯”湖南省职业院校技能竞赛');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Live rankings' }).first().waitFor();
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/phone-home.png`, fullPage: false });
    await context.close();
  });
});
