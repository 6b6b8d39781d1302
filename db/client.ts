/** Opens the embedded SQLite database the way production needs it, and brings it to the current schema. */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';
import { PREFECTURES } from '../app/domain/prefectures.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets the scoreboard read while judges write; NORMAL is durable across application crashes
  // in WAL mode and much faster than FULL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * drizzle asks SQLite to compile every query afresh; keeping the compiled statements by their SQL
 * text removes a large share of each query's cost on hot paths (imports, marks). A statement runs
 * to completion synchronously before the next use, so sharing one is safe; each reuse starts in
 * object mode, because drizzle switches some to raw (array) mode and callers may pluck.
 */
function cacheStatements(sqlite: Database.Database, limit = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) {
      // Back to rows as objects, whatever mode the last user set (drizzle's raw, a caller's pluck).
      if (hit.reader) hit.pluck(false).raw(false);
      return hit;
    }
    const statement = prepare(source);
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  ensureReferenceData(db);
}

/** What every install has from its first start, demo or not: Hunan's prefectures. */
export function ensureReferenceData(db: Db): void {
  const insert = db.$client.prepare('insert or ignore into prefectures (code, name, sort_order) values (?, ?, ?)');
  db.$client.transaction(() => PREFECTURES.forEach(([code, name], i) => insert.run(code, name, i)))();
}

/** An open, migrated database: what the server, the seed and the tests all start from. */
export function openMigratedDatabase(path: string): Db {
  const db = openDatabase(path);
  migrateDatabase(db);
  return db;
}

export function closeDatabase(db: Db): void {
  const sqlite = db.$client;
  if (!sqlite.open) return;
  // Fold the WAL back into the main file so a copied database file is complete.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/**
 * The one way the models write: `work` runs in one SQLite transaction, IMMEDIATE so that it takes
 * the write lock first (two app processes on one file never meet a read snapshot that cannot be
 * upgraded to a write). Every query made through `db` inside belongs to it (one connection,
 * synchronous), a throw rolls all of it back, and a nested call is a savepoint. It hands `work`
 * the same `db`, so a function written for a transaction reads as one written for the database.
 * (drizzle's `db.transaction` builds a query builder per table each time, which cost the marks'
 * hot path more than the prepared queries it then ran.)
 */
export function atomically<T>(db: Db, work: (tx: Db) => T): T {
  return db.$client.transaction(() => work(db)).immediate();
}

/** A drizzle transaction: what model functions write through, so a failure writes nothing. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
