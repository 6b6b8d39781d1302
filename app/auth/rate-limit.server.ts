/** Login rate limits: per username and address, and per address alone against spraying many usernames. */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisClient } from '#app/redis.server.ts';

export type LoginLimiter = {
  /** Seconds until the next try is allowed, or 0 when it is allowed now. */
  retryAfter(ip: string, username: string): Promise<number>;
  recordFailure(ip: string, username: string): Promise<void>;
  recordSuccess(ip: string, username: string): Promise<void>;
};

export type LoginLimits = { perUser: number; perIp: number; windowSeconds: number; blockSeconds: number };

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perIp: 50, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

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
  const byUser = limiter('login_user', limits.perUser);
  const byIp = limiter('login_ip', limits.perIp);
  const userKey = (ip: string, username: string) => `${ip}|${username.trim().toLowerCase()}`;

  return {
    async retryAfter(ip, username) {
      const [u, i] = await Promise.all([byUser.get(userKey(ip, username)), byIp.get(ip)]);
      const wait = (res: RateLimiterRes | null, max: number) =>
        res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;
      return Math.max(wait(u, limits.perUser), wait(i, limits.perIp));
    },
    async recordFailure(ip, username) {
      // A consume past the limit rejects; the block it sets is what retryAfter reads.
      await Promise.allSettled([byUser.consume(userKey(ip, username)), byIp.consume(ip)]);
    },
    async recordSuccess(ip, username) {
      await byUser.delete(userKey(ip, username));
    },
  };
}
