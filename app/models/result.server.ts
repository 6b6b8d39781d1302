/**
 * The chief judge's desk and the results (成绩): progress, open flags, the per-judge report, and
 * the lock (签字确认) that computes and stores the results once, then decrypts the event.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { checkIns, criteria, discrepancyFlags, judges, results, resultRuns, schools, scoringSheets, teams } from '#db/schema.ts';
import { aggregationProblem, scoreTeam, TRIMMED_MEAN_MIN_JUDGES, type TeamScore } from '#app/domain/aggregation.ts';
import { fromHundredths, fromOrNull, hundredthsOf, SCORE_ROUNDING } from '#app/domain/exact.ts';
import { rankTeams } from '#app/domain/ranking.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { panelConflicts } from './conflict.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { ModelError, notFound } from './errors.ts';
import { currentMarksOfSheets, scoringJudgesOf } from './mark.server.ts';
import { loadScheme } from './scheme.server.ts';
import { rankReviewed, reviewedCategory, reviewObstacles } from './review-results.server.ts';
import { DEFAULT_REVIEW_RULES } from '#app/domain/review-scores.ts';

const percent = (share: number) => Math.round(share * 10000) / 100;

/** The chief judge's desk: the event's chief judge, and the organiser. */
function requireChief(actor: Actor, eventId: number) {
  requirePermission(actor, 'marking:review', { eventId });
}

/**
 * Present work codes, the panel, the panel's sheets and their current marks. Only the live
 * scoring panel counts: a revoked judge's sheets (回避, replacement) stop counting at once.
 */
function loadMarking(db: DbOrTx, eventId: number, asOf?: Date) {
  const present = db
    .select({ checkInId: checkIns.id, workCode: checkIns.workCode, teamId: checkIns.teamId, completionSeconds: checkIns.completionSeconds })
    .from(checkIns)
    .where(and(eq(checkIns.eventId, eventId), eq(checkIns.status, 'present')))
    .orderBy(asc(checkIns.workCode))
    .all();
  const panel = scoringJudgesOf(db, eventId);
  const panelNames = panel.length ? db.select({ id: judges.id, name: judges.name }).from(judges).where(inArray(judges.id, panel)).all() : [];
  const onPanel = new Set(panel);
  const sheets = db.select().from(scoringSheets).where(eq(scoringSheets.eventId, eventId)).all().filter((s) => onPanel.has(s.judgeId));
  const current = currentMarksOfSheets(db, sheets.map((s) => s.id), asOf);
  return { present, panel: panelNames, sheets, current };
}

/** Marking progress per judge and per work code (work codes only: the chief judge is a judge too). */
export function eventProgress(db: Db, actor: Actor, eventId: number) {
  requireChief(actor, eventId);
  const event = eventOrThrow(db, eventId);
  const { present, panel, sheets } = loadMarking(db, eventId);
  const submitted = (filter: (s: (typeof sheets)[number]) => boolean) => sheets.filter((s) => s.status === 'submitted' && filter(s)).length;
  return {
    event: { id: event.id, code: event.code, name: event.name, status: event.status },
    byJudge: panel.map((j) => ({ judgeId: j.id, name: j.name, submitted: submitted((s) => s.judgeId === j.id), of: present.length })),
    byWorkCode: present.map((p) => ({
      workCode: p.workCode!,
      submitted: submitted((s) => s.checkInId === p.checkInId),
      of: panel.length,
      sheets: sheets.filter((s) => s.checkInId === p.checkInId).map((s) => ({ sheetId: s.id, judgeId: s.judgeId, status: s.status })),
    })),
  };
}

/** Open flags with every judge's mark side by side. */
export function openFlags(db: Db, actor: Actor, eventId: number) {
  requireChief(actor, eventId);
  const { sheets, current, panel } = loadMarking(db, eventId);
  const flags = db
    .select({ id: discrepancyFlags.id, checkInId: discrepancyFlags.checkInId, criterionId: discrepancyFlags.criterionId, spread: discrepancyFlags.spread, workCode: checkIns.workCode, criterion: criteria.name, code: criteria.code })
    .from(discrepancyFlags)
    .innerJoin(checkIns, eq(checkIns.id, discrepancyFlags.checkInId))
    .innerJoin(criteria, eq(criteria.id, discrepancyFlags.criterionId))
    .where(and(eq(discrepancyFlags.eventId, eventId), eq(discrepancyFlags.status, 'open')))
    .all();
  return flags.map((f) => ({
    ...f,
    marks: sheets
      .filter((s) => s.checkInId === f.checkInId)
      .map((s) => ({ judge: panel.find((j) => j.id === s.judgeId)?.name ?? '', sheetId: s.id, value: fromOrNull(current.find((m) => m.sheetId === s.id && m.criterionId === f.criterionId)?.hundredths) })),
  }));
}

/**
 * Each judge against the panel: the mean of the judge's marks as a share of the criteria's
 * maximum, and how far the judge sits from the panel's mean of the same marks on average, so a
 * harsh or lenient judge shows.
 */
export function judgeReport(db: Db, actor: Actor, eventId: number) {
  requireChief(actor, eventId);
  const scheme = loadScheme(db, eventId);
  const { sheets, current, panel } = loadMarking(db, eventId);
  const max = new Map(scheme?.criteria.map((c) => [c.id, c.maxMarks]) ?? []);
  const cellKey = (checkInId: number, criterionId: number) => `${checkInId}|${criterionId}`;
  const cells = new Map<string, number[]>();
  const checkInOf = new Map(sheets.map((s) => [s.id, s.checkInId]));
  for (const m of current) {
    const key = cellKey(checkInOf.get(m.sheetId)!, m.criterionId);
    cells.set(key, [...(cells.get(key) ?? []), fromHundredths(m.hundredths)]);
  }
  return panel.map((j) => {
    const own = current.filter((m) => sheets.find((s) => s.id === m.sheetId)?.judgeId === j.id);
    // A report of tendencies in percent, not a score: plain floating point is fine here.
    const shares = own.map((m) => fromHundredths(m.hundredths) / (max.get(m.criterionId) ?? 1));
    const deviations = own.map((m) => {
      const all = cells.get(cellKey(checkInOf.get(m.sheetId)!, m.criterionId))!;
      return (fromHundredths(m.hundredths) - all.reduce((a, b) => a + b, 0) / all.length) / (max.get(m.criterionId) ?? 1);
    });
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    const meanShare = avg(shares);
    return {
      judgeId: j.id,
      name: j.name,
      marks: own.length,
      meanPercent: percent(meanShare),
      spreadPercent: percent(Math.sqrt(avg(shares.map((s) => (s - meanShare) ** 2)))),
      deviationPercent: percent(avg(deviations)),
    };
  });
}

/**
 * Scores every present team from the current marks (or those as at `asOf`) and ranks them with
 * the absent ones; with the counts a live board shows. Null when the event has no scheme.
 */
export function scoreEvent(db: DbOrTx, eventId: number, asOf?: Date) {
  const event = eventOrThrow(db, eventId);
  const scheme = loadScheme(db, eventId);
  if (!scheme) return null;
  const { present, panel, sheets, current } = loadMarking(db, eventId, asOf);
  const absent = db.select({ teamId: checkIns.teamId }).from(checkIns).where(and(eq(checkIns.eventId, eventId), eq(checkIns.status, 'absent'))).all();
  const schemeCriteria = scheme.criteria.map((c) => ({ id: c.id, moduleId: c.moduleId, maxMarks: hundredthsOf(c.maxMarks), kind: c.kind }));
  // Each team's marks, grouped once: sheet → work code, then criterion → the judges' values.
  const checkInOfSheet = new Map(sheets.map((s) => [s.id, s.checkInId]));
  const marksOf = new Map<number, Map<number, number[]>>();
  for (const m of current) {
    const checkInId = checkInOfSheet.get(m.sheetId)!;
    let byCriterion = marksOf.get(checkInId);
    if (!byCriterion) marksOf.set(checkInId, (byCriterion = new Map()));
    const values = byCriterion.get(m.criterionId);
    if (values) values.push(m.hundredths);
    else byCriterion.set(m.criterionId, [m.hundredths]);
  }
  const scores = new Map<number, TeamScore>();
  for (const p of present) scores.set(p.teamId, scoreTeam(schemeCriteria, marksOf.get(p.checkInId) ?? new Map(), event.aggregationMethod, hundredthsOf(event.discrepancyThreshold)));
  const ranked = rankTeams(
    [
      ...present.map((p) => ({ teamId: p.teamId, absent: false, score: scores.get(p.teamId)!, completionSeconds: p.completionSeconds })),
      ...absent.map((a) => ({ teamId: a.teamId, absent: true, score: null, completionSeconds: null })),
    ],
    event.tieBreaks,
    event.tieBreakByCompletionTime,
  );
  return {
    ranked,
    scores,
    progress: { teams: present.length, absent: absent.length, marked: current.length, expected: present.length * panel.length * scheme.criteria.length },
  };
}

/** The ranked teams of an event, from its current marks (or those as at `asOf`). */
export function computeResults(db: DbOrTx, eventId: number, asOf?: Date) {
  // An entry category's event is scored by its online review, not by marks on sheets.
  const reviewed = reviewedCategory(db, eventId);
  if (reviewed) return rankReviewed(db, reviewed.id);
  const scored = scoreEvent(db, eventId, asOf);
  if (!scored) throw notFound();
  return scored.ranked;
}

/**
 * What still stands in the way of signing off: sheets not submitted by the panel, open flags, a
 * panel too small for the method, and judges of a competing school (回避) on the panel.
 */
export function lockObstacles(db: DbOrTx, eventId: number) {
  const event = eventOrThrow(db, eventId);
  const reviewed = reviewedCategory(db, eventId);
  if (reviewed) {
    const review = reviewObstacles(db, reviewed.id);
    return { sheetsOutstanding: 0, reviewsOutstanding: review.reviewsOutstanding, flagsOpen: review.flagsOpen, panelProblem: null, panelSize: review.reviewers, conflicts: [] };
  }
  const { present, panel, sheets } = loadMarking(db, eventId);
  const submitted = sheets.filter((s) => s.status === 'submitted').length;
  const flags = db.select({ id: discrepancyFlags.id }).from(discrepancyFlags).where(and(eq(discrepancyFlags.eventId, eventId), eq(discrepancyFlags.status, 'open'))).all();
  return {
    sheetsOutstanding: present.length * panel.length - submitted,
    reviewsOutstanding: 0,
    flagsOpen: flags.length,
    panelProblem: aggregationProblem(event.aggregationMethod, panel.length),
    panelSize: panel.length,
    conflicts: panelConflicts(db, eventId),
  };
}

/** The lock's obstacles, for the chief judge's desk (and the organiser's). */
export function lockReadiness(db: Db, actor: Actor, eventId: number) {
  requireChief(actor, eventId);
  return lockObstacles(db, eventId);
}

/**
 * An event's scoring rules as anyone may read them: how the judges' marks are combined, when a
 * judgement criterion goes to the chief judge, and how aggregates are rounded.
 */
export function scoringRules(db: DbOrTx, eventId: number) {
  const event = eventOrThrow(db, eventId);
  // An entry category's event: its reviewers' totals are combined by the category's review rules.
  const reviewed = reviewedCategory(db, eventId);
  const review = reviewed ? (reviewed.rules.review ?? DEFAULT_REVIEW_RULES) : null;
  return {
    review: review ? { method: review.method, normalise: review.normalise, flagSpread: fromHundredths(review.flagSpread) } : null,
    aggregationMethod: event.aggregationMethod,
    discrepancyThreshold: event.discrepancyThreshold,
    rounding: SCORE_ROUNDING,
    trimmedMeanMinJudges: TRIMMED_MEAN_MIN_JUDGES,
  };
}

/** The latest computation of an event's results: the lock, or the re-lock after an upheld appeal. */
export function latestRun(db: DbOrTx, eventId: number) {
  return db.select().from(resultRuns).where(eq(resultRuns.eventId, eventId)).orderBy(desc(resultRuns.id)).limit(1).get();
}

/** The stored results of the latest run, with names: for the organiser and the chief judge once decrypted. */
export function getResults(db: Db, actor: Actor, eventId: number) {
  requireChief(actor, eventId);
  const event = eventOrThrow(db, eventId);
  if (!event.decryptedAt) throw new ModelError(409, 'not_decrypted');
  const run = latestRun(db, eventId);
  if (!run) throw new ModelError(409, 'not_decrypted');
  const rows = db
    .select({ teamId: teams.id, team: teams.name, school: schools.name, totalHundredths: results.totalHundredths, rank: results.rank, absent: results.absent, tieBreakValues: results.tieBreakValues, workCode: checkIns.workCode })
    .from(results)
    .innerJoin(teams, eq(teams.id, results.teamId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .leftJoin(checkIns, and(eq(checkIns.teamId, teams.id), eq(checkIns.eventId, eventId)))
    .where(eq(results.runId, run.id))
    .all()
    .map(({ totalHundredths, tieBreakValues, ...r }) => ({ ...r, total: fromOrNull(totalHundredths), tieBreakValues: tieBreakValues.map(fromHundredths) }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.teamId - b.teamId);
  return { event: { id: event.id, code: event.code, name: event.name, status: event.status, decryptedAt: event.decryptedAt }, runId: run.id, computedAt: run.createdAt, rows };
}
