/**
 * Every organiser list at the province's scale (#14): the province seed (200 events, 700 schools,
 * 11,000+ contestants, 2,000 judges) pages on the server, so each page holds a page's rows and
 * stays within 300 KB. (Times are measured by `npm run bench:pages`, not asserted here.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openMigratedDatabase } from '#db/client.ts';
import { loadConfig } from '#app/config.server.ts';
import { createAppServer, type AppServer } from '../../server.ts';
import { seedCompetition } from '../../scripts/seed/generate.ts';
import { Client } from '../helpers/server.ts';

let dir: string;
let server: AppServer;
let admin: Client;
let eventId: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chuyi-province-lists-'));
  const db = openMigratedDatabase(join(dir, 'app.db'));
  await seedCompetition(db, { scale: 'province', seed: 2026 });
  eventId = db.$client.prepare('select id from events order by code limit 1').pluck().get() as number;
  closeDatabase(db);
  const config = loadConfig({ DATABASE_PATH: join(dir, 'app.db'), PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
  admin = new Client(`http://127.0.0.1:${server.port}`);
  expect((await admin.login('admin')).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (html: string) => (html.match(/<tr[ >]/g) ?? []).length - (html.match(/<thead>/g) ?? []).length;

describe('organiser lists on the province seed', () => {
  it.each([
    ['/admin/registrations', 50],
    ['/admin/registrations?status=approved', 50],
    ['/admin/accounts', 50],
    ['/admin/schools', 50],
  ])('%s shows one page of at most %i rows with a pager, within 300 KB', async (path, size) => {
    const { res, html } = await admin.page(path);
    expect(res.status).toBe(200);
    expect(html.length).toBeLessThan(300_000);
    expect(html).toMatch(/第 1 \/ \d+ 页/);
    expect(html).toContain('下一页');
    // The page's own list; the registration page also has its two tables of counts.
    const listed = path.startsWith('/admin/registrations') ? (html.match(/name="teamIds"/g) ?? []).length : rowsOf(html);
    expect(listed).toBeLessThanOrEqual(size);
    expect(listed).toBeGreaterThan(0);
  });

  it('offers at most 50 judges to assign on an event’s page, and says how many there are', async () => {
    const { html } = await admin.page(`/admin/events/${eventId}`);
    expect(html.length).toBeLessThan(300_000);
    const offered = html.slice(html.indexOf('name="judgeId"'), html.indexOf('</select>', html.indexOf('name="judgeId"')));
    expect((offered.match(/<option/g) ?? []).length).toBeLessThanOrEqual(50);
    expect(html).toMatch(/找到 2\d{3} 位，列出 50 位/);
  });

  it('serves the teams to programs a slice at a time', async () => {
    const first = (await (await admin.fetch('/api/v1/teams?limit=500')).json()) as { teams: unknown[]; total: number; nextCursor: string | null };
    expect(first.teams).toHaveLength(500);
    expect(first.total).toBeGreaterThan(3000);
    expect(first.nextCursor).not.toBeNull();
  });
});
