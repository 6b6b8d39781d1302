/** Screenshots of a published event's results at four sizes (#14: cards on a phone): `npx vitest run --config /dev/null scripts/screens/results.test.ts`. */
import { describe, it } from 'vitest';
import { publishEvent } from '#app/models/publication.server.ts';
import { browserFixture } from '../../tests/e2e/browser.ts';
import { lockedWithAnError } from '../../tests/helpers/awards.ts';
import { actorOf } from '../../tests/helpers/db.ts';
import { shoot } from './shoot.ts';

const e2e = browserFixture();

describe('screens of the results', () => {
  it('takes them', async () => {
    const db = e2e.server.db;
    const { ready } = lockedWithAnError(db);
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    await shoot(e2e, null, `/results/${ready.event.id}`, 'results-event');
  }, 120_000);
});
