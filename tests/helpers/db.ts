/** Real SQLite databases for tests: empty and migrated, or with the demo competition in it. */
import { openMigratedDatabase, type Db } from '#db/client.ts';
import { loadActor } from '#app/models/account.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { seedCompetition } from '../../scripts/seed/generate.ts';
import { sql } from 'drizzle-orm';

/** A fixed "now", so the seeded deadlines and ages are the same in every run. */
export const TEST_NOW = new Date('2026-11-23T08:00:00+08:00');

export function emptyDb(): Db {
  return openMigratedDatabase(':memory:');
}

export async function demoDb(): Promise<Db> {
  const db = emptyDb();
  await seedCompetition(db, { now: TEST_NOW });
  return db;
}

export function actorOf(db: Db, username: string): Actor {
  const row = db.$client.prepare('select id from users where username = ?').get(username) as { id: number } | undefined;
  if (!row) throw new Error(`no account ${username}`);
  const actor = loadActor(db, row.id);
  if (!actor) throw new Error(`account ${username} is disabled`);
  return actor;
}

export function count(db: Db, table: string): number {
  return (db.get(sql.raw(`select count(*) as n from "${table}"`)) as { n: number }).n;
}
