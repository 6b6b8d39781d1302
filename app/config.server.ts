/** Configuration from the environment, checked once at start with a message a person can act on. */
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: '只能是 true 或 false (must be true or false)' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  PORT: z.coerce
    .number({ error: '必须是数字 (must be a number)' })
    .int('必须是整数 (must be an integer)')
    .min(1, '必须在 1–65535 之间 (must be between 1 and 65535)')
    .max(65535, '必须在 1–65535 之间 (must be between 1 and 65535)')
    .default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_PATH: z.string().min(1, '不能为空 (must not be empty)').default('data/chuyi.db'),
  SESSION_SECRET: z.string().min(32, '至少 32 个字符 (at least 32 characters)').optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, '必须以 redis:// 或 rediss:// 开头 (must start with redis:// or rediss://)')
    .optional(),
  COOKIE_SECURE: booleanFlag.default(false),
  SEED_DEMO: booleanFlag.default(true),
  /** With the demo, a finished earlier year (results, inheritors, certificates); tests leave it out. */
  SEED_HISTORY: booleanFlag.default(true),
  /** With the demo, a 文明风采 year in its online review (entries, files, reviewers); tests leave it out. */
  SEED_WORKS: booleanFlag.default(true),
  /** Trust X-Forwarded-For from a reverse proxy, so that rate limits see the client's address. */
  TRUST_PROXY: booleanFlag.default(false),
  /** A CJK font file (.ttf, .otf or .ttc) for certificates; by default Debian's fonts-noto-cjk. */
  CERTIFICATE_FONT: z.string().min(1).optional(),
  /** Where entries' files are kept, by content hash; by default `files/` beside the database. */
  FILES_DIR: z.string().min(1).optional(),
  /** The address printed in certificates' QR codes (e.g. https://chuyi.example.cn); by default the request's. */
  PUBLIC_URL: z.url({ error: '必须是网址 (must be a URL)' }).optional(),
});

export type Config = {
  port: number;
  host: string | undefined;
  databasePath: string;
  sessionSecret: string;
  redisUrl: string | undefined;
  cookieSecure: boolean;
  seedDemo: boolean;
  seedHistory: boolean;
  seedWorks: boolean;
  trustProxy: boolean;
  certificateFont: string | undefined;
  publicUrl: string | undefined;
  filesDir: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (configuration error):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment. Without SESSION_SECRET a random one is created on first start and kept
 * beside the database, so sessions survive restarts and no secret is ever hard-coded.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (e.g. `REDIS_URL=` in a shell).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    sessionSecret: e.SESSION_SECRET ?? storedSessionSecret(e.DATABASE_PATH),
    redisUrl: e.REDIS_URL,
    cookieSecure: e.COOKIE_SECURE,
    seedDemo: e.SEED_DEMO,
    seedHistory: e.SEED_HISTORY,
    seedWorks: e.SEED_WORKS,
    trustProxy: e.TRUST_PROXY,
    certificateFont: e.CERTIFICATE_FONT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    filesDir: e.FILES_DIR ?? (e.DATABASE_PATH === ':memory:' ? join(tmpdir(), 'chuyi-files') : join(dirname(e.DATABASE_PATH), 'files')),
  };
}

function storedSessionSecret(databasePath: string): string {
  if (databasePath === ':memory:') return randomBytes(32).toString('base64url');
  const file = join(dirname(databasePath), '.session-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** What an operator should hear at start: settings left out that people will notice later. */
export function startupWarnings(config: Pick<Config, 'publicUrl'>): string[] {
  const warnings: string[] = [];
  if (!config.publicUrl) {
    warnings.push('未设置 PUBLIC_URL：证书上的二维码将指向访问者所用的地址（如 http://localhost:3000），打印前请设置为公开网址 (PUBLIC_URL is unset: certificate QR codes will print the address each request came in on)');
  }
  return warnings;
}
