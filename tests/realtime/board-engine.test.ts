/**
 * The board engine keeps its boards up to date mark by mark; they must always be the boards a
 * computation from scratch gives: after any sequence of marks and corrections, and after an
 * appeal reopens a team, corrects a mark and re-locks. Versions only increase, across a restart.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { correctMark, decideAppeal, fileAppeal, reopenForAppeal, relockAfterAppeal, appealsForChief } from '#app/models/appeal.server.ts';
import { onEventChanged } from '#app/models/changes.server.ts';
import { loadEventLive } from '#app/models/live-state.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { loadScheme } from '#app/models/scheme.server.ts';
import { eventBoardBody, getCompetitionBoard, setLiveSettings } from '#app/models/scoreboard.server.ts';
import { BoardEngine, type Push } from '#app/realtime/board-engine.server.ts';
import type { CompetitionDelta, EventBoard } from '#app/domain/scoreboard.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { readyToScore, share } from '../helpers/judging.ts';

let db: Db;
beforeAll(async () => {
  db = await demoDb();
});

/** An engine driven by hand: touched as the live hub touches it, run on a clock the test moves. */
function drive(database: Db) {
  let clock = Date.now();
  const engine = new BoardEngine(database, { clock: () => clock });
  const latest = new Map<string, EventBoard>();
  const versions: { room: string; version: number }[] = [];
  const stop = onEventChanged(database, (eventId, kind) => engine.touch(eventId, kind));
  const run = async () => {
    await new Promise((r) => setImmediate(r)); // changes are told after their transaction
    clock += 1000; // past every coalescing window
    for (const push of engine.run().pushes as Push[]) {
      if (push.name !== 'board') continue;
      const held = latest.get(push.room);
      if (held) expect(push.message.version).toBeGreaterThan(held.version);
      latest.set(push.room, push.message);
      versions.push({ room: push.room, version: push.message.version });
    }
  };
  return { engine, latest, versions, run, stop, now: () => new Date(clock) };
}

/** What the boards show, computed from scratch (version, time and mark number aside). */
function fromScratch(database: Db, eventId: number, now: Date) {
  const live = loadEventLive(database, eventId, now);
  return (['public', 'staff'] as const).map((audience) => ({ ...eventBoardBody(live, audience, now).body, at: 0, through: 0 }));
}
const shown = (latest: Map<string, EventBoard>, eventId: number) =>
  (['public', 'staff'] as const).map((audience) => {
    const { version: _, ...body } = latest.get(`event:${eventId}:${audience}`)!;
    return { ...body, at: 0, through: 0 };
  });

describe('the board engine', () => {
  it('shows what a computation from scratch shows, after any sequence of marks and corrections', async () => {
    const ready = readyToScore(db);
    const codes = ready.desk.filter((d) => d.workCode).map((d) => d.workCode!);
    const driven = drive(db);
    await driven.run();
    let key = 0;
    const step = fc.record({ judge: fc.nat(ready.judges.length - 1), code: fc.nat(codes.length - 1), criterion: fc.nat(ready.scheme.criteria.length - 1), share: fc.integer({ min: 0, max: 100 }), run: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        for (const s of steps) {
          const c = ready.scheme.criteria[s.criterion];
          putMark(db, ready.judges[s.judge], { eventId: ready.event.id, workCode: codes[s.code], criterionId: c.id, value: share(c, s.share / 100), idempotencyKey: `engine-${key++}` });
          // The engine runs now and then, as coalescing lets it: several marks may arrive at once.
          if (s.run) await driven.run();
        }
        await driven.run();
        expect(shown(driven.latest, ready.event.id)).toEqual(fromScratch(db, ready.event.id, driven.now()));
      }),
      { numRuns: 25 },
    );
    driven.stop();
  });

  it('follows an appeal: the team reopened, a mark corrected, the results re-locked', async () => {
    const driven = drive(db);
    const { ready, team, largest, correctValue } = lockedWithAnError(db);
    await driven.run();
    publishEvent(db, actorOf(db, 'admin'), ready.event.id);
    await driven.run();
    const appeal = fileAppeal(db, actorOf(db, 'school'), { teamId: team.id, reason: '第一位裁判的评分录入为 0，与实际不符' });
    decideAppeal(db, actorOf(db, 'arbiter'), appeal.id, { decision: 'upheld', reason: '经核查录入错误，申诉成立' });
    reopenForAppeal(db, ready.chief, appeal.id);
    const erring = appealsForChief(db, ready.chief, ready.event.id)[0].sheets.find((s) => s.marks.some((m) => m.criterionId === largest.id && m.value === 0))!;
    correctMark(db, ready.chief, { appealId: appeal.id, sheetId: erring.sheetId, criterionId: largest.id, value: correctValue, reason: '按评分记录表更正' });
    await driven.run();
    expect(shown(driven.latest, ready.event.id)).toEqual(fromScratch(db, ready.event.id, driven.now()));
    const before = driven.latest.get(`event:${ready.event.id}:public`)!;
    relockAfterAppeal(db, ready.chief, appeal.id);
    await driven.run();
    const after = driven.latest.get(`event:${ready.event.id}:public`)!;
    expect(shown(driven.latest, ready.event.id)).toEqual(fromScratch(db, ready.event.id, driven.now()));
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.rows.find((r) => r.team === team.name)!.award).toBe('first');
    driven.stop();
  });

  it('keeps each overview message within its budget: the rest follow in the next ones, oldest first', async () => {
    let clock = Date.now();
    const engine = new BoardEngine(db, { clock: () => clock, overviewBytes: 1 });
    const stop = onEventChanged(db, (eventId, kind) => engine.touch(eventId, kind));
    const tick = async () => {
      await new Promise((r) => setImmediate(r));
      clock += 1000;
      return engine.run().pushes.filter((p) => p.name === 'competition-delta').map((p) => p.message as CompetitionDelta);
    };
    await tick();
    await tick();
    const admin = actorOf(db, 'admin');
    const ids = db.$client.prepare("select id from events where status = 'scheduled' order by code limit 3").pluck().all() as number[];
    for (const id of ids) setLiveSettings(db, admin, id, { mode: 'hidden', freezeAt: null });
    const deltas = [...(await tick()), ...(await tick()), ...(await tick()), ...(await tick())];
    expect(deltas.map((d) => d.events.map((e) => e.eventId))).toEqual(ids.map((id) => [id]));
    // Each follows the one before, and together they give the overview as it now is.
    deltas.forEach((d, i) => i > 0 && expect(d.from).toBe(deltas[i - 1].version));
    const stored = getCompetitionBoard(db, deltas[0].competitionId);
    for (const id of ids) expect(stored.events.find((e) => e.eventId === id)!.mode).toBe('hidden');
    stop();
  });

  it('regression: a change undone before the overview goes out is not sent, and the overview never shows it', async () => {
    let clock = Date.now();
    const engine = new BoardEngine(db, { clock: () => clock });
    const stop = onEventChanged(db, (eventId, kind) => engine.touch(eventId, kind));
    const step = async (ms: number) => {
      await new Promise((r) => setImmediate(r));
      clock += ms;
      return engine.run().pushes.filter((p) => p.name === 'competition-delta').map((p) => p.message as CompetitionDelta);
    };
    await step(2000);
    await step(2000);
    const admin = actorOf(db, 'admin');
    const [id, other] = db.$client.prepare("select id from events where status = 'scheduled' order by code limit 2").pluck().all() as number[];
    const modeOf = (eventId: number) => db.$client.prepare('select live_mode from events where id = ?').pluck().get(eventId) as 'named' | 'anonymous' | 'hidden';
    const flip = (m: string) => (m === 'hidden' ? 'anonymous' : 'hidden');
    // An overview goes out now (another event changed): the next may not go for a second.
    setLiveSettings(db, admin, other, { mode: flip(modeOf(other)), freezeAt: null });
    expect((await step(0)).length).toBe(1);
    // Within that second, a change and its undoing.
    const mode = modeOf(id);
    setLiveSettings(db, admin, id, { mode: flip(mode), freezeAt: null });
    const during = await step(300);
    setLiveSettings(db, admin, id, { mode, freezeAt: null });
    const after = [...during, ...(await step(300)), ...(await step(1500))];
    expect(after.flatMap((d) => d.events).filter((e) => e.eventId === id && e.mode !== undefined && e.mode !== mode)).toEqual([]);
    expect(getCompetitionBoard(db, 1).events.find((e) => e.eventId === id)!.mode).toBe(mode);
    stop();
  });

  it('starts again from the stored versions after a restart: never lower, and nothing re-sent that did not change', async () => {
    const eventId = db.$client.prepare("select id from events where code = 'GZ012'").pluck().get() as number;
    const stored = db.$client.prepare('select version from live_boards where key = ?').pluck().get(`event:${eventId}:public`) as number;
    const restarted = drive(db);
    await restarted.run();
    expect(restarted.latest.has(`event:${eventId}:public`)).toBe(false);
    const workCode = db.$client.prepare('select work_code from check_ins where event_id = ? and work_code is not null order by work_code limit 1').pluck().get(eventId) as string;
    const c = loadScheme(db, eventId)!.criteria[0];
    // Two different values in turn: whatever the mark was, at least one of them changes the board.
    for (const fraction of [0.13, 0.87]) {
      putMark(db, actorOf(db, 'judge'), { eventId, workCode, criterionId: c.id, value: share(c, fraction), idempotencyKey: `restart-${fraction}-${Date.now()}` });
      await restarted.run();
    }
    expect(restarted.latest.get(`event:${eventId}:public`)!.version).toBeGreaterThan(stored);
    expect(Math.min(...restarted.versions.filter((v) => v.room === `event:${eventId}:public`).map((v) => v.version))).toBeGreaterThan(stored);
    restarted.stop();
  });
});
