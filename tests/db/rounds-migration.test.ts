/**
 * Migration 0011 (rounds) on a database from before it: every event becomes its own first round,
 * and every result, award, nomination and certificate is kept and verifiable as before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsBefore } from '../helpers/migrations.ts';
import { migrateDatabase, openDatabase, openMigratedDatabase } from '#db/client.ts';
import { verifyCertificate } from '#app/models/certificate.server.ts';
import { inheritorRegister } from '#app/models/nomination.server.ts';
import { TEST_NOW } from '../helpers/db.ts';
import { seedCompetition } from '../../scripts/seed/generate.ts';
import { seedHistory } from '../../scripts/seed/history.ts';

const KEPT = ['events', 'teams', 'results', 'result_runs', 'awards', 'nominations', 'certificates', 'marks', 'publications', 'appeals', 'audit_log'];

describe('migration 0011 (rounds)', () => {
  it('keeps every result, award, nomination and certificate of an older database, verifiable as before', async () => {
    // A finished year and a year in progress, written by today's code …
    const dir = mkdtempSync(join(tmpdir(), 'chuyi-old-'));
    const source = openMigratedDatabase(join(dir, 'now.db'));
    await seedCompetition(source, { now: TEST_NOW });
    await seedHistory(source, { now: TEST_NOW });
    const before = Object.fromEntries(KEPT.map((t) => [t, source.$client.prepare(`select count(*) from ${t}`).pluck().get()]));
    expect(before.certificates).toBeGreaterThan(0);
    expect(before.nominations).toBeGreaterThan(0);
    const codes = source.$client.prepare('select code from certificates order by id').pluck().all() as string[];
    const verified = codes.map((c) => verifyCertificate(source, c));
    const register = inheritorRegister(source);
    source.$client.close();

    // … copied into a database as it was before rounds existed (only the columns it had).
    const old = openDatabase(join(dir, 'old.db'));
    migrate(old, { migrationsFolder: migrationsBefore('0011_rounds') });
    const sql = old.$client;
    sql.pragma('foreign_keys = OFF');
    sql.exec(`attach database '${join(dir, 'now.db')}' as now`);
    const tables = sql.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").pluck().all() as string[];
    for (const table of tables) {
      const columns = (sql.prepare(`pragma main.table_info(${table})`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
      sql.exec(`insert into main."${table}" (${columns}) select ${columns} from now."${table}"`);
    }
    sql.exec('detach database now');
    sql.pragma('foreign_keys = ON');
    expect((sql.prepare('pragma table_info(events)').all() as { name: string }[]).map((c) => c.name)).not.toContain('round_no');

    migrateDatabase(old);
    for (const t of KEPT) expect(sql.prepare(`select count(*) from ${t}`).pluck().get(), t).toBe(before[t]);
    // Every event is its own first round.
    expect(sql.prepare('select count(*) from events where round_no = 1 and first_round_id is null').pluck().get()).toBe(before.events);
    expect(codes.map((c) => verifyCertificate(old, c))).toEqual(verified);
    expect(inheritorRegister(old)).toEqual(register);
    expect(sql.pragma('foreign_key_check')).toEqual([]);
  });
});
