/**
 * The live boards through a real server and real socket.io clients: snapshots, versions, gap
 * recovery, the freeze, the live modes, coalescing, and no private data in any public message.
 */
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, teams, schools, contestants } from '#db/schema.ts';
import { competitionBoard, competitionDelta, eventBoard, type Board, type CompetitionBoard, type CompetitionDelta, type EventBoard, type SubscribeAck, type SubscribeRequest } from '#app/realtime/messages.ts';
import { applyCompetitionDelta } from '#app/domain/scoreboard.ts';
import { setLiveSettings } from '#app/models/scoreboard.server.ts';
import { eventChanged } from '#app/models/changes.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { eventAwards } from '#app/models/award.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { actorOf } from '../helpers/db.ts';
import { markAll, readyToScore, share } from '../helpers/judging.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let ready: ReturnType<typeof readyToScore>;
let judge: Client;
let privateWords: string[];
beforeAll(async () => {
  server = await startServer();
  ready = readyToScore(server.db);
  judge = new Client(server.url);
  expect((await judge.login('judge')).status).toBe(200);
  // Everything about a person or a team that must never reach a public viewer of a blind board.
  const db = server.db;
  const inEvent = db.select({ team: teams.name, school: schools.name }).from(teams).innerJoin(schools, eq(schools.id, teams.schoolId)).where(eq(teams.eventId, ready.event.id)).all();
  const people = db.select({ name: contestants.name, idNumber: contestants.idNumber, phone: contestants.phone }).from(contestants).all();
  privateWords = [...inEvent.flatMap((t) => [t.team, t.school]), ...people.flatMap((p) => [p.name, p.idNumber, p.phone ?? ''])].filter((w) => w && w.length >= 2);
}, 60_000);
afterAll(() => server.stop());

type Viewer = { socket: Socket; ack: SubscribeAck; boards: Board[]; deltas: CompetitionDelta[]; resyncs: number[]; latest(): Board | undefined; until(test: (b: Board) => boolean, ms?: number): Promise<Board>; close(): void };

/** A viewer of one board; `skip` drops that many overview deltas on arrival, as a flaky network would. */
async function watch(request: SubscribeRequest, { cookie, skip = 0 }: { cookie?: string; skip?: number } = {}): Promise<Viewer> {
  const socket = connect(`${server.url}/live`, { transports: ['websocket'], forceNew: true, extraHeaders: cookie ? { cookie } : undefined });
  const boards: Board[] = [];
  const waiters: { test: (b: Board) => boolean; resolve: (b: Board) => void }[] = [];
  const receive = (board: Board) => {
    boards.push(board);
    for (const w of [...waiters]) if (w.test(board)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(board));
  };
  socket.on('board', receive);
  // The overview comes as deltas: each is applied to the overview held, or the viewer resyncs.
  const deltas: CompetitionDelta[] = [];
  const resyncs: number[] = [];
  socket.on('competition-delta', (delta: CompetitionDelta) => {
    deltas.push(delta);
    if (skipDeltas > 0) return void skipDeltas--;
    const held = boards.findLast((b): b is CompetitionBoard => b.scope === 'competition');
    const next = held && applyCompetitionDelta(held, delta);
    if (next) return receive(next);
    if (held && delta.version <= held.version) return;
    resyncs.push(delta.version);
    void socket.timeout(5000).emitWithAck('subscribe', { ...request, since: held?.version }).then((again: SubscribeAck) => again.ok && again.snapshot && receive(again.snapshot));
  });
  let skipDeltas = skip;
  const ack = await socket.timeout(5000).emitWithAck('subscribe', request) as SubscribeAck;
  if (ack.ok && ack.snapshot) boards.push(ack.snapshot);
  return {
    deltas,
    resyncs,
    socket,
    ack,
    boards,
    latest: () => boards.at(-1),
    until(test, ms = 5000) {
      const found = boards.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such board within ${ms} ms; last: ${JSON.stringify(boards.at(-1))?.slice(0, 300)}`)), ms);
        waiters.push({ test, resolve: (b) => (clearTimeout(timer), resolve(b)) });
      });
    },
    close: () => socket.close(),
  };
}

let key = 0;
const workCodes = () => ready.desk.filter((d) => d.workCode).map((d) => d.workCode!);
async function mark(workCode: string, criterionIndex: number, fraction: number) {
  const c = ready.scheme.criteria[criterionIndex];
  const res = await judge.json('PUT', '/api/v1/marks', { eventId: ready.event.id, workCode, criterionId: c.id, value: share(c, fraction), idempotencyKey: `live-${key++}-${Date.now()}` });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return share(c, fraction);
}
const eventRequest = (): Extract<SubscribeRequest, { scope: 'event' }> => ({ scope: 'event', eventId: ready.event.id });
const rowOf = (board: Board, workCode: string) => (board as EventBoard).rows.find((r) => r.workCode === workCode);

/** Every message a public viewer got: in the shared schema, and without a name or a personal detail. */
function expectBlindSafe(boards: Board[]) {
  expect(boards.length).toBeGreaterThan(0);
  for (const board of boards) {
    if (board.scope === 'event') eventBoard.parse(board);
    else if (board.scope === 'competition') competitionBoard.parse(board);
    else competitionDelta.parse(board);
    const text = JSON.stringify(board);
    for (const word of privateWords) expect(text.includes(word), `"${word}" in a public message`).toBe(false);
  }
}

describe('an event’s live board', () => {
  it('answers a subscription with a snapshot of work codes and totals, and pushes each mark as a new version', async () => {
    expect(server.db.select().from(events).where(eq(events.id, ready.event.id)).get()!.liveMode).toBe('anonymous');
    const viewer = await watch(eventRequest());
    try {
      expect(viewer.ack.ok).toBe(true);
      const first = viewer.latest() as EventBoard;
      expect(first.rows.map((r) => r.workCode).sort()).toEqual(workCodes().sort());
      const [code] = workCodes();
      const before = rowOf(first, code)!.total ?? 0;
      const value = await mark(code, 0, 1);
      const moved = await viewer.until((b) => b.version > first.version && (rowOf(b, code)?.total ?? 0) > before);
      expect(rowOf(moved, code)!.total).toBeGreaterThanOrEqual(value);
      expect((moved as EventBoard).progress.marked).toBeGreaterThan(first.progress.marked);
      expectBlindSafe(viewer.boards);
    } finally {
      viewer.close();
    }
  });

  it('only ever increases its version; a viewer coming back gets what it missed, or nothing when it missed nothing', async () => {
    const viewer = await watch(eventRequest());
    const observer = await watch(eventRequest());
    const held = viewer.latest()!.version;
    viewer.close();
    const [, code] = workCodes();
    await mark(code, 1, 0.5);
    await mark(code, 2, 0.5);
    await observer.until((b) => b.version > held);
    observer.close();
    const back = await watch({ ...eventRequest(), since: held });
    try {
      expect(back.ack.ok && back.ack.snapshot).toBeTruthy();
      const caughtUp = back.latest() as EventBoard;
      expect(caughtUp.version).toBeGreaterThan(held);
      // The board it got back is the newest: reading it again gives no newer version.
      const again = await watch({ ...eventRequest(), since: caughtUp.version });
      expect(again.ack).toEqual({ ok: true, version: caughtUp.version, snapshot: null });
      again.close();
      const versions = back.boards.map((b) => b.version);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    } finally {
      back.close();
    }
  });

  it('coalesces a burst of 1,000 marks: viewers end on the final version, having received fewer messages than marks', async () => {
    const viewer = await watch(eventRequest());
    try {
      const start = viewer.latest()!.version;
      const codes = workCodes();
      const n = ready.scheme.criteria.length;
      let sent = 0;
      const jobs = Array.from({ length: 1000 }, (_, i) => () => mark(codes[i % codes.length], Math.floor(i / codes.length) % n, ((i * 37) % 100) / 100));
      await Promise.all(Array.from({ length: 20 }, async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) (await job(), sent++);
      }));
      expect(sent).toBe(1000);
      const final = await (await fetch(`${server.url}/api/v1/events/${ready.event.id}/scoreboard`)).json() as EventBoard;
      await viewer.until((b) => b.version >= final.version, 5000);
      // Quiet now: the last pushed board is the final one, with the totals the marks give.
      await new Promise((r) => setTimeout(r, 600));
      const settled = await (await fetch(`${server.url}/api/v1/events/${ready.event.id}/scoreboard`)).json() as EventBoard;
      expect(viewer.latest()!.version).toBe(settled.version);
      expect((viewer.latest() as EventBoard).rows).toEqual(settled.rows);
      const pushed = viewer.boards.filter((b) => b.version > start).length;
      expect(pushed).toBeGreaterThan(0);
      expect(pushed).toBeLessThan(1000);
      expectBlindSafe(viewer.boards);
    } finally {
      viewer.close();
    }
  });
});

describe('the freeze (封榜)', () => {
  it('shows the public the standings as at the freeze while the staff keep the live ones; publication lifts it', async () => {
    const admin = new Client(server.url);
    await admin.login('admin');
    const [code] = workCodes();
    setLiveSettings(server.db, actorOf(server.db, 'admin'), ready.event.id, { mode: 'anonymous', freezeAt: new Date() });
    const audience = await watch(eventRequest());
    const staff = await watch({ ...eventRequest(), audience: 'staff' }, { cookie: admin.cookieHeader() });
    try {
      const frozen = await audience.until((b) => (b as EventBoard).frozen);
      expect(staff.ack.ok).toBe(true);
      const frozenTotal = rowOf(frozen, code)!.total;
      const staffBefore = staff.latest()!;
      await mark(code, 0, 0);
      await mark(code, 1, 0);
      const staffMoved = await staff.until((b) => b.version > staffBefore.version);
      expect((staffMoved as EventBoard).frozen).toBe(false);
      await new Promise((r) => setTimeout(r, 400));
      expect(rowOf(audience.latest()!, code)!.total).toBe(frozenTotal);
      expect((audience.latest() as EventBoard).frozen).toBe(true);

      // Publication (#6 sets the status) lifts the freeze: the public catches up with the live board.
      const lastFrozen = audience.latest()!.version;
      server.db.update(events).set({ status: 'published' }).where(eq(events.id, ready.event.id)).run();
      eventChanged(server.db, ready.event.id);
      const lifted = await audience.until((b) => b.version > lastFrozen && !(b as EventBoard).frozen);
      // The public now sees what the staff see: the live standings, with the marks after the freeze.
      const live = await staff.until((b) => b.version >= staffMoved.version && rowOf(b, code)!.total === rowOf(lifted, code)!.total);
      expect(rowOf(lifted, code)!.total).not.toBe(frozenTotal);
      expect((lifted as EventBoard).rows.map((r) => [r.workCode, r.total])).toEqual((live as EventBoard).rows.map((r) => [r.workCode, r.total]));
    } finally {
      const published = audience.latest()!.version;
      server.db.update(events).set({ status: 'scoring' }).where(eq(events.id, ready.event.id)).run();
      setLiveSettings(server.db, actorOf(server.db, 'admin'), ready.event.id, { mode: 'anonymous', freezeAt: null });
      await audience.until((b) => b.version > published && !(b as EventBoard).published && !(b as EventBoard).frozen);
      audience.close();
      staff.close();
    }
  });

  it('keeps the staff board from the public, a school and a judge of another event', async () => {
    const anonymous = await watch({ ...eventRequest(), audience: 'staff' });
    expect(anonymous.ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    anonymous.close();
    const school = new Client(server.url);
    await school.login('school');
    const refused = await watch({ ...eventRequest(), audience: 'staff' }, { cookie: school.cookieHeader() });
    expect(refused.ack).toMatchObject({ ok: false });
    refused.close();
    const nonsense = await watch({ scope: 'event', eventId: -3 } as SubscribeRequest);
    expect(nonsense.ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    nonsense.close();
  });
});

describe('the live modes', () => {
  it('hidden shows only the marking progress', async () => {
    setLiveSettings(server.db, actorOf(server.db, 'admin'), ready.event.id, { mode: 'hidden', freezeAt: null });
    const viewer = await watch(eventRequest());
    try {
      const hidden = await viewer.until((b) => (b as EventBoard).mode === 'hidden');
      expect((hidden as EventBoard).rows).toEqual([]);
      expect((hidden as EventBoard).progress.teams).toBe(workCodes().length);
      expectBlindSafe(viewer.boards);
      expect(viewer.boards.every((b) => (b as EventBoard).rows.every((r) => r.team === null))).toBe(true);
    } finally {
      setLiveSettings(server.db, actorOf(server.db, 'admin'), ready.event.id, { mode: 'anonymous', freezeAt: null });
      viewer.close();
    }
  });

  it('refuses names live for an event with judgement criteria', () => {
    expect(() => setLiveSettings(server.db, actorOf(server.db, 'admin'), ready.event.id, { mode: 'named', freezeAt: null })).toThrow(
      expect.objectContaining({ status: 422, code: 'live_mode_named_judgement' }),
    );
  });

  it('named shows team and school live for an objective event', async () => {
    const objective = readyToScore(server.db, 'ZZ008');
    const viewer = await watch({ scope: 'event', eventId: objective.event.id });
    try {
      // The draw just happened: the board with the drawn teams follows at once.
      const board = (await viewer.until((b) => (b as EventBoard).rows.length > 0)) as EventBoard;
      expect(board.mode).toBe('named');
      expect(board.rows.length).toBeGreaterThan(0);
      expect(board.rows.every((r) => r.team && r.school)).toBe(true);
    } finally {
      viewer.close();
    }
  });

  it('after the lock an anonymous board reveals names from the bottom up', async () => {
    const other = readyToScore(server.db, 'GZ003');
    const chiefOfOther = server.db.$client
      .prepare("select u.username from judge_assignments a join judges j on j.id = a.judge_id join users u on u.id = j.user_id where a.event_id = ? and a.role = 'chief_judge' and a.revoked_at is null")
      .get(other.event.id) as { username: string };
    const viewer = await watch({ scope: 'event', eventId: other.event.id });
    try {
      markAll(server.db, other, (j, code, c) => share(c, 0.5 + (code.charCodeAt(4) % 5) / 10));
      lockEvent(server.db, actorOf(server.db, chiefOfOther.username), other.event.id);
      const revealed = await viewer.until((b) => (b as EventBoard).decrypted);
      const rows = (revealed as EventBoard).rows;
      expect((revealed as EventBoard).revealed).toBe(1);
      expect(rows.at(-1)!.school).not.toBeNull();
      expect(rows.slice(0, -1).every((r) => r.school === null && r.team === null)).toBe(true);
    } finally {
      viewer.close();
    }
  });
});

/** Waits (polling) until `test` holds; fails after `ms`. */
async function poll(test: () => boolean, ms = 8000) {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The stored overview, once the viewer has caught up with it (no delta left on its way). */
async function settled(viewer: Viewer): Promise<CompetitionBoard> {
  let stored!: CompetitionBoard;
  const until = Date.now() + 8000;
  for (;;) {
    stored = (await (await fetch(`${server.url}/api/v1/competitions/current/scoreboard`)).json()) as CompetitionBoard;
    if (viewer.latest()?.version === stored.version || Date.now() > until) return stored;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Changes the leader's mark on the first criterion, so that the overview's line of the event changes. */
async function moveLeader(overview: CompetitionBoard, fraction: number) {
  const leader = overview.events.find((e) => e.eventId === ready.event.id)!.leaders[0];
  await mark(leader.workCode!, 0, fraction);
}

describe('the competition board and the JSON snapshots', () => {
  it('sends every event’s progress and leaders to a competition subscriber', async () => {
    const viewer = await watch({ scope: 'competition' });
    try {
      // The competition board follows its events at most once a second.
      await mark(workCodes()[0], 0, 0.55);
      const lineOf = (b: Board) => (b as CompetitionBoard).events.find((e) => e.eventId === ready.event.id);
      const board = (await viewer.until((b) => { const e = lineOf(b); return !!e && !e.published && e.mode === 'anonymous' && e.leaders.length > 0; }, 10_000).catch((error: Error) => {
        throw new Error(`${error.message.slice(0, 40)} — GZ012 as last held: ${JSON.stringify(lineOf(viewer.latest()!))}`);
      })) as CompetitionBoard;
      competitionBoard.parse(board);
      const gz012 = board.events.find((e) => e.eventId === ready.event.id)!;
      expect(gz012.progress.marked).toBeGreaterThan(0);
      expect(gz012.leaders.length).toBeGreaterThan(0);
      expect(gz012.leaders.every((l) => l.school === null)).toBe(true);
    } finally {
      viewer.close();
    }
  });

  it('sends the overview as deltas of what changed, which applied in order give the stored snapshot', async () => {
    const viewer = await watch({ scope: 'competition' });
    try {
      const start = viewer.latest() as CompetitionBoard;
      await moveLeader(start, 0.37);
      const moved = (await viewer.until((b) => b.version > start.version)) as CompetitionBoard;
      expect(viewer.resyncs).toEqual([]);
      for (const delta of viewer.deltas) {
        competitionDelta.parse(delta);
        // Only what changed: the events that changed, and of those only the changed fields.
        expect(delta.events.length).toBeLessThan(start.events.length);
        for (const patch of delta.events) expect(Object.keys(patch).length).toBeLessThan(Object.keys(start.events[0]).length);
      }
      expectBlindSafe(viewer.boards);
      // Once the deltas have settled, the viewer holds exactly the stored snapshot.
      const stored = await settled(viewer);
      expect(viewer.latest()).toEqual(stored);
      expect(stored.version).toBeGreaterThanOrEqual(moved.version);
    } finally {
      viewer.close();
    }
  });

  it('resyncs a viewer that missed a delta: it asks again with the version it holds and gets the whole overview', async () => {
    const viewer = await watch({ scope: 'competition' }, { skip: 1 });
    try {
      const start = viewer.latest() as CompetitionBoard;
      // The first delta is dropped on arrival; the next one no longer follows what the viewer holds.
      await moveLeader(start, 0.63);
      await poll(() => viewer.deltas.length >= 1);
      // The leader now, as stored (the viewer did not take the change).
      await moveLeader((await (await fetch(`${server.url}/api/v1/competitions/current/scoreboard`)).json()) as CompetitionBoard, 0.21);
      await poll(() => viewer.deltas.length >= 2);
      const stored = await settled(viewer);
      expect(viewer.resyncs.length).toBe(1);
      expect(viewer.latest()!.version).toBeGreaterThan(start.version);
      expect(viewer.latest()).toEqual(stored);
    } finally {
      viewer.close();
    }
  });

  it('serves the socket’s snapshot over HTTP with an ETag on its version', async () => {
    const viewer = await watch(eventRequest());
    try {
      const res = await fetch(`${server.url}/api/v1/events/${ready.event.id}/scoreboard`);
      expect(res.status).toBe(200);
      const board = (await res.json()) as EventBoard;
      expect(board).toEqual(viewer.latest());
      const etag = res.headers.get('ETag')!;
      expect(etag).toContain(`v${board.version}`);
      expect((await fetch(`${server.url}/api/v1/events/${ready.event.id}/scoreboard`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      const whole = await fetch(`${server.url}/api/v1/competitions/current/scoreboard`);
      expect(whole.status).toBe(200);
      expect(((await whole.json()) as CompetitionBoard).scope).toBe('competition');
      expect((await fetch(`${server.url}/api/v1/events/999999/scoreboard`)).status).toBe(404);
    } finally {
      viewer.close();
    }
  });

  it('streams every public change as NDJSON, after the current boards', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/v1/competitions/current/feed`, { signal: controller.signal });
    expect(res.headers.get('Content-Type')).toContain('application/x-ndjson');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const lines: Board[] = [];
    let buffer = '';
    const readUntil = async (test: (b: Board) => boolean) => {
      for (;;) {
        const found = lines.find(test);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error('feed ended');
        buffer += value;
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        for (const p of parts) if (p) lines.push(JSON.parse(p));
      }
    };
    try {
      const opening = await readUntil((b) => b.scope === 'competition');
      const current = lines.find((b) => b.scope === 'event' && b.eventId === ready.event.id)!;
      expect(opening.scope).toBe('competition');
      await mark(workCodes()[2], 0, 0.3);
      const change = await readUntil((b) => b.scope === 'event' && b.eventId === ready.event.id && b.version > current.version);
      expect(change.version).toBeGreaterThan(current.version);
      expectBlindSafe(lines.filter((b) => b.scope === 'event' && b.eventId === ready.event.id));
    } finally {
      controller.abort();
    }
  });

  it('counts published awards in the medal tables, by school and by prefecture', async () => {
    // GZ003 was locked above, which drew its awards; the organiser publishes them.
    const gz003 = server.db.select().from(events).where(eq(events.code, 'GZ003')).get()!;
    const list = eventAwards(server.db, actorOf(server.db, 'admin'), gz003.id);
    const winners = list.rows.filter((r) => r.award);
    const viewer = await watch({ scope: 'competition' });
    try {
      publishEvent(server.db, actorOf(server.db, 'admin'), gz003.id);
      const board = (await viewer.until(
        (b) => (b as CompetitionBoard).medals.bySchool.length > 0 && (b as CompetitionBoard).events.some((e) => e.eventId === gz003.id && e.published),
      )) as CompetitionBoard;
      // Each tier's medals add up to the teams awarded it.
      for (const tier of ['first', 'second', 'third'] as const) {
        expect(board.medals.bySchool.reduce((n, m) => n + m[tier], 0)).toBe(winners.filter((w) => w.award === tier).length);
      }
      // The table leads with the school holding the most first prizes.
      const firsts = new Map<string, number>();
      for (const w of winners) if (w.award === 'first') firsts.set(w.school, (firsts.get(w.school) ?? 0) + 1);
      expect(board.medals.bySchool[0].first).toBe(Math.max(0, ...firsts.values()));
      expect(board.medals.byPrefecture.reduce((n, m) => n + m.total, 0)).toBe(winners.length);
      expect(winners.length).toBeGreaterThan(2);
      const published = board.events.find((e) => e.eventId === gz003.id)!;
      expect(published.published).toBe(true);
    } finally {
      viewer.close();
    }
  });
});
