import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '#app/auth/password.server.ts';
import { createLoginLimiter } from '#app/auth/rate-limit.server.ts';

describe('password hashing', () => {
  it('uses argon2id at the OWASP cost and verifies only the right password', async () => {
    const hash = await hashPassword('正确的密码 correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, '正确的密码 correct horse')).toBe(true);
    expect(await verifyPassword(hash, '正确的密码 correct hors')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('login rate limit', () => {
  const limits = { perUserAndIp: 3, perUser: 6, perIp: 5, windowSeconds: 60, blockSeconds: 120 };

  it('blocks a username from an address after the allowed failures', async () => {
    const limiter = createLoginLimiter(limits);
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfter('1.1.1.1', 'admin')).toBe(0);
      await limiter.recordFailure('1.1.1.1', 'admin');
    }
    expect(await limiter.retryAfter('1.1.1.1', 'Admin ')).toBeGreaterThan(0);
    // Another address, or another username, is not blocked by it.
    expect(await limiter.retryAfter('2.2.2.2', 'admin')).toBe(0);
    expect(await limiter.retryAfter('1.1.1.1', 'school')).toBe(0);
  });

  it('blocks an account under attack from many addresses', async () => {
    const limiter = createLoginLimiter(limits);
    for (let i = 0; i < 6; i++) await limiter.recordFailure(`10.0.0.${i}`, 'chief');
    expect(await limiter.retryAfter('10.0.9.9', 'chief')).toBeGreaterThan(0);
    expect(await limiter.retryAfter('10.0.9.9', 'judge')).toBe(0);
  });

  it('regression: an address that sprays usernames becomes suspect, but never blocks another account’s login outright', async () => {
    const limiter = createLoginLimiter(limits);
    for (let i = 0; i < 5; i++) await limiter.recordFailure('3.3.3.3', `user${i}`);
    // The venue's other accounts may still try (a correct password logs in) …
    expect(await limiter.retryAfter('3.3.3.3', 'fresh-name')).toBe(0);
    // … while the address is flagged, so that its failures are answered 429.
    expect(await limiter.addressWait('3.3.3.3')).toBeGreaterThan(0);
    expect(await limiter.addressWait('4.4.4.4')).toBe(0);
  });

  it('forgets a username’s failures after a success', async () => {
    const limiter = createLoginLimiter(limits);
    await limiter.recordFailure('4.4.4.4', 'judge');
    await limiter.recordFailure('4.4.4.4', 'judge');
    await limiter.recordSuccess('4.4.4.4', 'judge');
    await limiter.recordFailure('4.4.4.4', 'judge');
    await limiter.recordFailure('4.4.4.4', 'judge');
    expect(await limiter.retryAfter('4.4.4.4', 'judge')).toBe(0);
  });
});
