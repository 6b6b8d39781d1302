/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without Chromium, browser tests skip with a message, unless REQUIRE_E2E=1 (CI) makes that a failure. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but ${CHROMIUM} is missing: apt-get install chromium`);
  console.warn(`浏览器测试已跳过 (browser tests skipped): ${CHROMIUM} not found; apt-get install chromium`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A school fills its team's form: two contestants and one advisor, then submits it for review. */
export async function fillAndSubmitTeam(page: Page, people: readonly { name: string; idNumber: string }[], advisor = { name: '谭建国', phone: '13975112345' }) {
  for (const [i, p] of people.entries()) {
    await page.locator(`[name="contestants.${i}.name"]`).fill(p.name);
    await page.locator(`[name="contestants.${i}.idNumber"]`).fill(p.idNumber);
  }
  await page.locator('[name="advisors.0.name"]').fill(advisor.name);
  await page.locator('[name="advisors.0.phone"]').fill(advisor.phone);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByText('已提交，等待组委会审核。').waitFor();
}

/**
 * A server and a browser for one test file, started only where Chromium is there; `logIn` opens a
 * fresh browser context (its own cookies) logged in as a demo account.
 */
export function browserFixture(options: { env?: Record<string, string> } = {}) {
  const fixture = { available: browserAvailable(), server: undefined as unknown as TestServer, browser: undefined as unknown as Browser };
  beforeAll(async () => {
    if (!fixture.available) return;
    fixture.server = await startServer({ env: options.env });
    fixture.browser = await launch();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.stop();
  });
  return {
    ...fixture,
    get server() {
      return fixture.server;
    },
    get browser() {
      return fixture.browser;
    },
    async logIn(username: string, viewport = { width: 1024, height: 900 }, password = 'chuyi2026'): Promise<Page> {
      const context = await fixture.browser.newContext({ viewport, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${fixture.server.url}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      return page;
    },
  };
}
