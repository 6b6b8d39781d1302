/**
 * The organiser's long lists page and search on the server (#14): schools and the judges to assign
 * (registrations and accounts are tested with their models).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { listJudges } from '#app/models/assignment.server.ts';
import { pageOfSchools } from '#app/models/school.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

describe('long lists', () => {
  it('pages the schools, each once, and finds them by name or code', () => {
    const admin = actorOf(db, 'admin');
    const first = pageOfSchools(db, admin, {}, { limit: 20 });
    expect(first.schools).toHaveLength(20);
    const all = Array.from({ length: first.pages }, (_, i) => pageOfSchools(db, admin, {}, { page: i + 1, limit: 20 }).schools.map((s) => s.id)).flat();
    expect(new Set(all).size).toBe(first.total);
    const railway = pageOfSchools(db, admin, { q: '铁道' });
    expect(railway.schools.map((s) => s.name)).toContain('湖南铁道职业技术学院');
    expect(pageOfSchools(db, admin, { q: railway.schools[0].code }).schools[0].id).toBe(railway.schools[0].id);
    expect(refusal(() => pageOfSchools(db, actorOf(db, 'school'))).status).toBe(403);
  });

  it('offers a few judges to assign, found by name or organisation, and says how many were found', () => {
    const admin = actorOf(db, 'admin');
    const everyone = listJudges(db, admin);
    const few = listJudges(db, admin, { limit: 10 });
    expect(few.judges).toHaveLength(10);
    expect(few.found).toBe(everyone.judges.length);
    const someone = everyone.judges[17];
    const found = listJudges(db, admin, { q: someone.name });
    expect(found.judges.map((j) => j.id)).toContain(someone.id);
    expect(found.judges.every((j) => j.name.includes(someone.name) || j.affiliation.includes(someone.name))).toBe(true);
  });
});
