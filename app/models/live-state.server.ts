/**
 * What an event's live board is computed from, loaded once and then kept up to date mark by mark:
 * the event, the names behind its work codes, and either its running tally (while marking) or its
 * stored results (once locked). The boards are views of it (`boardState`).
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { checkIns, divisions, events, marks, prefectures, results, schools, scoringSheets, teams } from '#db/schema.ts';
import { isPublished } from '#app/domain/event-lifecycle.ts';
import { fromOrNull, hundredthsOf } from '#app/domain/exact.ts';
import type { Ranked } from '#app/domain/ranking.ts';
import type { AwardTier, BoardState, Standing } from '#app/domain/scoreboard.ts';
import { EventTally, type TallyMark } from '#app/domain/tally.ts';
import { notFound } from './errors.ts';
import { currentMarksOfSheets, scoringJudgesOf } from './mark.server.ts';
import { prepared } from './prepared.server.ts';
import { latestRun, scoreEvent } from './result.server.ts';
import { tiersOfRun } from './run.server.ts';
import { loadScheme } from './scheme.server.ts';

type EventRow = typeof events.$inferSelect;
type Names = { team: string; school: string; prefecture: string; workCode: string | null };
type StoredResult = Pick<Ranked, 'teamId' | 'total' | 'rank' | 'absent'> & { partial?: boolean };

export type EventLive = {
  event: EventRow;
  division: string;
  /** The running tally of the current marks; null without a scheme. */
  tally: EventTally | null;
  /** The latest run's results (hundredths), once locked. */
  stored: StoredResult[] | null;
  awards: Map<number, AwardTier>;
  names: Map<number, Names>;
  /** The standings as at the freeze, while the public board is frozen. */
  atFreeze: Standing[] | null;
  /** The newest mark taken into account. */
  marksThrough: number;
};

const NO_PROGRESS = { teams: 0, absent: 0, marked: 0, expected: 0 };

/** Loads everything an event's boards show, in one read snapshot. */
export function loadEventLive(db: Db, eventId: number, now: Date): EventLive {
  return db.$client.transaction(() => {
    const row = db
      .select({ event: events, division: divisions.name })
      .from(events)
      .innerJoin(divisions, eq(divisions.id, events.divisionId))
      .where(eq(events.id, eventId))
      .get();
    if (!row) throw notFound('event_not_found');
    const { event } = row;
    const run = latestRun(db, eventId);
    const stored = run ? db.select({ teamId: results.teamId, total: results.totalHundredths, rank: results.rank, absent: results.absent }).from(results).where(eq(results.runId, run.id)).all() : null;
    const names = new Map(
      db
        .select({ teamId: teams.id, team: teams.name, school: schools.name, prefecture: prefectures.name, workCode: checkIns.workCode })
        .from(checkIns)
        .innerJoin(teams, eq(teams.id, checkIns.teamId))
        .innerJoin(schools, eq(schools.id, teams.schoolId))
        .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
        .where(eq(checkIns.eventId, eventId))
        .all()
        .map(({ teamId, ...n }) => [teamId, n]),
    );
    const live: EventLive = {
      event,
      division: row.division,
      tally: loadTally(db, event),
      stored,
      awards: run && isPublished(event.status) ? tiersOfRun(db, run.id) : new Map(),
      names,
      atFreeze: null,
      marksThrough: lastMarkId(db),
    };
    if (frozenAt(event, now)) {
      const atFreeze = scoreEvent(db, eventId, event.freezeAt!);
      live.atFreeze = atFreeze ? standingsOf(live, atFreeze.ranked, false) : [];
    }
    return live;
  })();
}

function frozenAt(event: EventRow, now: Date): boolean {
  return event.freezeAt !== null && now >= event.freezeAt && !isPublished(event.status);
}

/** The tally from the event's current marks: the starting point the marks that follow are applied to. */
function loadTally(db: DbOrTx, event: EventRow): EventTally | null {
  const scheme = loadScheme(db, event.id);
  if (!scheme) return null;
  const present = db
    .select({ checkInId: checkIns.id, teamId: checkIns.teamId, completionSeconds: checkIns.completionSeconds })
    .from(checkIns)
    .where(and(eq(checkIns.eventId, event.id), eq(checkIns.status, 'present')))
    .all();
  const absent = db.select({ teamId: checkIns.teamId }).from(checkIns).where(and(eq(checkIns.eventId, event.id), eq(checkIns.status, 'absent'))).all();
  const panel = scoringJudgesOf(db, event.id);
  const tally = new EventTally(
    {
      criteria: scheme.criteria.map((c) => ({ id: c.id, moduleId: c.moduleId, maxMarks: hundredthsOf(c.maxMarks), kind: c.kind })),
      method: event.aggregationMethod,
      threshold: hundredthsOf(event.discrepancyThreshold),
      tieBreaks: event.tieBreaks,
      tieBreakByCompletionTime: event.tieBreakByCompletionTime,
    },
    present,
    absent.map((a) => a.teamId),
    panel,
  );
  const sheets = panel.length ? db.select({ id: scoringSheets.id, judgeId: scoringSheets.judgeId, checkInId: scoringSheets.checkInId }).from(scoringSheets).where(and(eq(scoringSheets.eventId, event.id), inArray(scoringSheets.judgeId, panel))).all() : [];
  const sheetOf = new Map(sheets.map((s) => [s.id, s]));
  for (const m of currentMarksOfSheets(db, [...sheetOf.keys()])) {
    const sheet = sheetOf.get(m.sheetId)!;
    tally.apply({ id: m.id, checkInId: sheet.checkInId, judgeId: sheet.judgeId, criterionId: m.criterionId, hundredths: m.hundredths });
  }
  return tally;
}

export type TailedMark = TallyMark & { eventId: number };

/** Every mark entered after `afterId`, oldest first, with its event and work code: how the tallies follow the marks. */
export function marksAfter(db: DbOrTx, afterId: number, limit = 5000): TailedMark[] {
  return prepared(db, 'live.marksAfter', () =>
    db
      .select({ id: marks.id, eventId: scoringSheets.eventId, checkInId: scoringSheets.checkInId, judgeId: scoringSheets.judgeId, criterionId: marks.criterionId, hundredths: marks.valueHundredths })
      .from(marks)
      .innerJoin(scoringSheets, eq(scoringSheets.id, marks.sheetId))
      .where(gt(marks.id, sql.placeholder('afterId')))
      .orderBy(asc(marks.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  ).all({ afterId, limit });
}

export function lastMarkId(db: DbOrTx): number {
  return db.select({ id: sql<number | null>`max(${marks.id})` }).from(marks).get()?.id ?? 0;
}

/** Ranked entries with names and (once published) awards; absent teams are left out, unscored ones come last. */
function standingsOf(live: EventLive, ranked: readonly StoredResult[], withAwards: boolean): Standing[] {
  return ranked
    .filter((r) => !r.absent)
    .map((r) => {
      const n = live.names.get(r.teamId) ?? { team: '', school: '', prefecture: '', workCode: null };
      return { teamId: r.teamId, ...n, total: fromOrNull(r.total), rank: r.rank, partial: r.partial ?? false, award: withAwards ? (live.awards.get(r.teamId) ?? null) : null };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.workCode ?? '').localeCompare(b.workCode ?? ''));
}

/** What the boards show now: the live or stored standings, the standings at the freeze, the progress. */
export function boardState(live: EventLive, now: Date): BoardState {
  const published = isPublished(live.event.status);
  return {
    mode: live.event.liveMode,
    freezeAt: live.event.freezeAt,
    decryptedAt: live.event.decryptedAt,
    published,
    live: standingsOf(live, live.stored ?? live.tally?.ranked() ?? [], true),
    atFreeze: frozenAt(live.event, now) ? live.atFreeze : null,
    progress: live.tally?.progress() ?? NO_PROGRESS,
  };
}
