/**
 * npm run bench:phone [-- --runs 3 --cpu 1 --page event|overview|both]      (after `npm run build`)
 *
 * The phone pages `/live/:eventId` (the demo) and `/live` (the province seed's 200 events) in
 * headless Chromium (Debian's) on a slow 3G network, throttled through the DevTools protocol:
 * 400 ms round trip, 400 kbit/s down and up (WebPageTest's “3G Slow”), an empty cache each run.
 * Reports the JavaScript shipped (bytes on the wire, gzip, as the server sends it), the HTML, and
 * the time from navigation to the first row on screen (a ranking row; an event's card).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { demoScoring } from './setup.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, cpu: { type: 'string', default: '1' }, page: { type: 'string', default: 'both' } } });
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

type Page = { name: string; url: string; firstRow: string };

/** The event page on the demo: GZ012 scoring, every work code marked by the demo judge (a full ranking). */
async function eventPage(): Promise<{ page: Omit<Page, 'url'> & { path: string }; dbPath: string }> {
  const { closeDatabase } = await import('../../db/client.ts');
  const { loadActor } = await import('../../app/models/account.server.ts');
  const { putMark } = await import('../../app/models/mark.server.ts');
  const dbPath = join(mkdtempSync(join(tmpdir(), 'chuyi-phone-')), 'app.db');
  const { db, eventId, workCodes, criteria } = await demoScoring(dbPath);
  const judge = loadActor(db, (db.$client.prepare("select id from users where username = 'judge'").get() as { id: number }).id)!;
  let k = 0;
  for (const code of workCodes) for (const c of criteria) putMark(db, judge, { eventId, workCode: code, criterionId: c.id, value: c.allOrNothing ? c.maxMarks : Math.floor(c.maxMarks / 2), idempotencyKey: `phone-${k++}` });
  closeDatabase(db);
  return { page: { name: `/live/${eventId} (an event, demo)`, path: `/live/${eventId}`, firstRow: '[data-testid="ranking"] tbody tr' }, dbPath };
}

/** The overview on the province seed: 200 events, 20 of them scoring with marks, so leaders show. */
async function overviewPage(): Promise<{ page: Omit<Page, 'url'> & { path: string }; dbPath: string }> {
  const { openMigratedDatabase, closeDatabase } = await import('../../db/client.ts');
  const { seedCompetition } = await import('../seed/generate.ts');
  const { loadActor } = await import('../../app/models/account.server.ts');
  const { putMark } = await import('../../app/models/mark.server.ts');
  const { loadScheme } = await import('../../app/models/scheme.server.ts');
  const { openScoring } = await import('./setup.ts');
  const dbPath = join(mkdtempSync(join(tmpdir(), 'chuyi-phone-province-')), 'app.db');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db, { scale: 'province', seed: 2026 });
  const admin = loadActor(db, 1)!;
  const events = db.$client.prepare('select id from events order by code limit 20').all() as { id: number }[];
  let k = 0;
  for (const { id } of events) {
    const workCodes = await openScoring(db, admin, id);
    const judgeUser = db.$client.prepare("select j.user_id from judge_assignments a join judges j on j.id = a.judge_id where a.event_id = ? and a.role = 'scoring_judge' limit 1").pluck().get(id) as number;
    const judge = loadActor(db, judgeUser)!;
    const [c] = loadScheme(db, id)!.criteria;
    for (const code of workCodes) putMark(db, judge, { eventId: id, workCode: code, criterionId: c.id, value: c.allOrNothing ? c.maxMarks : Math.floor((c.maxMarks * (k % 10)) / 10), idempotencyKey: `phone-o-${k++}` });
  }
  closeDatabase(db);
  return { page: { name: '/live (the overview, province seed: 200 events)', path: '/live', firstRow: '[data-testid="events"] .card' }, dbPath };
}

async function main() {
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  const summary: string[] = [];
  try {
    for (const prepare of args.page === 'event' ? [eventPage] : args.page === 'overview' ? [overviewPage] : [eventPage, overviewPage]) {
      const { page: target, dbPath } = await prepare();
      const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
      const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
      try {
        // The boards are computed once before a phone asks (as on a competition day).
        await fetch(`http://127.0.0.1:${server.port}${target.path}`).then((r) => r.text());
        await new Promise((r) => setTimeout(r, 3000));
        const results = await measure(browser, { name: target.name, url: `http://127.0.0.1:${server.port}${target.path}`, firstRow: target.firstRow });
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const js = median(results.map((r) => r.js)) / 1024;
        const html = median(results.map((r) => r.html)) / 1024;
        const firstRow = median(results.map((r) => r.firstRow));
        summary.push(
          `${target.name}\n  JavaScript shipped (gzip): ${js.toFixed(1)} KiB   target ≤ 150 KB: ${js * 1024 <= 150_000 ? 'met' : 'NOT met'}\n  HTML (gzip): ${html.toFixed(1)} KiB\n  first row on screen: ${firstRow.toFixed(0)} ms   target ≤ 2,000 ms: ${firstRow <= 2000 ? 'met' : 'NOT met'}`,
        );
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\nslow 3G (400 ms RTT, 400 kbit/s), CPU ×${args.cpu}, median of ${args.runs} runs, empty cache`);
  for (const line of summary) console.log(line);
}

async function measure(browser: Browser, target: Page) {
  const results: { js: number; html: number; total: number; firstRow: number; fcp: number }[] = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    if (Number(args.cpu) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(args.cpu) });
    const types = new Map<string, string>();
    let js = 0;
    let jsFiles = 0;
    let html = 0;
    let total = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      total += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') (js += e.encodedDataLength), jsFiles++;
      if (types.get(e.requestId) === 'Document') html += e.encodedDataLength;
    });
    // The first row on screen: when it is in the document, at the next frame.
    // (A string, not a function: the TypeScript loader would wrap a function with helpers the page lacks.)
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        if (document.querySelector(${JSON.stringify(target.firstRow)})) {
          observer.disconnect();
          requestAnimationFrame(() => { window.firstRowAt = performance.now(); });
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    await page.goto(target.url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction('window.firstRowAt !== undefined', undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle').catch(() => {});
    const timing = (await page.evaluate(`({ firstRow: window.firstRowAt, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`)) as { firstRow: number; fcp: number };
    results.push({ js, html, total, ...timing });
    console.log(`${target.name} run ${run + 1}: JavaScript ${(js / 1024).toFixed(1)} KiB in ${jsFiles} files, HTML ${(html / 1024).toFixed(1)} KiB, all ${(total / 1024).toFixed(1)} KiB; first row ${timing.firstRow.toFixed(0)} ms, first contentful paint ${timing.fcp.toFixed(0)} ms`);
    await context.close();
  }
  return results;
}

await main();
process.exit(0);
