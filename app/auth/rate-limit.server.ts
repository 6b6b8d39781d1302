/**
 * Login rate limits that stop guessing, not a venue. A whole venue may sit behind one NAT address,
 * so the address alone never locks anyone out:
 * - an account and an address together: a few failures block that pair;
 * - an account from anywhere: many failures mean the account is under attack, and it is blocked;
 * - an address alone: past its limit, a wrong password is answered 429 (the guessing is slowed
 *   and flagged), while a correct password for an account not under attack still logs in.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from '#app/redis.server.ts';

export type LoginLimiter = {
  /** Seconds until this account may try from this address again (0: now). The address alone never counts here. */
  retryAfter(ip: string, username: string): Promise<number>;
  /** Seconds the address stays suspect after too many failures (0: not suspect). */
  addressWait(ip: string): Promise<number>;
  recordFailure(ip: string, username: string): Promise<void>;
  recordSuccess(ip: string, username: string): Promise<void>;
};

export type LoginLimits = { perUserAndIp: number; perUser: number; perIp: number; windowSeconds: number; blockSeconds: number };

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUserAndIp: 5, perUser: 20, perIp: 50, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

/**
 * In memory for one process; in Redis when several processes serve the site, so that an attacker
 * cannot multiply the limit by the number of processes (memory stands in while Redis is down).
 */
export function createLoginLimiter(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, redis?: RedisClient): LoginLimiter {
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix, points, duration: limits.windowSeconds, blockDuration: limits.blockSeconds };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(options) });
  };
  const byPair = limiter('login_pair', limits.perUserAndIp);
  const byUser = limiter('login_user', limits.perUser);
  const byIp = limiter('login_ip', limits.perIp);
  const user = (username: string) => username.trim().toLowerCase();
  const pair = (ip: string, username: string) => `${ip}|${user(username)}`;
  const wait = (res: RateLimiterRes | null, max: number) => (res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0);

  return {
    async retryAfter(ip, username) {
      const [p, u] = await Promise.all([byPair.get(pair(ip, username)), byUser.get(user(username))]);
      return Math.max(wait(p, limits.perUserAndIp), wait(u, limits.perUser));
    },
    async addressWait(ip) {
      return wait(await byIp.get(ip), limits.perIp);
    },
    async recordFailure(ip, username) {
      // A consume past the limit rejects; the block it sets is what the reads above see.
      await Promise.allSettled([byPair.consume(pair(ip, username)), byUser.consume(user(username)), byIp.consume(ip)]);
    },
    async recordSuccess(ip, username) {
      await byPair.delete(pair(ip, username));
    },
  };
}
