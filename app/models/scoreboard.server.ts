/**
 * Live boards (直播榜): each event's standings, computed from the marks once per change, kept with a
 * version that only increases, and read by the socket, the pages and the JSON API alike.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { awards, competitions, divisions, events, liveBoards, prefectures, schools, teams, venues } from '#db/schema.ts';
import { allowedModes, boardKeys, boardView, leaders, medalTable, shownContent, type Audience, type AwardTier, type Board, type CompetitionBoard, type EventBoard, type EventSummary, type LiveMode } from '#app/domain/scoreboard.ts';
import { PUBLISHED_STATUSES } from '#app/domain/event-lifecycle.ts';
import { type Actor } from '#app/domain/roles.ts';

import { can, requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { forbidden, ModelError } from './errors.ts';
import { boardState, loadEventLive, type EventLive } from './live-state.server.ts';
import { loadScheme } from './scheme.server.ts';

// A board is stored under the name of the room it is pushed to.
const boardKey = boardKeys;

/** Who may watch the staff board (live through the freeze): the organiser and the event's chief judge. */
export function canWatchStaffBoard(actor: Actor | null, eventId: number): boolean {
  return can(actor, 'board:staff', { eventId });
}

export type Unversioned<T> = Omit<T, 'version'>;

const AUDIENCES = ['public', 'staff'] as const;

/** An event's board for one audience, from its live state, and when it next changes with time alone. */
export function eventBoardBody(live: EventLive, audience: Audience, now: Date): { body: Unversioned<EventBoard>; nextChangeAt: Date | null } {
  const { event } = live;
  const state = boardState(live, now);
  const view = boardView(state, audience, now);
  return {
    body: {
      scope: 'event',
      eventId: event.id,
      code: event.code,
      name: event.name,
      division: live.division,
      status: event.status,
      mode: event.liveMode,
      audience,
      frozen: view.frozen,
      decrypted: event.decryptedAt !== null,
      published: state.published,
      revealed: view.revealed,
      progress: state.progress,
      rows: view.rows,
      stage: event.stage ?? null,
      through: live.marksThrough,
      at: now.getTime(),
    },
    nextChangeAt: view.nextChangeAt,
  };
}

/** Stores a board when what it shows differs from the stored one; returns it with its version. */
function storeBoard<T extends { at: number }>(db: DbOrTx, key: string, body: Unversioned<T>, now: Date): { board: T; changed: boolean } {
  const stored = db.select().from(liveBoards).where(eq(liveBoards.key, key)).get();
  if (stored) {
    const previous = JSON.parse(stored.body) as T;
    if (shownContent(previous) === shownContent(body)) return { board: previous, changed: false };
  }
  const version = (stored?.version ?? 0) + 1;
  const board = { ...body, version } as unknown as T;
  db.insert(liveBoards)
    .values({ key, version, body: JSON.stringify(board), updatedAt: now })
    .onConflictDoUpdate({ target: liveBoards.key, set: { version, body: JSON.stringify(board), updatedAt: now } })
    .run();
  return { board, changed: true };
}

export type EventRefresh = { boards: EventBoard[]; changed: EventBoard[]; nextChangeAt: Date | null; competitionId: number };

/**
 * Recomputes an event's boards from the marks and stores those that changed. The live hub keeps
 * its boards up to date itself (app/realtime/board-engine.server.ts); this serves a board asked
 * for before the hub has stored one.
 */
export function refreshEventBoards(db: Db, eventId: number, now = new Date()): EventRefresh {
  const live = loadEventLive(db, eventId, now);
  return atomically(db, () => {
    const boards: EventBoard[] = [];
    const changed: EventBoard[] = [];
    let nextChangeAt: Date | null = null;
    for (const audience of AUDIENCES) {
      const { body, nextChangeAt: next } = eventBoardBody(live, audience, now);
      const stored = storeBoard<EventBoard>(db, boardKey.event(eventId, audience), body, now);
      boards.push(stored.board);
      if (stored.changed) changed.push(stored.board);
      if (next && (!nextChangeAt || next < nextChangeAt)) nextChangeAt = next;
    }
    return { boards, changed, nextChangeAt, competitionId: live.event.competitionId };
  });
}

/**
 * Stores boards the hub computed, in one short write: each gets the version after both the one it
 * knows and the stored one, so versions only increase whoever stored last.
 */
export function saveBoards<T extends Board>(db: Db, items: readonly { key: string; body: Unversioned<T>; known: number }[], now: Date): T[] {
  if (items.length === 0) return [];
  return atomically(db, () =>
    items.map(({ key, body, known }) => {
      const stored = db.select({ version: liveBoards.version }).from(liveBoards).where(eq(liveBoards.key, key)).get();
      const version = Math.max(known, stored?.version ?? 0) + 1;
      const board = { ...body, version } as unknown as T;
      const json = JSON.stringify(board);
      db.insert(liveBoards).values({ key, version, body: json, updatedAt: now }).onConflictDoUpdate({ target: liveBoards.key, set: { version, body: json, updatedAt: now } }).run();
      return board;
    }),
  );
}

/** Every stored board's version and what it shows (its body without version and time): where the hub starts from. */
export function storedBoards(db: Db): Map<string, { version: number; board: Board }> {
  return new Map(db.select().from(liveBoards).all().map((row) => [row.key, { version: row.version, board: JSON.parse(row.body) as Board }]));
}

/** The stored board, computed first when there is none yet. */
export function getEventBoard(db: Db, eventId: number, audience: Audience, now = new Date()): EventBoard {
  const stored = db.select().from(liveBoards).where(eq(liveBoards.key, boardKey.event(eventId, audience))).get();
  if (stored) return JSON.parse(stored.body) as EventBoard;
  return refreshEventBoards(db, eventId, now).boards.find((b) => b.audience === audience)!;
}

/** An event's board for a reader: the staff board only for those who may watch it. */
export function readEventBoard(db: Db, actor: Actor | null, eventId: number, audience: Audience = 'public'): EventBoard {
  if (audience === 'staff' && !canWatchStaffBoard(actor, eventId)) throw forbidden();
  return getEventBoard(db, eventId, audience);
}

/** An event's line in the competition overview, from its public board. */
export function summaryOf(b: Unversioned<EventBoard>): EventSummary {
  return { eventId: b.eventId, code: b.code, name: b.name, division: b.division, status: b.status, mode: b.mode, frozen: b.frozen, published: b.published, progress: b.progress, leaders: leaders(b.rows) };
}

/** The medal tables by school and by prefecture, from the awards of the competition's published events. */
export function medalTables(db: Db, competitionId: number): CompetitionBoard['medals'] {
  const won = db
    .select({ school: schools.name, prefecture: prefectures.name, kind: awards.kind })
    .from(awards)
    .innerJoin(events, eq(events.id, awards.eventId))
    .innerJoin(teams, eq(teams.id, awards.teamId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    // Only the latest run of a published event counts.
    .where(and(eq(events.competitionId, competitionId), inArray(events.status, [...PUBLISHED_STATUSES]), sql`${awards.runId} = (select max(r.id) from result_runs r where r.event_id = ${awards.eventId})`))
    .all()
    .filter((a): a is typeof a & { kind: AwardTier } => a.kind !== 'outstanding_advisor');
  return {
    bySchool: medalTable(won.map((a) => ({ group: a.school, tier: a.kind }))),
    byPrefecture: medalTable(won.map((a) => ({ group: a.prefecture, tier: a.kind }))),
  };
}

/** What a viewer of the overview may narrow it by: the competition's divisions and venues, and each event's. */
export function liveFilters(db: Db, competitionId: number) {
  return {
    divisions: db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(eq(divisions.competitionId, competitionId)).orderBy(asc(divisions.sortOrder)).all(),
    venues: db.select({ id: venues.id, name: venues.name }).from(venues).where(eq(venues.competitionId, competitionId)).orderBy(asc(venues.name)).all(),
    events: db.select({ id: events.id, division: divisions.code, venueId: events.venueId }).from(events).innerJoin(divisions, eq(divisions.id, events.divisionId)).where(eq(events.competitionId, competitionId)).all(),
  };
}

export function competitionName(db: Db, competitionId: number): string {
  return db.select({ name: competitions.name }).from(competitions).where(eq(competitions.id, competitionId)).get()?.name ?? '';
}

/** Every event's public board, summed up: status, progress, leaders; medal tables from published awards. */
export function refreshCompetitionBoard(db: Db, competitionId: number, now = new Date()): { board: CompetitionBoard; changed: boolean } {
  const ids = db.select({ id: events.id }).from(events).where(eq(events.competitionId, competitionId)).orderBy(asc(events.code)).all();
  const boards = ids.map((e) => getEventBoard(db, e.id, 'public', now));
  return atomically(db, () => {
    const body: Unversioned<CompetitionBoard> = {
      scope: 'competition',
      competitionId,
      name: competitionName(db, competitionId),
      events: boards.map(summaryOf),
      medals: medalTables(db, competitionId),
      at: now.getTime(),
    };
    return storeBoard<CompetitionBoard>(db, boardKey.competition(competitionId), body, now);
  });
}

export function getCompetitionBoard(db: Db, competitionId: number, now = new Date()): CompetitionBoard {
  const stored = db.select().from(liveBoards).where(eq(liveBoards.key, boardKey.competition(competitionId))).get();
  if (stored) return JSON.parse(stored.body) as CompetitionBoard;
  return refreshCompetitionBoard(db, competitionId, now).board;
}

/** The organiser sets how an event is shown live and when its public board freezes. */
export function setLiveSettings(db: Db, actor: Actor, eventId: number, input: { mode: LiveMode; freezeAt: Date | null }, reason?: string): void {
  requirePermission(actor, 'event:manage', { eventId });
  atomically(db, (tx) => {
    const event = eventOrThrow(tx, eventId);
    const judgement = loadScheme(tx, eventId)?.criteria.some((c) => c.kind === 'judgement') ?? false;
    if (!allowedModes(judgement).includes(input.mode)) throw new ModelError(422, 'live_mode_named_judgement', {}, { mode: 'errors.live_mode_named_judgement' });
    tx.update(events).set({ liveMode: input.mode, freezeAt: input.freezeAt }).where(eq(events.id, eventId)).run();
    recordAudit(tx, actor, {
      action: 'event.live_settings',
      entity: 'event',
      entityId: eventId,
      before: { liveMode: event.liveMode, freezeAt: event.freezeAt },
      after: { liveMode: input.mode, freezeAt: input.freezeAt },
      reason,
    });
  });
  eventChanged(db, eventId);
}

/** Whether an event's public board may be shown: it exists and its year is no longer a draft. */
export function isPublicEvent(db: Db, eventId: number): boolean {
  const row = db.select({ phase: competitions.phase }).from(events).innerJoin(competitions, eq(competitions.id, events.competitionId)).where(eq(events.id, eventId)).get();
  return row !== undefined && row.phase !== 'draft';
}
