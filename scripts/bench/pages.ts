/**
 * npm run bench:pages [-- --runs 3]      (after `npm run build`)
 *
 * Every organiser list page and API list on the province seed (200 events, 700 schools, 11,000+
 * contestants, 2,000 judges), as the organiser sees them: the median time of `runs` requests (after
 * one warm-up) and the bytes sent before compression, against the budget of 300 ms and 300 KB.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const BUDGET_MS = 300;
const BUDGET_BYTES = 300_000;

async function main() {
  const { openMigratedDatabase, closeDatabase } = await import('../../db/client.ts');
  const { seedCompetition, DEMO_PASSWORD } = await import('../seed/generate.ts');
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const dbPath = join(mkdtempSync(join(tmpdir(), 'chuyi-pages-')), 'app.db');
  console.log('seeding the province …');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db, { scale: 'province', seed: 2026 });
  // The works pages at size: every school's two essays and two photographs, reviewed by a hundred.
  const { seedWorks } = await import('../seed/works.ts');
  const works = await seedWorks(db, { filesDir: join(dirname(dbPath), 'files'), scale: 'province' });
  const essays = (db.$client.prepare("select event_id as id from entry_categories where competition_id = ? and code = 'ZW'").get(works.competitionId) as { id: number }).id;
  // The 楚怡杯's largest event (an entry category, with its thousands of entries, has its own pages below).
  const eventId = (db.$client.prepare("select e.id from events e join competitions c on c.id = e.competition_id where c.kind = 'skills' order by (select count(*) from teams t where t.event_id = e.id) desc limit 1").get() as { id: number }).id;
  const competitionId = (db.$client.prepare('select id from competitions order by id desc limit 1').get() as { id: number }).id;
  closeDatabase(db);

  const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
  const base = `http://127.0.0.1:${server.port}`;
  const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const paths = [
    '/admin',
    '/admin/competitions',
    `/admin/competitions/${competitionId}`,
    '/admin/events',
    `/admin/events/${eventId}`,
    '/admin/registrations',
    '/admin/registrations?status=submitted',
    '/admin/schools',
    '/admin/judges',
    '/admin/accounts',
    '/admin/nominations',
    '/admin/publication',
    '/admin/audit',
    `/chief/events/${eventId}`,
    '/live',
    '/results',
    '/inheritors',
    '/api/v1/teams',
    '/api/v1/competitions',
    '/api/v1/appeals',
    '/api/v1/inheritors',
    '/api/v1/competitions/current/scoreboard',
    `/admin/works?competition=${works.competitionId}`,
    `/admin/works?competition=${works.competitionId}&flagged=1`,
    `/chief/reviews/${essays}`,
    `/admin/events/${essays}`,
    `/api/v1/competitions/${works.competitionId}/entry-scores`,
    `/results/organisation/${works.competitionId}`,
  ];
  const rows: string[] = [];
  let over = 0;
  try {
    for (const path of paths) {
      const times: number[] = [];
      let bytes = 0;
      let status = 0;
      for (let run = 0; run <= Number(args.runs); run++) {
        const started = performance.now();
        const res = await fetch(base + path, { headers: { Cookie: cookie, 'Accept-Encoding': 'identity' } });
        const body = await res.arrayBuffer();
        if (run > 0) times.push(performance.now() - started);
        bytes = body.byteLength;
        status = res.status;
      }
      const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
      const ok = ms <= BUDGET_MS && bytes <= BUDGET_BYTES && status < 400;
      if (!ok) over++;
      rows.push(`${ok ? '  ' : '✗ '}${path.padEnd(44)} ${String(status).padStart(4)} ${ms.toFixed(0).padStart(7)} ms ${(bytes / 1024).toFixed(1).padStart(9)} KiB`);
      console.log(rows.at(-1));
    }
  } finally {
    await server.close();
  }
  console.log(`\nprovince seed, organiser session, median of ${args.runs} after a warm-up; budget ${BUDGET_MS} ms and ${BUDGET_BYTES / 1000} KB (uncompressed)`);
  console.log(`${paths.length - over} of ${paths.length} within the budget${over ? `; ✗ marks the ${over} over it` : ''}`);
}

await main();
process.exit(0);
