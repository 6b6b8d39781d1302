/**
 * Two app processes on one database share their viewers through Redis (socket.io's Redis
 * adapter): a mark entered through one reaches a viewer, and a feed reader, of the other, computed
 * once in the cluster (by the process holding the lead). They share their login limits too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { loadConfig } from '#app/config.server.ts';
import type { EventBoard, SubscribeAck } from '#app/realtime/messages.ts';
import { seedCompetition } from '../../scripts/seed/generate.ts';
import { readyToScore, share } from '../helpers/judging.ts';
import { Client } from '../helpers/server.ts';

function redisAvailable(): boolean {
  if (spawnSync('redis-server', ['--version']).status === 0) return true;
  if (process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server is missing: apt-get install redis-server');
  console.warn('Redis 集群测试已跳过 (cluster test skipped): redis-server not found; apt-get install redis-server');
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startApp(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/app-process.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${(m as { port: number }).port}` }));
    child.once('exit', (code) => reject(new Error(`app process exited ${code}`)));
  });
}

const available = redisAvailable();
let dir: string;
let redis: ChildProcess;
let apps: { child: ChildProcess; url: string }[] = [];
let eventId: number;
let workCode: string;
let criterion: { id: number; maxMarks: number; decimals: number; allOrNothing: boolean };

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'chuyi-cluster-'));
  const databasePath = join(dir, 'shared.db');
  const db = openMigratedDatabase(databasePath);
  await seedCompetition(db);
  const ready = readyToScore(db);
  eventId = ready.event.id;
  workCode = ready.desk.find((d) => d.workCode)!.workCode!;
  criterion = ready.scheme.criteria[0];
  closeDatabase(db);
  loadConfig({ DATABASE_PATH: databasePath }); // both processes then read the same session secret

  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    redis.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
    redis.once('exit', (code) => reject(new Error(`redis-server exited ${code}`)));
  });
  const env = { DATABASE_PATH: databasePath, REDIS_URL: `redis://127.0.0.1:${port}` };
  apps = [await startApp(env), await startApp(env)];
}, 120_000);

afterAll(async () => {
  for (const app of apps) app.child.kill('SIGTERM');
  await Promise.all(apps.map((a) => new Promise((r) => (a.child.exitCode !== null ? r(null) : a.child.once('exit', r)))));
  redis?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('several app processes through Redis', () => {
  it('delivers a mark entered through one process to a viewer and a feed of the other', async () => {
    const [a, b] = apps;
    const viewer = connect(`${b.url}/live`, { transports: ['websocket'], forceNew: true });
    const feed = new AbortController();
    try {
      const ack = (await viewer.timeout(5000).emitWithAck('subscribe', { scope: 'event', eventId })) as SubscribeAck;
      expect(ack.ok).toBe(true);
      const held = ack.ok ? ack.version : 0;
      const received: EventBoard[] = [];
      const pushed = new Promise<EventBoard>((resolve) => viewer.on('board', (board: EventBoard) => board.version > held && (received.push(board), resolve(board))));

      // The feed of process B, read line by line.
      const stream = (await fetch(`${b.url}/api/v1/competitions/current/feed`, { signal: feed.signal })).body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const fedChange = (async () => {
        for (;;) {
          const { value, done } = await stream.read();
          if (done) throw new Error('feed ended');
          buffer += value;
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) {
            const board = line ? (JSON.parse(line) as EventBoard) : null;
            if (board?.scope === 'event' && board.eventId === eventId && board.version > held) return board;
          }
        }
      })();

      const judge = new Client(a.url);
      expect((await judge.login('judge')).status).toBe(200);
      const res = await judge.json('PUT', '/api/v1/marks', { eventId, workCode, criterionId: criterion.id, value: share(criterion, 1), idempotencyKey: `cluster-${Date.now()}` });
      expect(res.status).toBe(201);

      const board = await pushed;
      expect(board.rows.find((r) => r.workCode === workCode)!.total).toBeGreaterThan(0);
      expect((await fedChange).version).toBe(board.version);
      // The board work is done once in the cluster: one new version for the one change, not one per process.
      await new Promise((r) => setTimeout(r, 800));
      expect(received.map((r) => r.version)).toEqual([held + 1]);

      // And the other way round: whichever process leads, a change made through the other reaches it.
      const viewerOfA = connect(`${a.url}/live`, { transports: ['websocket'], forceNew: true });
      try {
        expect(((await viewerOfA.timeout(5000).emitWithAck('subscribe', { scope: 'event', eventId })) as SubscribeAck).ok).toBe(true);
        const again = new Promise<EventBoard>((resolve) => viewerOfA.on('board', (b: EventBoard) => b.version > board.version && resolve(b)));
        const judgeOfB = new Client(b.url);
        expect((await judgeOfB.login('judge')).status).toBe(200);
        const res2 = await judgeOfB.json('PUT', '/api/v1/marks', { eventId, workCode, criterionId: criterion.id, value: 0, idempotencyKey: `cluster-b-${Date.now()}` });
        expect(res2.status).toBe(201);
        expect((await again).rows.find((r) => r.workCode === workCode)!.total).toBeLessThan(board.rows.find((r) => r.workCode === workCode)!.total!);
      } finally {
        viewerOfA.close();
      }
    } finally {
      feed.abort();
      viewer.close();
    }
  });

  it('shares the login limit: failures on one process count on the other', async () => {
    const [a, b] = apps;
    const tryLogin = (url: string) =>
      fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'arbiter', password: 'wrong-password' }) });
    // The default limit is 5 failures per username and address.
    for (let i = 0; i < 3; i++) expect((await tryLogin(a.url)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await tryLogin(b.url)).status).toBe(401);
    const refused = await tryLogin(a.url);
    expect(refused.status).toBe(429);
    expect((await tryLogin(b.url)).status).toBe(429);
  });
});
