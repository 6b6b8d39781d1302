/**
 * Live boards (直播榜): each event's standings, computed from the marks once per change, kept with a
 * version that only increases, and read by the socket, the pages and the JSON API alike.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { awards, checkIns, divisions, events, liveBoards, prefectures, results, schools, teams } from '#db/schema.ts';
import { allowedModes, boardKeys, boardView, leaders, medalTable, type Audience, type AwardTier, type BoardState, type CompetitionBoard, type EventBoard, type LiveMode, type Standing } from '#app/domain/scoreboard.ts';
import { isPublished, PUBLISHED_STATUSES } from '#app/domain/event-lifecycle.ts';
import { fromOrNull } from '#app/domain/exact.ts';
import { type Actor } from '#app/domain/roles.ts';

import { can, requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { eventOrThrow, findCurrentCompetition } from './competition.server.ts';
import { forbidden, ModelError, notFound } from './errors.ts';
import { latestRun, scoreEvent } from './result.server.ts';
import { tiersOfRun } from './run.server.ts';
import { loadScheme } from './scheme.server.ts';

// A board is stored under the name of the room it is pushed to.
const boardKey = boardKeys;

/** Who may watch the staff board (live through the freeze): the organiser and the event's chief judge. */
export function canWatchStaffBoard(actor: Actor | null, eventId: number): boolean {
  return can(actor, 'board:staff', { eventId });
}

type EventRow = typeof events.$inferSelect;

/** Totals in hundredths, as ranked or as stored. */
type Ranked = { teamId: number; total: number | null; rank: number | null; absent: boolean; partial?: boolean };

/** Names, work codes and (once published) awards for ranked teams; absent teams are left out. */
function standingsOf(db: Db, event: EventRow, ranked: readonly Ranked[], runId: number | null): Standing[] {
  const present = ranked.filter((r) => !r.absent);
  if (present.length === 0) return [];
  const names = db
    .select({ teamId: teams.id, team: teams.name, school: schools.name, prefecture: prefectures.name, workCode: checkIns.workCode })
    .from(teams)
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .leftJoin(checkIns, and(eq(checkIns.teamId, teams.id), eq(checkIns.eventId, event.id)))
    .where(inArray(teams.id, present.map((r) => r.teamId)))
    .all();
  const byTeam = new Map(names.map((n) => [n.teamId, n]));
  const awardOf = runId !== null && isPublished(event.status) ? tiersOfRun(db, runId) : new Map<number, AwardTier>();
  return present
    .map((r) => {
      const n = byTeam.get(r.teamId)!;
      return { teamId: r.teamId, workCode: n.workCode, team: n.team, school: n.school, prefecture: n.prefecture, total: fromOrNull(r.total), rank: r.rank, partial: r.partial ?? false, award: awardOf.get(r.teamId) ?? null };
    })
    // Ranked first; unscored teams (未评分) after them, by work code.
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.workCode ?? '').localeCompare(b.workCode ?? ''));
}

const NO_PROGRESS = { teams: 0, absent: 0, marked: 0, expected: 0 };

function boardState(db: Db, event: EventRow, now: Date): BoardState {
  const published = isPublished(event.status);
  const frozenNow = event.freezeAt !== null && now >= event.freezeAt && !published;
  const scored = scoreEvent(db, event.id);
  // Once locked, the stored results are the standings; before, the current marks are.
  const run = latestRun(db, event.id);
  const stored = run ? db.select({ teamId: results.teamId, total: results.totalHundredths, rank: results.rank, absent: results.absent }).from(results).where(eq(results.runId, run.id)).all() : null;
  const atFreeze = frozenNow ? scoreEvent(db, event.id, event.freezeAt!) : null;
  return {
    mode: event.liveMode,
    freezeAt: event.freezeAt,
    decryptedAt: event.decryptedAt,
    published,
    live: standingsOf(db, event, stored ?? scored?.ranked ?? [], run?.id ?? null),
    atFreeze: atFreeze ? standingsOf(db, event, atFreeze.ranked, null) : null,
    progress: scored?.progress ?? NO_PROGRESS,
  };
}

type Unversioned<T> = Omit<T, 'version'>;

function eventBoardBody(event: EventRow, division: string, state: BoardState, audience: Audience, now: Date): { body: Unversioned<EventBoard>; nextChangeAt: Date | null } {
  const view = boardView(state, audience, now);
  return {
    body: {
      scope: 'event',
      eventId: event.id,
      code: event.code,
      name: event.name,
      division,
      status: event.status,
      mode: event.liveMode,
      audience,
      frozen: view.frozen,
      decrypted: event.decryptedAt !== null,
      published: state.published,
      revealed: view.revealed,
      progress: state.progress,
      rows: view.rows,
      at: now.getTime(),
    },
    nextChangeAt: view.nextChangeAt,
  };
}

/** Stores a board when what it shows differs from the stored one; returns it with its version. */
function storeBoard<T extends { at: number }>(db: DbOrTx, key: string, body: Unversioned<T>, now: Date): { board: T; changed: boolean } {
  const stored = db.select().from(liveBoards).where(eq(liveBoards.key, key)).get();
  // `at` changes every time; what matters is whether anything a viewer sees did.
  const comparable = JSON.stringify({ ...body, at: 0 });
  if (stored) {
    const previous = JSON.parse(stored.body) as T;
    if (JSON.stringify({ ...previous, at: 0, version: undefined }) === comparable) return { board: previous, changed: false };
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
 * Recomputes an event's boards from the marks, inside one write transaction so that the version a
 * board gets always belongs to the newest data, whichever process computes it.
 */
export function refreshEventBoards(db: Db, eventId: number, now = new Date()): EventRefresh {
  return atomically(db, () => {
    const row = db.select({ event: events, division: divisions.name }).from(events).innerJoin(divisions, eq(divisions.id, events.divisionId)).where(eq(events.id, eventId)).get();
    if (!row) throw notFound('event_not_found');
    const state = boardState(db, row.event, now);
    const boards: EventBoard[] = [];
    const changed: EventBoard[] = [];
    let nextChangeAt: Date | null = null;
    for (const audience of ['public', 'staff'] as const) {
      const { body, nextChangeAt: next } = eventBoardBody(row.event, row.division, state, audience, now);
      const stored = storeBoard<EventBoard>(db, boardKey.event(eventId, audience), body, now);
      boards.push(stored.board);
      if (stored.changed) changed.push(stored.board);
      if (next && (!nextChangeAt || next < nextChangeAt)) nextChangeAt = next;
    }
    return { boards, changed, nextChangeAt, competitionId: row.event.competitionId };
  });
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

/** Every event's public board, summed up: status, progress, leaders; medal tables from published awards. */
export function refreshCompetitionBoard(db: Db, competitionId: number, now = new Date()): { board: CompetitionBoard; changed: boolean } {
  return atomically(db, () => {
    const competition = findCurrentCompetition(db);
    const name = competition && competition.id === competitionId ? competition.name : '';
    const ids = db.select({ id: events.id }).from(events).where(eq(events.competitionId, competitionId)).orderBy(asc(events.code)).all();
    const boards = ids.map((e) => getEventBoard(db, e.id, 'public', now));
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
    const body: Unversioned<CompetitionBoard> = {
      scope: 'competition',
      competitionId,
      name,
      events: boards.map((b) => ({ eventId: b.eventId, code: b.code, name: b.name, division: b.division, status: b.status, mode: b.mode, frozen: b.frozen, published: b.published, progress: b.progress, leaders: leaders(b.rows) })),
      medals: {
        bySchool: medalTable(won.map((a) => ({ group: a.school, tier: a.kind }))),
        byPrefecture: medalTable(won.map((a) => ({ group: a.prefecture, tier: a.kind }))),
      },
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
