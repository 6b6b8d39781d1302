/**
 * npm run bench:live [-- --viewers 100,1000,3000 --marks 10]
 *
 * Live board fan-out: N socket.io viewers (in this process) subscribed to one event of the real
 * app (its own process); for each mark, the time from sending `PUT /api/v1/marks` to each viewer
 * holding the version that includes it. Beside it, in the same run, a bare socket.io server (its own
 * process) broadcasting the same board (same size, same parsing) to the same number of clients on
 * an HTTP call.
 * Also: the app server's memory per viewer, and whether any viewer ended behind the final version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import { demoScoring } from './setup.ts';

const { values: args } = parseArgs({
  options: {
    viewers: { type: 'string', default: '100,1000,3000' },
    marks: { type: 'string', default: '10' },
    serve: { type: 'string' },
    db: { type: 'string' },
  },
});
const SELF = fileURLToPath(import.meta.url);
const GAP_MS = 700; // longer than the coalescing window: each mark's board goes out at once

type Memory = { rss: number; heapUsed: number };
const memory = (): Memory => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
};

// ── Child processes ──────────────────────────────────────────────────────────────────────────────

async function serveApp(dbPath: string) {
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
  process.on('message', () => process.send!(memory()));
  process.send!({ port: server.port });
}

async function serveBare() {
  const { Server } = await import('socket.io');
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => socket.on('subscribe', (_: unknown, ack: (a: unknown) => void) => void Promise.resolve(socket.join('board')).then(() => ack({ ok: true }))));
  // POST /payload sets what to broadcast (the app's own board, so that viewers parse the same
  // thing); POST /fire broadcasts it with a new version.
  let version = 0;
  let payload: Record<string, unknown> = {};
  http.on('request', (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/payload') payload = JSON.parse(body) as Record<string, unknown>;
      else io.to('board').emit('board', { ...payload, version: ++version });
      res.end(String(version));
    });
  });
  process.on('message', () => process.send!(memory()));
  http.listen(0, '127.0.0.1', () => process.send!({ port: (http.address() as { port: number }).port }));
}


// ── The parent: viewers, marks, report ───────────────────────────────────────────────────────────

type Child = { child: ChildProcess; url: string; memory(): Promise<Memory> };

function start(kind: 'app' | 'bare', dbPath = ''): Promise<Child> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--serve', kind, '--db', dbPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const memoryOf = () => new Promise<Memory>((resolve) => (child.once('message', (m) => resolve(m as Memory)), child.send('memory')));
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${(m as { port: number }).port}`, memory: memoryOf }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

async function prepare(dbPath: string) {
  const { closeDatabase } = await import('../../db/client.ts');
  const { db, eventId, workCodes, criteria } = await demoScoring(dbPath);
  closeDatabase(db);
  return { eventId, workCodes, criteria };
}

type Viewer = { socket: Socket; version: number; waiting?: { after: number; resolve: (at: number) => void } };

/** N viewers, connected in batches so that the connection storm is not what is measured. */
async function viewersOf(url: string, n: number, subscription: unknown, event: string): Promise<Viewer[]> {
  const viewers: Viewer[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, n - i) }, async () => {
        const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
        const viewer: Viewer = { socket, version: 0 };
        socket.on(event, (board: { version: number }) => {
          const at = performance.now();
          if (board.version > viewer.version) viewer.version = board.version;
          if (viewer.waiting && board.version > viewer.waiting.after) {
            viewer.waiting.resolve(at);
            viewer.waiting = undefined;
          }
        });
        const ack = (await socket.timeout(30_000).emitWithAck('subscribe', subscription)) as { ok: boolean; version?: number };
        if (!ack.ok) throw new Error('subscription refused');
        viewer.version = Math.max(viewer.version, ack.version ?? 0);
        return viewer;
      }),
    );
    viewers.push(...batch);
  }
  return viewers;
}

/** Sends `fire` and returns each viewer's time to hold a version newer than the one it had. */
async function round(viewers: Viewer[], fire: () => Promise<unknown>): Promise<number[]> {
  const arrivals = viewers.map((v) => new Promise<number>((resolve) => (v.waiting = { after: v.version, resolve })));
  const sent = performance.now();
  await fire();
  const times = await Promise.race([Promise.all(arrivals), new Promise<number[]>((_, reject) => setTimeout(() => reject(new Error('a viewer never got the new version')), 30_000))]);
  return times.map((t) => t - sent);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

async function logIn(url: string) {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'judge', password: 'chuyi2026' }) });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function main() {
  const counts = args.viewers.split(',').map(Number);
  const MARKS = Number(args.marks);
  const dir = mkdtempSync(join(tmpdir(), 'chuyi-live-bench-'));
  console.log('setting up: demo competition, GZ012 checked in and drawn …');
  const setup = await prepare(join(dir, 'app.db'));
  const app = await start('app', join(dir, 'app.db'));
  const bare = await start('bare');
  const judge = await logIn(app.url);
  let key = 0;
  // Every mark flips one criterion of one work code between 0 and its maximum, so every mark moves the board.
  let flips = 0;
  const mark = async (_: number) => {
    const c = setup.criteria[0];
    const value = flips++ % 2 ? 0 : c.maxMarks;
    const res = await fetch(`${app.url}/api/v1/marks`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: judge.cookie, 'X-CSRF-Token': judge.csrf },
      body: JSON.stringify({ eventId: setup.eventId, workCode: setup.workCodes[0], criterionId: c.id, value, idempotencyKey: `live-bench-${key++}` }),
    });
    if (res.status !== 201) throw new Error(`mark: ${res.status} ${await res.text()}`);
  };
  const rows: string[] = [];
  try {
    for (const n of counts) {
      const before = await app.memory();
      const viewers = await viewersOf(`${app.url}/live`, n, { scope: 'event', eventId: setup.eventId }, 'board');
      const after = await app.memory();
      const real: number[] = [];
      for (let m = 0; m < MARKS; m++) {
        await sleep(GAP_MS);
        real.push(...(await round(viewers, () => mark(m))));
      }
      await sleep(GAP_MS);
      const final = (await (await fetch(`${app.url}/api/v1/events/${setup.eventId}/scoreboard`)).json()) as { version: number };
      const behind = viewers.filter((v) => v.version !== final.version).length;
      const bytes = JSON.stringify(final).length;
      viewers.forEach((v) => v.socket.close());

      await fetch(`${bare.url}/payload`, { method: 'POST', body: JSON.stringify(final) });
      const bareViewers = await viewersOf(bare.url, n, {}, 'board');
      const baseline: number[] = [];
      for (let m = 0; m < MARKS; m++) {
        await sleep(GAP_MS);
        baseline.push(...(await round(bareViewers, () => fetch(`${bare.url}/fire`, { method: 'POST' }).then((r) => r.text()))));
      }
      bareViewers.forEach((v) => v.socket.close());

      const r = stats(real);
      const b = stats(baseline);
      const perViewer = (after.rss - before.rss) / n / 1024;
      const perViewerHeap = (after.heapUsed - before.heapUsed) / n / 1024;
      const ms = (x: number) => x.toFixed(1).padStart(7);
      rows.push(
        `${String(n).padStart(7)}  ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}   ${ms(b.p50)} ${ms(b.p95)} ${ms(b.max)}   ${(r.p50 / b.p50).toFixed(2).padStart(5)}×   ${String(behind).padStart(6)}   ${perViewer.toFixed(1).padStart(6)} / ${perViewerHeap.toFixed(1)} KiB   ${bytes} B`,
      );
      console.log(rows.at(-1));
      await sleep(1000);
    }
    console.log(`\n${MARKS} marks per row, ${GAP_MS} ms apart; times from sending the PUT (real) or the HTTP call (bare) to each viewer holding the new version, in ms`);
    console.log('viewers   real p50     p95     max   bare p50     p95     max   p50 ratio   behind   server memory per viewer (RSS / heap)   payload');
    rows.forEach((r) => console.log(r));
    console.log('\ntarget: real p50 within 1.5× of bare at 1,000 viewers; no viewer behind the final version');
  } finally {
    app.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
  }
  process.exit(0);
}

// Last, so that every declaration above is initialised.
if (args.serve) process.once('SIGTERM', () => process.exit(0));
if (args.serve === 'app') await serveApp(args.db!);
else if (args.serve === 'bare') await serveBare();
else await main();
