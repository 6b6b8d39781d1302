import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { SQLiteTable as SQLiteTableClass } from 'drizzle-orm/sqlite-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, openMigratedDatabase } from '#db/client.ts';
import * as schema from '#db/schema.ts';

const tables = Object.values(schema).filter((v) => is(v, SQLiteTableClass)) as SQLiteTable[];

describe('migrations', () => {
  it('bring an empty database to every table and column of the schema', () => {
    const db = openMigratedDatabase(':memory:');
    expect(tables.length).toBeGreaterThanOrEqual(30);
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = db.$client.prepare(`pragma table_info("${config.name}")`).all() as { name: string; notnull: number }[];
      expect(columns.map((c) => c.name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
      for (const column of config.columns) {
        expect(!!columns.find((c) => c.name === column.name)!.notnull, `${config.name}.${column.name}`).toBe(column.notNull || column.primary);
      }
    }
  });

  it('record every migration of the journal and are idempotent on a second start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chuyi-mig-'));
    const path = join(dir, 'x.db');
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    closeDatabase(openMigratedDatabase(path));
    const db = openMigratedDatabase(path);
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    closeDatabase(db);
  });

  it('open the file in WAL mode with foreign keys and a busy timeout', () => {
    const db = openMigratedDatabase(join(mkdtempSync(join(tmpdir(), 'chuyi-wal-')), 'x.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    // A foreign key that points nowhere is refused.
    expect(() => db.$client.prepare("insert into schools (code, name, type, prefecture_id) values ('1', 'x', 'technician', 999)").run()).toThrow(/FOREIGN KEY/);
    closeDatabase(db);
  });
});
