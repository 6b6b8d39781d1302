/**
 * npm run bench:province [-- --events 40 --judges 9 --pace 5000 --viewers-per-event 25 --overview 200
 *                            --seconds 60 --processes 1 --clients 2]
 *
 * A competition day at the province's scale: the province seed, `events` events scoring at once,
 * each with `judges` judges entering a mark every `pace` ms (each judge its own session, through
 * the real `PUT /api/v1/marks`), `viewers-per-event` socket.io viewers on each of those events'
 * boards and `overview` on the competition overview, against `processes` app processes (more than
 * one share their viewers through a Redis server started here). Viewers run in `clients` processes
 * of their own, so that the load is not measured on the server's thread.
 *
 * It prints the marks' p50/p95/p99/max and any refused; mark → viewer p50/p95/p99/max, from the
 * PUT being sent to each viewer of its event holding a board that includes the mark (a board's
 * `through` is the newest mark it has taken into account); boards per viewer; overview bytes per
 * message and per viewer per second; and the servers' memory per viewer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '40' },
    judges: { type: 'string', default: '9' },
    pace: { type: 'string', default: '5000' },
    'viewers-per-event': { type: 'string', default: '25' },
    overview: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    processes: { type: 'string', default: '1' },
    clients: { type: 'string', default: '2' },
    role: { type: 'string' },
    db: { type: 'string' },
    redis: { type: 'string' },
  },
});
const SELF = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Memory = { rss: number; heapUsed: number };
type Job = { url: string; eventId: number; username: string; workCodes: string[]; criteria: { id: number; maxMarks: number; decimals: number; allOrNothing: boolean }[] };

// ── An app process ───────────────────────────────────────────────────────────────────────────────

async function serveApp() {
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const config = loadConfig({ DATABASE_PATH: args.db!, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false', ...(args.redis ? { REDIS_URL: args.redis } : {}) });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {}, loginLimits: { perUserAndIp: 100000, perUser: 100000, perIp: 1000000, windowSeconds: 60, blockSeconds: 1 } });
  process.on('message', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.send!({ rss: m.rss, heapUsed: m.heapUsed } satisfies Memory);
  });
  process.send!({ port: server.port });
}

// ── A viewers process: connects, records what arrives, reports at the end ───────────────────────

type ViewerPlan = { url: string; eventId: number | null };
/** Per viewer: its event (null: the overview) and each message's (through, received at, bytes). */
type ViewerLog = { eventId: number | null; boards: [through: number, at: number][]; deltaBytes: number[]; resyncs: number };

async function runViewers() {
  const plans: ViewerPlan[] = [];
  const logs: ViewerLog[] = [];
  const sockets: Socket[] = [];
  process.on('message', async (message: { type: 'connect'; plans: ViewerPlan[] } | { type: 'report' }) => {
    if (message.type === 'connect') {
      plans.push(...message.plans);
      for (let i = 0; i < message.plans.length; i += 100) {
        await Promise.all(message.plans.slice(i, i + 100).map((plan) => watch(plan)));
      }
      process.send!({ type: 'connected' });
    } else {
      // Only what arrived from now on counts: the connection storm is not what is measured.
      sockets.forEach((s) => s.close());
      process.send!({ type: 'report', logs });
    }
  });
  async function watch(plan: ViewerPlan) {
    const socket = connect(`${plan.url}/live`, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    const log: ViewerLog = { eventId: plan.eventId, boards: [], deltaBytes: [], resyncs: 0 };
    logs.push(log);
    let version = 0;
    if (plan.eventId !== null) {
      socket.on('board', (board: { version: number; through: number }) => {
        const at = now();
        if (board.version <= version) return;
        version = board.version;
        log.boards.push([board.through, at]);
      });
      const ack = (await socket.timeout(60_000).emitWithAck('subscribe', { scope: 'event', eventId: plan.eventId })) as { ok: boolean; version: number };
      if (!ack.ok) throw new Error('subscription refused');
      version = Math.max(version, ack.version);
    } else {
      const subscribe = async () => {
        const ack = (await socket.timeout(60_000).emitWithAck('subscribe', { scope: 'competition', since: version || undefined })) as { ok: boolean; version: number; snapshot: unknown };
        if (!ack.ok) throw new Error('subscription refused');
        if (ack.version > version) version = ack.version;
      };
      socket.on('competition-delta', (delta: { from: number; version: number }) => {
        log.deltaBytes.push(JSON.stringify(delta).length);
        if (delta.version <= version) return;
        if (delta.from !== version) {
          log.resyncs++;
          return void subscribe();
        }
        version = delta.version;
      });
      await subscribe();
    }
  }
  process.send!({ type: 'ready' });
}

// ── The parent: set up, load, report ─────────────────────────────────────────────────────────────

function child(argv: string[], expose = false): { child: ChildProcess; first: Promise<unknown> } {
  const c = spawn(process.execPath, [...(expose ? ['--expose-gc'] : []), '--import', 'tsx', SELF, ...argv], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = new Promise((resolve, reject) => {
    c.once('message', resolve);
    c.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}`)));
  });
  return { child: c, first };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function prepare(dbPath: string, eventCount: number, judgesPerEvent: number) {
  const { openMigratedDatabase, closeDatabase } = await import('../../db/client.ts');
  const { seedCompetition, DEMO_PASSWORD } = await import('../seed/generate.ts');
  const { createAccount, loadActor } = await import('../../app/models/account.server.ts');
  const { assignJudge } = await import('../../app/models/assignment.server.ts');
  const { loadScheme } = await import('../../app/models/scheme.server.ts');
  const { openScoring } = await import('./setup.ts');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db, { scale: 'province', seed: 2026 });
  const admin = loadActor(db, 1)!;
  const events = db.$client.prepare("select e.id from events e where (select count(*) from teams t where t.event_id = e.id and t.status = 'approved') >= 10 order by e.code limit ?").all(eventCount) as { id: number }[];
  if (events.length < eventCount) throw new Error(`the province seed has ${events.length} events with 10 teams; ${eventCount} asked for`);
  const jobs: Omit<Job, 'url'>[] = [];
  let extra = 0;
  for (const { id: eventId } of events) {
    const usernames = (
      db.$client
        .prepare("select u.username from judge_assignments a join judges j on j.id = a.judge_id join users u on u.id = j.user_id where a.event_id = ? and a.role = 'scoring_judge' and a.revoked_at is null order by u.username")
        .all(eventId) as { username: string }[]
    ).map((r) => r.username);
    // Beyond the seeded panel of nine, judges from outside any school (no 回避) join before the draw.
    while (usernames.length < judgesPerEvent) {
      const username = `pj${String(++extra).padStart(4, '0')}`;
      const { userId } = await createAccount(db, admin, { role: 'judge', username, displayName: `压测裁判${extra}`, password: 'bench-password-2026', affiliation: '压测', schoolId: undefined, affiliationSchoolId: undefined, title: undefined, phone: undefined });
      const judgeId = (db.$client.prepare('select id from judges where user_id = ?').get(userId) as { id: number }).id;
      assignJudge(db, admin, { eventId, judgeId, role: 'scoring_judge' });
      usernames.push(username);
    }
    const workCodes = await openScoring(db, admin, eventId);
    const criteria = loadScheme(db, eventId)!.criteria.map((c) => ({ id: c.id, maxMarks: c.maxMarks, decimals: c.decimals, allOrNothing: c.allOrNothing }));
    for (const username of usernames.slice(0, judgesPerEvent)) jobs.push({ eventId, username, workCodes, criteria });
  }
  db.$client.prepare('update users set must_change_password = 0').run();
  closeDatabase(db);
  return { jobs, eventIds: events.map((e) => e.id), password: (username: string) => (username.startsWith('pj') ? 'bench-password-2026' : DEMO_PASSWORD) };
}

async function logIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function quantiles(xs: number[]) {
  const s = Float64Array.from(xs).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN };
}

async function main() {
  const EVENTS = Number(args.events);
  const JUDGES = Number(args.judges);
  const PACE = Number(args.pace);
  const PER_EVENT = Number(args['viewers-per-event']);
  const OVERVIEW = Number(args.overview);
  const SECONDS = Number(args.seconds);
  const PROCESSES = Number(args.processes);
  const CLIENTS = Math.max(1, Number(args.clients));
  const dir = mkdtempSync(join(tmpdir(), 'chuyi-province-bench-'));
  const dbPath = join(dir, 'app.db');
  console.log(`setting up: the province seed, ${EVENTS} events checked in and drawn, ${JUDGES} judges each …`);
  const setup = await prepare(dbPath, EVENTS, JUDGES);
  const { loadConfig } = await import('../../app/config.server.ts');
  loadConfig({ DATABASE_PATH: dbPath }); // every app process then reads the same session secret

  let redis: ChildProcess | undefined;
  let redisUrl: string | undefined;
  if (PROCESSES > 1) {
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('more than one process needs redis-server: apt-get install redis-server');
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
    await new Promise<void>((resolve) => redis!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve()));
    redisUrl = `redis://127.0.0.1:${port}`;
  }
  const apps: { child: ChildProcess; url: string }[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const app = child(['--role', 'app', '--db', dbPath, ...(redisUrl ? ['--redis', redisUrl] : [])], true);
    apps.push({ child: app.child, url: `http://127.0.0.1:${((await app.first) as { port: number }).port}` });
  }
  const memoryOf = (c: ChildProcess) => new Promise<Memory>((resolve) => (c.once('message', (m) => resolve(m as Memory)), c.send('memory')));
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = child(['--role', 'viewers']);
      await c.first;
      return c.child;
    }),
  );
  const ask = (c: ChildProcess, message: { type: string; plans?: ViewerPlan[] }, answer: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const listen = (m: Record<string, unknown>) => m.type === answer && (c.off('message', listen), resolve(m));
      c.on('message', listen);
      c.send(message);
    });

  try {
    console.log(`logging in ${setup.jobs.length} judges …`);
    const sessions: (Job & { cookie: string; csrf: string })[] = [];
    for (let i = 0; i < setup.jobs.length; i += 8) {
      sessions.push(
        ...(await Promise.all(
          setup.jobs.slice(i, i + 8).map(async (job, k) => {
            const url = apps[(i + k) % apps.length].url;
            return { ...job, url, ...(await logIn(url, job.username, setup.password(job.username))) };
          }),
        )),
      );
    }

    const viewers = EVENTS * PER_EVENT + OVERVIEW;
    console.log(`connecting ${viewers} viewers (${PER_EVENT} on each event, ${OVERVIEW} on the overview) through ${CLIENTS} client processes …`);
    const before = await Promise.all(apps.map((a) => memoryOf(a.child)));
    const plans: ViewerPlan[] = [];
    for (let v = 0; v < EVENTS * PER_EVENT; v++) plans.push({ url: apps[v % apps.length].url, eventId: setup.eventIds[v % EVENTS] });
    for (let v = 0; v < OVERVIEW; v++) plans.push({ url: apps[v % apps.length].url, eventId: null });
    await Promise.all(clients.map((c, i) => ask(c, { type: 'connect', plans: plans.filter((_, k) => k % CLIENTS === i) }, 'connected')));
    const after = await Promise.all(apps.map((a) => memoryOf(a.child)));
    await sleep(2000);

    // The judges: each enters a mark every PACE ms (from a random start), going through its cells.
    console.log(`marking for ${SECONDS} s: ${sessions.length} judges, one mark each every ${PACE} ms (≈ ${Math.round((sessions.length * 1000) / PACE)} marks/s) …`);
    const marks: { id: number; eventId: number; sentAt: number }[] = [];
    const putTimes: number[] = [];
    const refused: string[] = [];
    const started = now();
    const until = started + SECONDS * 1000;
    let key = 0;
    await Promise.all(
      sessions.map(async (s, j) => {
        await sleep(Math.random() * PACE);
        for (let cell = j; now() < until; cell++) {
          const next = now() + PACE;
          const c = s.criteria[cell % s.criteria.length];
          const workCode = s.workCodes[Math.floor(cell / s.criteria.length) % s.workCodes.length];
          const scale = 10 ** c.decimals;
          const value = c.allOrNothing ? (Math.random() < 0.5 ? 0 : c.maxMarks) : Math.round(Math.random() * c.maxMarks * scale) / scale;
          const sentAt = now();
          const res = await fetch(`${s.url}/api/v1/marks`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf },
            body: JSON.stringify({ eventId: s.eventId, workCode, criterionId: c.id, value, idempotencyKey: `province-${j}-${key++}` }),
          });
          putTimes.push(now() - sentAt);
          const body = (await res.json()) as { id?: number };
          if (res.status !== 201 || !body.id) refused.push(`${res.status} ${JSON.stringify(body).slice(0, 120)}`);
          else marks.push({ id: body.id, eventId: s.eventId, sentAt });
          await sleep(Math.max(0, next - now()));
        }
      }),
    );
    const elapsed = (now() - started) / 1000;
    await sleep(3000); // the last boards arrive
    const logs = (await Promise.all(clients.map((c) => ask(c, { type: 'report' }, 'report')))).flatMap((r) => r.logs as ViewerLog[]);

    // Mark → viewer: for each viewer of an event, each mark of that event is seen with the first board whose `through` reaches it.
    const marksOf = new Map<number, typeof marks>();
    for (const m of marks) marksOf.set(m.eventId, [...(marksOf.get(m.eventId) ?? []), m]);
    for (const list of marksOf.values()) list.sort((a, b) => a.id - b.id);
    const latencies: number[] = [];
    let unseen = 0;
    const boardsPerViewer: number[] = [];
    const window = (at: number) => at >= started && at <= until + 3000;
    for (const log of logs) {
      if (log.eventId === null) continue;
      const boards = log.boards.filter(([, at]) => window(at));
      boardsPerViewer.push(boards.length);
      const list = marksOf.get(log.eventId) ?? [];
      let b = 0;
      for (const m of list) {
        while (b < boards.length && boards[b][0] < m.id) b++;
        if (b === boards.length) unseen++;
        else latencies.push(boards[b][1] - m.sentAt);
      }
    }
    const overviewLogs = logs.filter((l) => l.eventId === null);
    const deltaBytes = overviewLogs.flatMap((l) => l.deltaBytes);
    const resyncs = overviewLogs.reduce((n, l) => n + l.resyncs, 0);

    const put = quantiles(putTimes);
    const seen = quantiles(latencies);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const per = quantiles(boardsPerViewer);
    const rssPerViewer = after.reduce((n, m, i) => n + m.rss - before[i].rss, 0) / viewers / 1024;
    const heapPerViewer = after.reduce((n, m, i) => n + m.heapUsed - before[i].heapUsed, 0) / viewers / 1024;
    console.log(`\n── ${EVENTS} events × ${JUDGES} judges every ${PACE} ms, ${viewers} viewers, ${PROCESSES} app process(es), ${SECONDS} s ──`);
    console.log(`marks sent            ${putTimes.length} (${(putTimes.length / elapsed).toFixed(1)}/s), refused ${refused.length}${refused.length ? `: ${refused.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`PUT /api/v1/marks     p50 ${ms(put.p50)}  p95 ${ms(put.p95)}  p99 ${ms(put.p99)}  max ${ms(put.max)}      target p99 ≤ 50 ms`);
    console.log(`mark → each viewer    p50 ${ms(seen.p50)}  p95 ${ms(seen.p95)}  p99 ${ms(seen.p99)}  max ${ms(seen.max)}  (${seen.n} deliveries, ${unseen} not seen)      target p50 ≤ 400 ms, p99 ≤ 1,500 ms`);
    console.log(`boards per viewer     ${(per.p50 / elapsed).toFixed(2)}/s median (min ${(Math.min(...boardsPerViewer) / elapsed).toFixed(2)}, max ${(per.max / elapsed).toFixed(2)}); at most 4/s when coalesced every 250 ms`);
    console.log(`overview messages     ${deltaBytes.length} deltas, ${deltaBytes.length ? (deltaBytes.reduce((a, b) => a + b, 0) / deltaBytes.length / 1024).toFixed(2) : 0} KiB each on average (max ${((Math.max(0, ...deltaBytes)) / 1024).toFixed(2)} KiB), ${overviewLogs.length ? (deltaBytes.reduce((a, b) => a + b, 0) / overviewLogs.length / elapsed / 1024).toFixed(2) : 0} KiB/s per viewer, ${resyncs} resyncs      target ≤ 8 KiB per message`);
    console.log(`server memory         ${rssPerViewer.toFixed(1)} KiB RSS / ${heapPerViewer.toFixed(1)} KiB heap per viewer`);
  } finally {
    for (const c of clients) c.kill('SIGTERM');
    for (const a of apps) a.child.kill('SIGTERM');
    redis?.kill('SIGTERM');
  }
  process.exit(0);
}

// Last, so that every declaration above is initialised.
if (args.role) process.once('SIGTERM', () => process.exit(0));
if (args.role === 'app') await serveApp();
else if (args.role === 'viewers') await runViewers();
else await main();
