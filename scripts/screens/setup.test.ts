/**
 * Screenshots of the organiser's setup pages (#12) at four sizes:
 * `npx vitest run --config /dev/null scripts/screens/setup.test.ts` (PNGs in tests/e2e/screenshots/).
 */
import { describe, it } from 'vitest';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of #12', () => {
  it('takes them', async () => {
    const id = (e2e.server.db.$client.prepare('select id from competitions limit 1').get() as { id: number }).id;
    await shoot(e2e, 'admin', '/admin/competitions', 'setup-years');
    await shoot(e2e, 'admin', `/admin/competitions/${id}`, 'setup-year');
    await shoot(e2e, 'admin', '/admin/schools', 'setup-schools');
    await shoot(e2e, 'admin', '/admin/judges', 'setup-judges');
    await shoot(e2e, 'admin', '/admin', 'admin-checklist');
  }, 180_000);
});
