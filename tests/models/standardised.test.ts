/** Standardised scores across events (#15): each event's median at 700, one order across events, nominations ordered by it. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { competitions } from '#db/schema.ts';
import { resolveFlag } from '#app/models/mark.server.ts';
import { pageOfNominations } from '#app/models/nomination.server.ts';
import { publishEvent, settleAnnouncements } from '#app/models/publication.server.ts';
import { openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { standardisedTable, standardScores } from '#app/models/standardised.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { markAll, readyToScore, share } from '../helpers/judging.ts';
import { refusal } from '../helpers/refusal.ts';

const DAY = 86_400_000;

describe('standardised scores across events', () => {
  it('puts each event’s median at 700, orders the year across events, and orders nominations by it when the year uses them', async () => {
    const db = await demoDb();
    const admin = actorOf(db, 'admin');
    // Two events marked on different scales: one generous and tight, one severe and spread.
    for (const [code, top, step] of [['GZ012', 0.98, 0.005], ['GZ021', 0.8, 0.04]] as const) {
      const ready = readyToScore(db, code);
      const present = ready.desk.filter((d) => d.status === 'present');
      const level = new Map(present.map((d, i) => [d.workCode!, top - step * i]));
      markAll(db, ready, (_j, wc, c) => share(c, level.get(wc)!));
      for (const f of openFlags(db, ready.chief, ready.event.id)) resolveFlag(db, ready.chief, f.id, '维持');
      lockEvent(db, ready.chief, ready.event.id);
    }
    const competitionId = db.select().from(competitions).get()!.id;
    const { rows, methods } = standardScores(db, competitionId);
    expect(methods.map((m) => m.code)).toEqual(['GZ012', 'GZ021']);
    expect(methods[0].method).toMatch(/^标准分 = 700 \+ 100 ×（总分 − 中位数 [\d.]+）÷ 四分位距/);
    for (const code of ['GZ012', 'GZ021']) {
      const ofEvent = rows.filter((r) => r.eventCode === code);
      // Within an event the standard order is the event's own order; its nearest-rank median is 700.
      const byRank = [...ofEvent].sort((a, b) => a.rank - b.rank);
      for (let i = 1; i < byRank.length; i++) expect(byRank[i].standard).toBeLessThanOrEqual(byRank[i - 1].standard);
      expect(ofEvent.filter((r) => r.standard === 70_000).length).toBeGreaterThan(0);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i].standard).toBeLessThanOrEqual(rows[i - 1].standard);
    // The severe event's winner, far below the generous event's in total, is compared on the common scale.
    const best = (code: string) => rows.find((r) => r.eventCode === code && r.rank === 1)!;
    expect(best('GZ021').total).toBeLessThan(best('GZ012').total);
    expect(best('GZ021').standard).toBeGreaterThan(70_000);
    expect(refusal(() => standardisedTable(db, actorOf(db, 'school'))).status).toBe(403);

    // Final results make nominations; the year's setting orders them by standard score.
    const now = new Date();
    for (const m of methods) publishEvent(db, admin, m.eventId, now);
    settleAnnouncements(db, new Date(now.getTime() + 6 * DAY));
    const plain = pageOfNominations(db, admin, {}, { limit: 100 });
    expect(plain.standardised).toBe(false);
    expect(plain.total).toBeGreaterThan(2);
    db.update(competitions).set({ standardisedScores: true }).where(eq(competitions.id, competitionId)).run();
    const ordered = pageOfNominations(db, admin, {}, { limit: 100 });
    expect(ordered.standardised).toBe(true);
    const standards = ordered.nominations.map((n) => n.standard!);
    expect(standards.every((s) => s !== null)).toBe(true);
    expect(standards).toEqual([...standards].sort((a, b) => b - a));
    expect(new Set(ordered.nominations.map((n) => n.eventCode))).toEqual(new Set(['GZ012', 'GZ021']));
  });
});
