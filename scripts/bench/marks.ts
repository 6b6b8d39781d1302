/**
 * npm run bench:marks [-- --seconds 10 --judges 50 --rounds 2 --pace 100]
 *
 * Marks accepted per second through the real `PUT /api/v1/marks` (session, CSRF, zod, rules,
 * audit, flags) from 50 judges at once, each with its own session; beside, in the same run, a bare
 * Express handler that inserts the same rows into better-sqlite3 with no checks, and raw
 * better-sqlite3 inserts. Each server runs in its own process; this process is the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openScoring } from './setup.ts';
import { fileURLToPath } from 'node:url';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    pace: { type: 'string', default: '100' },
    judges: { type: 'string', default: '50' },
    serve: { type: 'string' },
    db: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const JUDGES = Number(args.judges);
/** In the paced run each judge sends a mark every PACE ms: 10 a second, far past any human's speed. */
const PACE = Number(args.pace);
const SELF = fileURLToPath(import.meta.url);
/** A venue's judges are spread over its events in panels, as on a competition day. */
const PANEL = 5;

type Job = { eventId: number; cookie: string; csrf: string; workCodes: string[]; criteria: { id: number; maxMarks: number; decimals: number; allOrNothing: boolean }[] };
type Setup = { events: string[]; jobs: Job[] };

// ── Child processes: the two servers ─────────────────────────────────────────────────────────────

async function serveApp(dbPath: string) {
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {}, loginLimits: { perUserAndIp: 1000, perUser: 1000, perIp: 100000, windowSeconds: 60, blockSeconds: 1 } });
  process.send!({ port: server.port });
}

async function serveBare(dbPath: string) {
  const express = (await import('express')).default;
  const sqlite = new Database(dbPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table if not exists marks (id integer primary key, sheet_id integer, criterion_id integer, value real, idempotency_key text unique, created_at integer)');
  const insert = sqlite.prepare('insert into marks (sheet_id, criterion_id, value, idempotency_key, created_at) values (?, ?, ?, ?, ?)');
  const app = express();
  app.use(express.json());
  app.put('/api/v1/marks', (req, res) => {
    const b = req.body as { criterionId: number; value: number; idempotencyKey: string; workCode: string };
    const row = insert.run(1, b.criterionId, b.value, b.idempotencyKey, Date.now());
    res.status(201).json({ id: Number(row.lastInsertRowid), criterionId: b.criterionId, value: b.value, idempotencyKey: b.idempotencyKey, duplicate: false });
  });
  const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
}

if (args.serve) process.once('SIGTERM', () => process.exit(0));
if (args.serve === 'app') await serveApp(args.db!);
else if (args.serve === 'bare') await serveBare(args.db!);
else await main();

// ── The parent: set up, load, report ─────────────────────────────────────────────────────────────

function start(kind: 'app' | 'bare', dbPath: string): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=dir writes a CPU profile of each server to dir.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', SELF, '--serve', kind, '--db', dbPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

async function prepare(dbPath: string): Promise<Setup & { usernames: string[] }> {
  const { openMigratedDatabase, closeDatabase } = await import('../../db/client.ts');
  const { seedCompetition } = await import('../seed/generate.ts');
  const { createAccount, loadActor } = await import('../../app/models/account.server.ts');
  const { assignJudge } = await import('../../app/models/assignment.server.ts');
  const { loadScheme } = await import('../../app/models/scheme.server.ts');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db, { seed: 2026 });
  const admin = loadActor(db, 1)!;
  const eventCount = Math.ceil(JUDGES / PANEL);
  const events = db.$client
    .prepare("select e.id, e.code from events e where (select count(*) from teams t where t.event_id = e.id and t.status = 'approved') >= 5 order by e.id limit ?")
    .all(eventCount) as { id: number; code: string }[];
  if (events.length < eventCount) throw new Error(`the demo has ${events.length} events with 5 teams; ${eventCount} needed`);
  const usernames: string[] = [];
  const jobs: Job[] = [];
  for (const event of events) {
    const workCodes = await openScoring(db, admin, event.id);
    const criteria = loadScheme(db, event.id)!.criteria.map((c) => ({ id: c.id, maxMarks: c.maxMarks, decimals: c.decimals, allOrNothing: c.allOrNothing }));
    for (let k = 0; k < PANEL && usernames.length < JUDGES; k++) {
      const i = usernames.length + 1;
      const username = `bench${String(i).padStart(2, '0')}`;
      const { userId } = await createAccount(db, admin, { role: 'judge', username, displayName: `压测裁判${i}`, password: 'bench-password', affiliation: '压测', schoolId: undefined, affiliationSchoolId: undefined, title: undefined, phone: undefined });
      db.$client.prepare('update users set must_change_password = 0 where id = ?').run(userId);
      const judgeId = (db.$client.prepare('select id from judges where user_id = ?').get(userId) as { id: number }).id;
      assignJudge(db, admin, { eventId: event.id, judgeId, role: 'scoring_judge' });
      usernames.push(username);
      jobs.push({ eventId: event.id, cookie: '', csrf: '', workCodes, criteria });
    }
  }
  closeDatabase(db);
  return { events: events.map((e) => e.code), usernames, jobs };
}

async function logIn(port: number, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function markValue(c: Job['criteria'][number], n: number): number {
  if (c.allOrNothing) return n % 2 ? c.maxMarks : 0;
  const step = 10 ** -c.decimals;
  return Math.round(((n * 7) % Math.floor(c.maxMarks / step + 1)) * step * 10 ** c.decimals) / 10 ** c.decimals;
}

/**
 * Every judge sends marks for `seconds`: one after another (saturation: the throughput), or one
 * every `pace` ms (the latency a judge sees at a stated load). At saturation, latency is only the
 * queue: 50 requests in flight at N per second wait 50/N s on average, whatever the server does.
 */
async function load(port: number, jobs: Job[], prefix: string, pace = 0) {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    jobs.map(async (job, j) => {
      const started = performance.now() + (pace * j) / jobs.length;
      for (let n = 0; performance.now() < until; n++) {
        if (pace) await sleep(started + n * pace - performance.now());
        const c = job.criteria[n % job.criteria.length];
        const workCode = job.workCodes[Math.floor(n / job.criteria.length) % job.workCodes.length];
        const body = JSON.stringify({ eventId: job.eventId, workCode, criterionId: c.id, value: markValue(c, n + j), idempotencyKey: `${prefix}-${j}-${n}` });
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/marks`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Cookie: job.cookie, 'X-CSRF-Token': job.csrf },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 201) failures++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { marks: latencies.length, failures, rate: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}

function sleep(ms: number) {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function rawInserts(dbPath: string) {
  const sqlite = new Database(dbPath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table marks (id integer primary key, sheet_id integer, criterion_id integer, value real, idempotency_key text unique, created_at integer)');
  const insert = sqlite.prepare('insert into marks (sheet_id, criterion_id, value, idempotency_key, created_at) values (?, ?, ?, ?, ?)');
  let n = 0;
  const until = performance.now() + Math.min(SECONDS, 3) * 1000;
  const started = performance.now();
  // One row per statement, autocommit: what each request of the handlers does.
  while (performance.now() < until) for (let i = 0; i < 100; i++, n++) insert.run(1, 1, n % 10, `raw-${n}`, Date.now());
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { marks: n, rate: n / seconds };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chuyi-bench-'));
  console.log(`setting up: demo competition, ${JUDGES} judges in panels of ${PANEL} …`);
  const setup = await prepare(join(dir, 'app.db'));
  const app = await start('app', join(dir, 'app.db'));
  const bare = await start('bare', join(dir, 'bare.db'));
  try {
    for (const [i, username] of setup.usernames.entries()) Object.assign(setup.jobs[i], await logIn(app.port, username));
    // Rounds alternate real and bare; the best of each is reported, since on a shared machine noise
    // only ever slows a run down.
    const reals: Awaited<ReturnType<typeof load>>[] = [];
    const bares: Awaited<ReturnType<typeof load>>[] = [];
    for (let r = 0; r < Number(args.rounds); r++) {
      reals.push(await load(app.port, setup.jobs, `real${r}`));
      bares.push(await load(bare.port, setup.jobs, `bare${r}`));
    }
    const best = (runs: typeof reals) => runs.reduce((a, b) => (b.rate > a.rate ? b : a));
    const real = best(reals);
    const baseline = best(bares);
    console.log(`rounds (marks/s): real ${reals.map((r) => r.rate.toFixed(0)).join(', ')}; bare ${bares.map((r) => r.rate.toFixed(0)).join(', ')}`);
    const paced = await load(app.port, setup.jobs, 'paced', PACE);
    const pacedBare = await load(bare.port, setup.jobs, 'paced-bare', PACE);
    const raw = rawInserts(join(dir, 'raw.db'));
    const f = (x: number) => x.toFixed(0).padStart(7);
    const ms = (x: number) => x.toFixed(1).padStart(6);
    console.log(`\n${JUDGES} concurrent judges on ${setup.events.length} events (${setup.events.join(' ')}), ${SECONDS} s each run, best of ${reals.length}, one mark per request`);
    console.log('                                   marks/s    p50 ms    p99 ms   failures');
    console.log(`real PUT /api/v1/marks          ${f(real.rate)}    ${ms(real.p50)}    ${ms(real.p99)}   ${real.failures}`);
    console.log(`bare Express + better-sqlite3   ${f(baseline.rate)}    ${ms(baseline.p50)}    ${ms(baseline.p99)}   ${baseline.failures}`);
    console.log(`raw better-sqlite3 inserts      ${f(raw.rate)}`);
    console.log(`\nreal / bare Express: ${((real.rate / baseline.rate) * 100).toFixed(0)} %   real / raw: ${((real.rate / raw.rate) * 100).toFixed(1)} %`);
    console.log(`\npaced: each judge one mark every ${PACE} ms (${((JUDGES * 1000) / PACE).toFixed(0)} marks/s offered)`);
    console.log('                                   marks/s    p50 ms    p99 ms    max ms   failures');
    console.log(`real PUT /api/v1/marks          ${f(paced.rate)}    ${ms(paced.p50)}    ${ms(paced.p99)}    ${ms(paced.max)}   ${paced.failures}`);
    console.log(`bare Express + better-sqlite3   ${f(pacedBare.rate)}    ${ms(pacedBare.p50)}    ${ms(pacedBare.p99)}    ${ms(pacedBare.max)}   ${pacedBare.failures}`);
    console.log(`\ntarget: real ≥ 50 % of bare at saturation (${real.rate >= baseline.rate / 2 ? 'met' : 'NOT met'}), p99 < 50 ms paced (${paced.p99 < 50 ? 'met' : 'NOT met'})`);
  } finally {
    app.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
  }
}
