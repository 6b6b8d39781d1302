/** `npm start -- --simulate` (#14): judges mark a few events at a pace, through the model, so boards move. */
import { describe, expect, it } from 'vitest';
import { startSimulation } from '../../scripts/simulate.ts';
import { demoDb } from '../helpers/db.ts';

describe('the simulation of judges marking', () => {
  it('draws a few events the tour leaves alone and marks them, mark by mark, until stopped', async () => {
    const db = await demoDb();
    const lines: string[] = [];
    const simulation = startSimulation(db, { events: 2, paceMs: 5, log: (l) => lines.push(l) });
    expect(simulation.events).toHaveLength(2);
    expect(simulation.events).not.toContain('GZ012');
    expect(lines[0]).toContain('/live');
    await new Promise((r) => setTimeout(r, 400));
    simulation.stop();
    const marks = await simulation.done;
    expect(marks).toBeGreaterThan(10);
    const counted = db.$client.prepare("select count(*) from marks m join scoring_sheets s on s.id = m.sheet_id join events e on e.id = s.event_id where e.code in (?, ?)").pluck().get(...simulation.events) as number;
    expect(counted).toBe(marks);
    const statuses = db.$client.prepare('select status from events where code in (?, ?)').pluck().all(...simulation.events);
    expect(statuses).toEqual(['scoring', 'scoring']);
  });
});
