/** Migration 0006 turns a database's float marks and totals into exact hundredths, losing nothing. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsBefore } from '../helpers/migrations.ts';
import { migrateDatabase, openDatabase } from '#db/client.ts';

describe('migration 0006 (exact scores)', () => {
  it('converts every mark, total and tie-break value of an older database to whole hundredths', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'chuyi-old-')), 'old.db'));
    migrate(db, { migrationsFolder: migrationsBefore('0006_exact_scores') });
    const sql = db.$client;
    // Rows as the old code wrote them (floats); the referenced rows do not matter here.
    sql.pragma('foreign_keys = OFF');
    const marks = [6.1, 0.29, 80.15, 6.575 - 0.005, 0, 19.99];
    marks.forEach((v, i) => sql.prepare('insert into marks (sheet_id, criterion_id, value, idempotency_key, entered_by, created_at) values (1, 1, ?, ?, 1, 0)').run(v, `k${i}`));
    sql.prepare("insert into results (run_id, team_id, total, rank, tie_break_values, absent) values (1, 1, 89.15, 1, '[12.5,3.25]', 0)").run();
    sql.prepare("insert into results (run_id, team_id, total, rank, tie_break_values, absent) values (1, 2, null, null, '[]', 1)").run();
    sql.pragma('foreign_keys = ON');

    migrateDatabase(db);
    expect(sql.prepare('select value_hundredths as v from marks order by id').all().map((r) => (r as { v: number }).v)).toEqual([610, 29, 8015, 657, 0, 1999]);
    const results = sql.prepare('select total_hundredths as t, tie_break_values as tb from results order by id').all() as { t: number | null; tb: string }[];
    expect(results).toEqual([{ t: 8915, tb: '[1250,325]' }, { t: null, tb: '[]' }]);
    const columns = (table: string) => (sql.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('marks')).not.toContain('value');
    expect(columns('results')).not.toContain('total');
  });
});
