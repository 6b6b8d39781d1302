/** A real app server on a free loopback port, over a temp-file database seeded with the demo. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#app/config.server.ts';
import type { LoginLimits } from '#app/auth/rate-limit.server.ts';
import { createAppServer, type AppServer } from '../../server.ts';
import { DEMO_PASSWORD } from '../../scripts/seed/generate.ts';

export type TestServer = AppServer & { dir: string; stop(): Promise<void> };

export async function startServer(options: { loginLimits?: LoginLimits; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'chuyi-test-'));
  // The demo's 文明风采 year is left out: tests make the works-based years they need.
  const config = loadConfig({ PORT: '1', DATABASE_PATH: join(dir, 'test.db'), HOST: '127.0.0.1', SEED_WORKS: 'false', ...options.env });
  const server = await createAppServer({ config: { ...config, port: 0 }, loginLimits: options.loginLimits, log: () => {} });
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo on a real server, and a client logged in as one of its accounts (through the API). */
export async function startServerAs(username: string): Promise<{ server: TestServer; client: Client }> {
  const server = await startServer();
  const client = new Client(server.url);
  await client.login(username);
  return { server, client };
}

/** A fresh install without the demo, its first administrator created and logged in (API and form). */
export const FIRST_ADMIN = { username: 'office', displayName: '组委会办公室', password: '湘江北去-橘子洲头' };
export async function startFreshServer(): Promise<{ server: TestServer; admin: Client }> {
  const server = await startServer({ env: { SEED_DEMO: 'false' } });
  const { createFirstAdmin } = await import('#app/models/account.server.ts');
  await createFirstAdmin(server.db, FIRST_ADMIN);
  const admin = new Client(server.url);
  await admin.loginWithForm(FIRST_ADMIN.username, FIRST_ADMIN.password);
  await admin.page('/admin');
  return { server, admin };
}

/** A cookie-keeping HTTP client, as a browser would be: one per person in a test. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('Cookie')) headers.set('Cookie', this.cookieHeader());
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Reads a page, as a browser would before posting one of its forms, and keeps its CSRF token. */
  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.fetch(path);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { res, html };
  }

  postForm(path: string, fields: Record<string, string>, { csrf = true } = {}): Promise<Response> {
    const body = new URLSearchParams(csrf ? { _csrf: this.csrf, ...fields } : fields);
    return this.fetch(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(this.csrf ? { 'X-CSRF-Token': this.csrf } : {}), ...headers },
    });
  }

  /** Logs in through the JSON API; keeps the session cookie and the CSRF token. */
  async login(username: string, password = DEMO_PASSWORD): Promise<Response> {
    const res = await this.json('POST', '/api/v1/session', { username, password });
    if (res.ok) this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }

  /** Logs in through the login page, as a person does. */
  async loginWithForm(username: string, password = DEMO_PASSWORD): Promise<Response> {
    await this.page('/login');
    return this.postForm('/login', { username, password });
  }
}
