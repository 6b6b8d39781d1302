/** What the benchmarks start from: the demo competition with an event checked in, drawn and scoring. */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../app/domain/roles.ts';

/** Checks in every approved team of the event and draws: scoring opens. Returns its work codes. */
export async function openScoring(db: Db, admin: Actor, eventId: number): Promise<string[]> {
  const { drawStations, recordCheckIn } = await import('../../app/models/check-in.server.ts');
  for (const t of db.$client.prepare("select id from teams where event_id = ? and status = 'approved'").all(eventId) as { id: number }[]) recordCheckIn(db, admin, eventId, t.id, 'present');
  drawStations(db, admin, eventId);
  return (db.$client.prepare('select work_code from check_ins where event_id = ? and work_code is not null order by work_code').all(eventId) as { work_code: string }[]).map((r) => r.work_code);
}

/** A fresh database at `dbPath` with the demo seeded and `code` (GZ012 by default) open for scoring. */
export async function demoScoring(dbPath: string, code = 'GZ012') {
  const { openMigratedDatabase } = await import('../../db/client.ts');
  const { seedCompetition } = await import('../seed/generate.ts');
  const { loadActor } = await import('../../app/models/account.server.ts');
  const { loadScheme } = await import('../../app/models/scheme.server.ts');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db, { seed: 2026 });
  const admin = loadActor(db, 1)!;
  const eventId = (db.$client.prepare('select id from events where code = ?').get(code) as { id: number }).id;
  const workCodes = await openScoring(db, admin, eventId);
  return { db, admin, eventId, workCodes, criteria: loadScheme(db, eventId)!.criteria };
}
