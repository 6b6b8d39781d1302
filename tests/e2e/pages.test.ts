/**
 * The pages people use most, at the four sizes they are used at (phone, tablet, desktop,
 * projector), in both languages: axe-core finds nothing critical or serious, and a screenshot of
 * each is kept in tests/e2e/screenshots/ (ignored by git) for review. The big screen fits its rows
 * to the window, pages a long board, and its controls never cover the ranking.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockEvent } from '#app/models/run.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { judgeSheets, putMark } from '#app/models/mark.server.ts';
import { resources } from '#app/i18n/i18n.ts';
import { eq } from 'drizzle-orm';
import { entryCategories } from '#db/schema.ts';
import { reviewQueue } from '#app/models/review.server.ts';
import { actorOf } from '../helpers/db.ts';
import { markAll, readyToScore, share } from '../helpers/judging.ts';
import { axe, blocking, describe as list } from './axe.ts';
import { browserFixture } from './browser.ts';

// With the demo's 文明风采 year: the works pages (entries, the online review) are checked too.
const e2e = browserFixture({ env: { SEED_WORKS: 'true' } });
/** A catalogue key (“registration.school”) where its words should be. */
const KEY_SHOWN = new RegExp(`\\b(${Object.keys(resources['zh-CN'].translation).join('|')})\\.[a-zA-Z_]+\\b`);
const { available } = e2e;
const OUT = 'tests/e2e/screenshots';
const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 1024, height: 768 }, desktop: { width: 1366, height: 768 }, projector: { width: 1920, height: 1080 } };

describe.skipIf(!available)('pages at four sizes, in both languages, checked by axe-core', () => {
  let done: ReturnType<typeof readyToScore>;
  let live: ReturnType<typeof readyToScore>;
  let code: string;
  let reviewCode: string;
  let essaysEvent: number;
  beforeAll(() => {
    const db = e2e.server.db;
    // The demo judge's first entry in the online review, and the essays' event (the demo chief reviews it).
    reviewCode = reviewQueue(db, actorOf(db, 'judge'))[0].entryCode;
    essaysEvent = db.select().from(entryCategories).where(eq(entryCategories.code, 'ZW')).get()!.eventId!;
    // GZ003 published (results, 公示), GZ012 scoring with some marks (live boards, a judge's sheet).
    done = readyToScore(db, 'GZ003');
    markAll(db, done, (_j, _code, c) => share(c, 0.6));
    lockEvent(db, done.chief, done.event.id);
    publishEvent(db, actorOf(db, 'admin'), done.event.id);
    live = readyToScore(db);
    const me = live.judges.find((j) => j.username === 'judge')!;
    [code] = judgeSheets(db, me, live.event.id).sheets.map((s) => s.workCode);
    live.scheme.criteria.slice(0, 4).forEach((c, i) => putMark(db, me, { eventId: live.event.id, workCode: code, criterionId: c.id, value: share(c, 0.7), idempotencyKey: `pages-${i}` }));
  });

  it('has no critical or serious violation on the public pages, the judge’s sheet and the organiser’s event page', { timeout: 240_000 }, async () => {
    mkdirSync(OUT, { recursive: true });

    const pages: { name: string; user: string | null; path: string }[] = [
      { name: 'home', user: null, path: '/' },
      { name: 'live', user: null, path: '/live' },
      { name: 'live-event', user: null, path: `/live/${live.event.id}` },
      { name: 'results', user: null, path: '/results' },
      { name: 'results-event', user: null, path: `/results/${done.event.id}` },
      { name: 'announcement', user: null, path: `/results/${done.event.id}/announcement` },
      { name: 'inheritors', user: null, path: '/inheritors' },
      { name: 'login', user: null, path: '/login' },
      { name: 'judge-sheet', user: 'judge', path: `/judge/events/${live.event.id}/sheets/${code}` },
      { name: 'admin-event', user: 'admin', path: `/admin/events/${live.event.id}` },
    ];
    const found: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        // Every size in Chinese; English at one size (the same markup, other words).
        if (lang === 'en' && size !== 'desktop') continue;
        const contexts = new Map<string | null, Awaited<ReturnType<typeof e2e.logIn>>>();
        for (const p of pages) {
          let page = contexts.get(p.user);
          if (!page) {
            page = p.user ? await e2e.logIn(p.user, viewport) : await (await e2e.browser.newContext({ viewport })).newPage();
            await page.context().addCookies([{ name: 'lng', value: lang, url: e2e.server.url }]);
            contexts.set(p.user, page);
          }
          await page.goto(e2e.server.url + p.path);
          await page.waitForLoadState('networkidle');
          if (lang === 'zh-CN') await page.screenshot({ path: `${OUT}/page-${p.name}-${size}.png`, fullPage: true });
          const bad = blocking(await axe(page));
          if (bad.length) found.push(`${p.path} (${lang}, ${size}):\n${list(bad)}`);
          // Every word arrived: a key shown as itself means the browser lacked that part of the catalogue.
          const raw = (await page.locator('body').innerText()).match(KEY_SHOWN);
          if (raw) found.push(`${p.path} (${lang}, ${size}, ${p.user ?? 'anonymous'}): shows the key ${raw[0]}`);
        }
        for (const page of contexts.values()) await page.context().close();
      }
    }
    // The organiser's and the school's everyday pages, at a desk.
    const desks: [string, string][] = [
      ['admin', '/admin'],
      ['admin', '/admin/registrations'],
      ['admin', '/admin/accounts'],
      ['admin', '/admin/schools'],
      ['admin', '/admin/publication'],
      ['admin', '/admin/audit'],
      ['chief', `/chief/events/${live.event.id}`],
      ['school', '/school'],
      ['judge', '/judge'],
      ['admin', '/admin/works'],
      ['school', '/school/entries'],
      ['judge', '/review'],
      ['judge', `/review/${reviewCode}`],
      ['chief', `/chief/reviews/${essaysEvent}`],
    ];
    for (const [user, path] of desks) {
      const page = await e2e.logIn(user, SIZES.desktop);
      await page.goto(e2e.server.url + path);
      await page.waitForLoadState('networkidle');
      const bad = blocking(await axe(page));
      if (bad.length) found.push(`${path} (${user}):\n${list(bad)}`);
      const raw = (await page.locator('body').innerText()).match(KEY_SHOWN);
      if (raw) found.push(`${path} (${user}): shows the key ${raw[0]}`);
      await page.context().close();
    }
    expect(found, found.join('\n\n')).toEqual([]);
  });

  it('fits the big screen’s rows to the window, pages a long board, and keeps its controls off the ranking', { timeout: 60_000 }, async () => {
    const eventId = live.event.id;
    // A small projector: a board of sixteen teams does not fit in one screenful.
    const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 600 } })).newPage();
    await page.goto(`${e2e.server.url}/screen?event=${eventId}`);
    await page.getByTestId('screen-page').waitFor();
    expect(await page.getByTestId('screen-page').textContent()).toMatch(/第 1 \/ \d 屏/);
    const rows = page.locator('[data-testid="ranking"] tbody tr');
    const lastRow = await rows.last().boundingBox();
    const tools = await page.locator('.screen-tools').boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(tools!.y + 1);
    expect(tools!.y + tools!.height).toBeLessThanOrEqual(600 + 1);
    const firstScreen = await rows.allTextContents();
    expect(firstScreen.length).toBeGreaterThan(2);
    expect(firstScreen.length).toBeLessThan(16);
    // The next screenful follows with the rows after these.
    await page.getByText(/第 2 \/ \d 屏/).waitFor({ timeout: 12_000 });
    const secondScreen = await rows.allTextContents();
    expect(secondScreen[0]).not.toBe(firstScreen[0]);
    await page.context().close();
  });
});
