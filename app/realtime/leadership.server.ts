/**
 * Which process of a cluster does the board work: the holder of a Redis lock that expires unless
 * renewed. When the leader stops or dies, another process takes the lock within `ttlMs` and starts
 * from the data as it is.
 */
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '#app/redis.server.ts';

export type Leadership = { isLeader(): boolean; stop(): Promise<void> };

// Renews the lock only while this process still holds it.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function leadership(redis: RedisClient, key: string, { onLead, onFollow, log, ttlMs = 10_000 }: { onLead(): void; onFollow(): void; log(line: string): void; ttlMs?: number }): Leadership {
  const me = randomUUID();
  let leading = false;
  let stopped = false;
  const become = (next: boolean) => {
    if (next === leading) return;
    leading = next;
    if (next) onLead();
    else onFollow();
  };
  const check = async () => {
    if (stopped) return;
    try {
      if (leading) become((await redis.eval(RENEW, { keys: [key], arguments: [me, String(ttlMs)] })) === 1);
      else become((await redis.set(key, me, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK');
    } catch (error) {
      // Without Redis no one can tell who leads: stop computing rather than compute twice.
      log(`Redis: ${(error as Error).message}`);
      become(false);
    }
  };
  const timer = setInterval(() => void check(), ttlMs / 3);
  timer.unref();
  void check();
  return {
    isLeader: () => leading,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (leading) await redis.eval(RELEASE, { keys: [key], arguments: [me] }).catch(() => {});
      become(false);
    },
  };
}
