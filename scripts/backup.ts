/**
 * npm run backup [-- --to DIR]
 * An online, consistent copy of the database (SQLite's backup API), safe while the server runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '#app/config.server.ts';

const { values } = parseArgs({ options: { to: { type: 'string', default: 'data/backups' } } });
const config = loadConfig();
mkdirSync(values.to!, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = join(values.to!, `chuyi-${stamp}.db`);
const source = new Database(config.databasePath, { readonly: true, fileMustExist: true });
try {
  await source.backup(target);
  console.log(`备份完成 (backup written): ${target}`);
} finally {
  source.close();
}
