/**
 * One process of a cluster leads the board work: the holder of a Redis lock. When it stops (or
 * dies and its lock expires), another takes over; never two at once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisClient } from '#app/redis.server.ts';
import { leadership } from '#app/realtime/leadership.server.ts';

const available = spawnSync('redis-server', ['--version']).status === 0;
let redis: ChildProcess;
let clients: RedisClient[] = [];
let url = '';

beforeAll(async () => {
  if (!available) return;
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve) => redis.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve()));
  url = `redis://127.0.0.1:${port}`;
});
afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  redis?.kill('SIGTERM');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!available)('leadership of the board work', () => {
  it('has one leader at a time, and hands over when the leader stops or goes silent', async () => {
    clients = await Promise.all([1, 2, 3].map(() => connectRedis(url, () => {})));
    const leading = [false, false, false];
    const log: string[] = [];
    const key = `test:leader:${Date.now()}`;
    const members = clients.map((client, i) =>
      leadership(client, key, { ttlMs: 300, log: (l) => log.push(l), onLead: () => (leading[i] = true), onFollow: () => (leading[i] = false) }),
    );
    await sleep(400);
    expect(leading.filter(Boolean)).toHaveLength(1);
    const first = leading.indexOf(true);

    // A clean stop releases the lock: another leads at its next look.
    await members[first].stop();
    await sleep(400);
    expect(leading.filter(Boolean)).toHaveLength(1);
    const second = leading.indexOf(true);
    expect(second).not.toBe(first);

    // A leader that goes silent (its Redis connection gone) loses the lock when it expires.
    await clients[second].close();
    await sleep(800);
    const third = leading.findIndex((l, i) => l && i !== second);
    expect(third).toBeGreaterThanOrEqual(0);
    expect(third).not.toBe(first);
    expect(leading[second]).toBe(false);
    await members[third].stop();
  });
});
