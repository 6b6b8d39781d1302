/**
 * Screenshots of the organiser's setup pages (#12) at four sizes:
 * `npx vitest run --config /dev/null scripts/screens/setup.test.ts` (PNGs in tests/e2e/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { browserFixture } from '../../tests/e2e/browser.ts';

const OUT = 'tests/e2e/screenshots';
const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 1024, height: 768 }, desktop: { width: 1366, height: 768 }, projector: { width: 1920, height: 1080 } };
const e2e = browserFixture();

describe('screens of #12', () => {
  it('takes them', async () => {
    mkdirSync(OUT, { recursive: true });
    const id = (e2e.server.db.$client.prepare('select id from competitions limit 1').get() as { id: number }).id;
    for (const [path, name] of [['/admin/competitions', 'setup-years'], [`/admin/competitions/${id}`, 'setup-year']] as const) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = await e2e.logIn('admin', viewport);
        await page.goto(e2e.server.url + path);
        await page.screenshot({ path: `${OUT}/${name}-${size}.png`, fullPage: true });
        await page.context().close();
      }
    }
  }, 120_000);
});
