import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, startupWarnings } from '#app/config.server.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'chuyi-config-')), 'x.db');

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const c = loadConfig({ DATABASE_PATH: ':memory:' });
    expect(c.port).toBe(3000);
    expect(c.databasePath).toBe(':memory:');
    expect(c.redisUrl).toBeUndefined();
    expect(c.cookieSecure).toBe(false);
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_PATH: ':memory:', REDIS_URL: '', PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '3.5' }, 'PORT'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE'],
  ])('refuses %o with a message naming %s, Chinese first', (env, name) => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_PATH: ':memory:', ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('配置错误');
    expect(message).toContain(name);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('creates a session secret on first start, keeps it beside the database and reuses it', () => {
    const path = tempDb();
    const first = loadConfig({ DATABASE_PATH: path }).sessionSecret;
    const second = loadConfig({ DATABASE_PATH: path }).sessionSecret;
    expect(first).toBe(second);
    expect(readFileSync(join(path, '..', '.session-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATABASE_PATH: tempDb() }).sessionSecret).not.toBe(first);
  });

  it('prefers SESSION_SECRET when given', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ DATABASE_PATH: tempDb(), SESSION_SECRET: secret }).sessionSecret).toBe(secret);
  });
});

describe('warnings at start', () => {
  it('says when PUBLIC_URL is unset, since certificates print it in their QR codes, and nothing once it is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chuyi-config-'));
    const without = loadConfig({ DATABASE_PATH: join(dir, 'a.db') });
    expect(startupWarnings(without).join('\n')).toContain('PUBLIC_URL');
    expect(startupWarnings(loadConfig({ DATABASE_PATH: join(dir, 'a.db'), PUBLIC_URL: 'https://chuyi.hunan.gov.cn' }))).toEqual([]);
  });
});
