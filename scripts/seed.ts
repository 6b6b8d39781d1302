/**
 * npm run seed                      seed the demo competition into an empty database
 * npm run seed -- --reset           wipe the database and seed the demo again
 * npm run seed -- --scale province  a competition at DOMAIN.md's scale (use a separate DATABASE_PATH)
 */
import { parseArgs } from 'node:util';
import { closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { loadConfig } from '#app/config.server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedCompetition, wipe, type SeedScale } from './seed/generate.ts';
import { seedHistory } from './seed/history.ts';
import { seedWorks } from './seed/works.ts';

const { values } = parseArgs({
  options: { reset: { type: 'boolean', default: false }, scale: { type: 'string', default: 'demo' } },
});
if (values.scale !== 'demo' && values.scale !== 'province') {
  console.error('--scale 只能是 demo 或 province (must be demo or province)');
  process.exit(2);
}
const config = loadConfig();
const db = openMigratedDatabase(config.databasePath);
try {
  if (!isEmpty(db)) {
    if (!values.reset) {
      console.error(`数据库已有数据，未写入 (the database at ${config.databasePath} is not empty; pass --reset to wipe it)`);
      process.exit(1);
    }
    wipe(db);
  }
  const started = performance.now();
  const report = await seedCompetition(db, { scale: values.scale as SeedScale });
  if (values.scale === 'demo') console.log('a finished earlier year:', await seedHistory(db));
  console.log('a 文明风采 year in its online review:', await seedWorks(db, { filesDir: config.filesDir, scale: values.scale as SeedScale }));
  console.log(`seeded ${values.scale} in ${Math.round(performance.now() - started)} ms:`, report);
  console.log(`demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
} finally {
  closeDatabase(db);
}
