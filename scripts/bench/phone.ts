/**
 * npm run bench:phone [-- --runs 3 --cpu 1]      (after `npm run build`)
 *
 * The phone page `/live/:eventId` in headless Chromium (Debian's) on a slow 3G network, throttled
 * through the DevTools protocol: 400 ms round trip, 400 kbit/s down and up (WebPageTest's “3G
 * Slow”), an empty cache each run. Reports the JavaScript shipped (bytes on the wire, gzip, as the
 * server sends it) and the time from navigation to the first ranking row on screen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { demoScoring } from './setup.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, cpu: { type: 'string', default: '1' } } });
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

async function main() {
  const { closeDatabase } = await import('../../db/client.ts');
  const { loadActor } = await import('../../app/models/account.server.ts');
  const { putMark } = await import('../../app/models/mark.server.ts');
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');

  // GZ012 scoring, every work code marked by the demo judge: a board with a full ranking.
  const dbPath = join(mkdtempSync(join(tmpdir(), 'chuyi-phone-')), 'app.db');
  const { db, eventId, workCodes, criteria } = await demoScoring(dbPath);
  const event = { id: eventId };
  const judge = loadActor(db, (db.$client.prepare("select id from users where username = 'judge'").get() as { id: number }).id)!;
  let k = 0;
  for (const code of workCodes) for (const c of criteria) putMark(db, judge, { eventId, workCode: code, criterionId: c.id, value: c.allOrNothing ? c.maxMarks : Math.floor(c.maxMarks / 2), idempotencyKey: `phone-${k++}` });
  closeDatabase(db);

  const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
  const url = `http://127.0.0.1:${server.port}/live/${event.id}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  const results: { js: number; jsFiles: number; total: number; firstRow: number; fcp: number }[] = [];
  try {
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
      let total = 0;
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      cdp.on('Network.loadingFinished', (e) => {
        total += e.encodedDataLength;
        if (types.get(e.requestId) === 'Script') (js += e.encodedDataLength), jsFiles++;
      });
      // The first ranking row on screen: when it is in the document, at the next frame.
      // (A string, not a function: the TypeScript loader would wrap a function with helpers the page lacks.)
      await page.addInitScript(`
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="ranking"] tbody tr')) {
            observer.disconnect();
            requestAnimationFrame(() => { window.firstRowAt = performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction('window.firstRowAt !== undefined', undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle').catch(() => {});
      const timing = (await page.evaluate(`({ firstRow: window.firstRowAt, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`)) as { firstRow: number; fcp: number };
      results.push({ js, jsFiles, total, ...timing });
      console.log(`run ${run + 1}: JavaScript ${(js / 1024).toFixed(1)} KiB in ${jsFiles} files, all ${(total / 1024).toFixed(1)} KiB; first row ${timing.firstRow.toFixed(0)} ms, first contentful paint ${timing.fcp.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const js = median(results.map((r) => r.js)) / 1024;
  const firstRow = median(results.map((r) => r.firstRow));
  console.log(`\nslow 3G (400 ms RTT, 400 kbit/s), CPU ×${args.cpu}, median of ${results.length} runs, empty cache`);
  console.log(`JavaScript shipped (gzip): ${js.toFixed(1)} KiB   target ≤ 150 KB: ${js * 1024 <= 150_000 ? 'met' : 'NOT met'}`);
  console.log(`first ranking row on screen: ${firstRow.toFixed(0)} ms   target ≤ 2,000 ms: ${firstRow <= 2000 ? 'met' : 'NOT met'}`);
}

await main();
process.exit(0);
