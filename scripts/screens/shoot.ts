/** Screenshots of a page at the four sizes people use: phone, tablet, desktop, projector. */
import { mkdirSync } from 'node:fs';
import type { browserFixture } from '../../tests/e2e/browser.ts';

export const OUT = 'tests/e2e/screenshots';
export const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 1024, height: 768 }, desktop: { width: 1366, height: 768 }, projector: { width: 1920, height: 1080 } };

/** Writes `${name}-${size}.png` for each size, logged in as `user` (or anonymous). */
export async function shoot(e2e: ReturnType<typeof browserFixture>, user: string | null, path: string, name: string) {
  mkdirSync(OUT, { recursive: true });
  for (const [size, viewport] of Object.entries(SIZES)) {
    const page = user ? await e2e.logIn(user, viewport) : await (await e2e.browser.newContext({ viewport })).newPage();
    await page.goto(e2e.server.url + path);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${OUT}/${name}-${size}.png`, fullPage: true });
    await page.context().close();
  }
}
