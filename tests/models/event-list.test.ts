/** The organiser's list of events (#14): one year at a time, paged, filtered, searched and ordered. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { EVENT_STATUSES } from '#app/domain/event-lifecycle.ts';
import { pageOfEvents } from '#app/models/event-list.server.ts';
import { actorOf, demoDb, TEST_NOW } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';
import { seedHistory } from '../../scripts/seed/history.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
  await seedHistory(db, { now: TEST_NOW });
});

const codesOf = (page: ReturnType<typeof pageOfEvents>) => page.events.map((e) => e.code);

describe('the list of events', () => {
  it('shows this year only (regression: every year’s events were listed together, GZ012 twice)', () => {
    const admin = actorOf(db, 'admin');
    const current = pageOfEvents(db, admin, {}, { limit: 1000 });
    const thisYear = db.$client.prepare('select count(*) from events where competition_id = ?').pluck().get(current.competitionId) as number;
    expect(current.total).toBe(thisYear);
    expect(new Set(codesOf(current)).size).toBe(current.total);
    expect(current.years.length).toBe(2);
    // An earlier year is one choice away.
    const earlier = current.years.find((y) => y.id !== current.competitionId)!;
    const then = pageOfEvents(db, admin, { competitionId: earlier.id }, { limit: 1000 });
    expect(then.total).toBeGreaterThan(0);
    expect(then.events.every((e) => e.status === 'final')).toBe(true);
  });

  it('pages every event once, in each order, and orders by code, date (undated last) and progress', () => {
    const admin = actorOf(db, 'admin');
    for (const sort of ['code', 'date', 'status'] as const) {
      const first = pageOfEvents(db, admin, { sort }, { limit: 7 });
      const all = Array.from({ length: first.pages }, (_, i) => pageOfEvents(db, admin, { sort }, { page: i + 1, limit: 7 }).events).flat();
      expect(new Set(all.map((e) => e.id)).size, sort).toBe(first.total);
      if (sort === 'code') expect(all.map((e) => e.code)).toEqual(all.map((e) => e.code).sort());
      if (sort === 'date') {
        const dates = all.map((e) => e.scheduledOn);
        const dated = dates.filter((d) => d !== null);
        expect(dates.slice(0, dated.length)).toEqual([...dated].sort());
      }
      if (sort === 'status') {
        const steps = all.map((e) => EVENT_STATUSES.indexOf(e.status));
        expect(steps).toEqual([...steps].sort((a, b) => a - b));
      }
    }
  });

  it('filters by division, venue and state, and finds an event by part of its code or name', () => {
    const admin = actorOf(db, 'admin');
    const all = pageOfEvents(db, admin, {}, { limit: 1000 });
    const division = all.divisions[0];
    const inDivision = pageOfEvents(db, admin, { divisionId: division.id }, { limit: 1000 });
    expect(inDivision.total).toBeGreaterThan(0);
    expect(inDivision.total).toBeLessThan(all.total);
    expect(inDivision.events.every((e) => e.division === division.label)).toBe(true);
    const venue = all.venues[0];
    expect(pageOfEvents(db, admin, { venueId: venue.id }, { limit: 1000 }).events.every((e) => e.venue === venue.label)).toBe(true);
    const scheduled = pageOfEvents(db, admin, { status: 'scheduled' }, { limit: 1000 });
    expect(scheduled.events.every((e) => e.status === 'scheduled')).toBe(true);
    expect(codesOf(pageOfEvents(db, admin, { q: 'GZ012' }))).toEqual(['GZ012']);
    const robot = pageOfEvents(db, admin, { q: '机器人' });
    expect(robot.total).toBeGreaterThan(0);
    expect(robot.events.every((e) => e.name.includes('机器人'))).toBe(true);
    expect(pageOfEvents(db, admin, { q: '%' }).total).toBe(0);
  });

  it('is the organiser’s only', () => {
    expect(refusal(() => pageOfEvents(db, actorOf(db, 'school'))).status).toBe(403);
  });
});
