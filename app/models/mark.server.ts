/**
 * Marks (评分记录): entered by an event's scoring judges against work codes only, checked against
 * the criterion, never overwritten (each change is a new row that supersedes the last), and safe
 * to resend: a mark's idempotency key makes a second delivery a no-op.
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { checkIns, criteria, discrepancyFlags, events, judgeAssignments, marks, schemeModules, scoringSchemes, scoringSheets } from '#db/schema.ts';
import { isDiscrepant, markProblem, spread } from '#app/domain/aggregation.ts';
import { fromHundredths, hundredthsOf, toHundredths } from '#app/domain/exact.ts';
import { isMarkable } from '#app/domain/event-lifecycle.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { forbidden, ModelError, notFound } from './errors.ts';
import { prepared } from './prepared.server.ts';
import { freezeScheme, loadScheme } from './scheme.server.ts';

export type MarkInput = { eventId: number; workCode: string; criterionId: number; value: number; idempotencyKey: string; reason?: string };

function requireScoringJudge(actor: Actor, eventId: number): number {
  requirePermission(actor, 'mark:enter', { eventId }, 'not_assigned');
  return actor.judgeId!;
}

/**
 * Each judge's current mark (the newest row) per criterion, for the given sheets; `asOf` gives the
 * marks as they stood at that moment (the frozen board's standings).
 */
export function currentMarksOfSheets(db: DbOrTx, sheetIds: number[], asOf?: Date) {
  if (sheetIds.length === 0) return [];
  // The newest row per sheet and criterion: one grouped pass over the (sheet, criterion) index.
  const newest = db
    .select({ id: sql<number>`max(${marks.id})` })
    .from(marks)
    .where(and(inArray(marks.sheetId, sheetIds), asOf ? lte(marks.createdAt, asOf) : undefined))
    .groupBy(marks.sheetId, marks.criterionId);
  return db
    .select({ id: marks.id, sheetId: marks.sheetId, criterionId: marks.criterionId, hundredths: marks.valueHundredths, createdAt: marks.createdAt })
    .from(marks)
    .where(inArray(marks.id, newest))
    .all();
}

/** A judge's sheets in an event: work codes only, never a team, school or person. */
export function judgeSheets(db: Db, actor: Actor, eventId: number) {
  const judgeId = requireScoringJudge(actor, eventId);
  const event = db.select({ id: events.id, code: events.code, name: events.name, status: events.status }).from(events).where(eq(events.id, eventId)).get();
  if (!event) throw notFound('event_not_found');
  const scheme = loadScheme(db, eventId);
  const codes = db
    .select({ checkInId: checkIns.id, workCode: checkIns.workCode })
    .from(checkIns)
    .where(and(eq(checkIns.eventId, eventId), eq(checkIns.status, 'present'), sql`${checkIns.workCode} is not null`))
    .orderBy(asc(checkIns.workCode))
    .all();
  const sheets = db.select().from(scoringSheets).where(and(eq(scoringSheets.eventId, eventId), eq(scoringSheets.judgeId, judgeId))).all();
  const current = currentMarksOfSheets(db, sheets.map((s) => s.id));
  return {
    event,
    criteria: (scheme?.modules ?? []).flatMap((m) =>
      m.criteria.map((c) => ({ id: c.id, code: c.code, name: c.name, module: m.name, maxMarks: c.maxMarks, decimals: c.decimals, kind: c.kind, allOrNothing: c.allOrNothing })),
    ),
    sheets: codes.map((code) => {
      const sheet = sheets.find((s) => s.checkInId === code.checkInId);
      const values = sheet ? current.filter((m) => m.sheetId === sheet.id) : [];
      return {
        workCode: code.workCode!,
        sheetId: sheet?.id ?? null,
        status: sheet?.status ?? 'open',
        marks: Object.fromEntries(values.map((m) => [m.criterionId, fromHundredths(m.hundredths)])) as Record<number, number>,
      };
    }),
  };
}

/** The queries of every mark, built once per connection (a venue enters thousands a minute). */
function markQueries(db: Db) {
  return prepared(db, 'marks', () => ({
    byKey: db.select().from(marks).where(eq(marks.idempotencyKey, sql.placeholder('key'))).prepare(),
    event: db.select().from(events).where(eq(events.id, sql.placeholder('eventId'))).prepare(),
    checkIn: db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.eventId, sql.placeholder('eventId')), eq(checkIns.workCode, sql.placeholder('workCode')), eq(checkIns.status, 'present')))
      .prepare(),
    criterion: db
      .select({ id: criteria.id, maxMarks: criteria.maxMarks, decimals: criteria.decimals, allOrNothing: criteria.allOrNothing, kind: criteria.kind })
      .from(criteria)
      .innerJoin(schemeModules, eq(schemeModules.id, criteria.moduleId))
      .innerJoin(scoringSchemes, eq(scoringSchemes.id, schemeModules.schemeId))
      .where(
        and(
          eq(scoringSchemes.eventId, sql.placeholder('eventId')),
          eq(criteria.id, sql.placeholder('criterionId')),
          isNull(criteria.retiredAt),
          isNull(schemeModules.retiredAt),
        ),
      )
      .prepare(),
    sheet: db.select().from(scoringSheets).where(and(eq(scoringSheets.judgeId, sql.placeholder('judgeId')), eq(scoringSheets.checkInId, sql.placeholder('checkInId')))).prepare(),
    previous: db
      .select({ id: marks.id, hundredths: marks.valueHundredths })
      .from(marks)
      .where(and(eq(marks.sheetId, sql.placeholder('sheetId')), eq(marks.criterionId, sql.placeholder('criterionId'))))
      .orderBy(desc(marks.id))
      .limit(1)
      .prepare(),
    insertSheet: db
      .insert(scoringSheets)
      .values({ eventId: sql.placeholder('eventId'), judgeId: sql.placeholder('judgeId'), checkInId: sql.placeholder('checkInId') })
      .returning()
      .prepare(),
    insertMark: db
      .insert(marks)
      .values({
        sheetId: sql.placeholder('sheetId'),
        criterionId: sql.placeholder('criterionId'),
        valueHundredths: sql.placeholder('hundredths'),
        idempotencyKey: sql.placeholder('idempotencyKey'),
        reason: sql.placeholder('reason'),
        enteredBy: sql.placeholder('enteredBy'),
        supersedesId: sql.placeholder('supersedesId'),
        createdAt: sql.placeholder('createdAt'),
      })
      .returning()
      .prepare(),
    /** The live panel's current marks on one criterion of one work code (a revoked judge's no longer count). */
    panelValues: db
      .select({ hundredths: marks.valueHundredths })
      .from(marks)
      .innerJoin(scoringSheets, eq(scoringSheets.id, marks.sheetId))
      .innerJoin(
        judgeAssignments,
        and(eq(judgeAssignments.eventId, scoringSheets.eventId), eq(judgeAssignments.judgeId, scoringSheets.judgeId), eq(judgeAssignments.role, 'scoring_judge'), isNull(judgeAssignments.revokedAt)),
      )
      .where(
        and(
          eq(scoringSheets.checkInId, sql.placeholder('checkInId')),
          eq(marks.criterionId, sql.placeholder('criterionId')),
          sql`${marks.id} = (select max(m2.id) from marks m2 where m2.sheet_id = ${marks.sheetId} and m2.criterion_id = ${marks.criterionId})`,
        ),
      )
      .prepare(),
    openFlag: db
      .select()
      .from(discrepancyFlags)
      .where(
        and(
          eq(discrepancyFlags.checkInId, sql.placeholder('checkInId')),
          eq(discrepancyFlags.criterionId, sql.placeholder('criterionId')),
          eq(discrepancyFlags.status, 'open'),
        ),
      )
      .prepare(),
  }));
}

/** Enters or changes one mark. Returns the stored mark, and whether it was a resend. */
export function putMark(db: Db, actor: Actor, input: MarkInput, now = new Date()) {
  const judgeId = requireScoringJudge(actor, input.eventId);
  const q = markQueries(db);
  return atomically(db, () => {
    const hundredths = toHundredths(input.value);
    const resent = q.byKey.get({ key: input.idempotencyKey });
    if (resent) {
      if (resent.enteredBy !== actor.userId || resent.criterionId !== input.criterionId || resent.valueHundredths !== hundredths) {
        throw new ModelError(409, 'idempotency_conflict');
      }
      return { mark: resent, duplicate: true };
    }
    const event = q.event.get({ eventId: input.eventId });
    if (!event) throw notFound('event_not_found');
    if (!isMarkable(event.status)) throw new ModelError(409, 'event_not_scoring');
    const checkIn = q.checkIn.get({ eventId: input.eventId, workCode: input.workCode });
    if (!checkIn) throw new ModelError(404, 'work_code_not_found', { workCode: input.workCode.slice(0, 20) });
    const criterion = q.criterion.get({ eventId: input.eventId, criterionId: input.criterionId });
    if (!criterion) throw new ModelError(422, 'criterion_not_in_scheme', {}, { criterionId: 'errors.criterion_not_in_scheme' });
    const problem = markProblem(input.value, criterion);
    if (problem) {
      throw new ModelError(422, `mark_${problem}`, { max: criterion.maxMarks, decimals: criterion.decimals }, { value: `errors.mark_${problem}` });
    }
    const sheet = q.sheet.get({ judgeId, checkInId: checkIn.id }) ?? q.insertSheet.get({ eventId: input.eventId, judgeId, checkInId: checkIn.id })!;
    if (sheet.status === 'submitted') throw new ModelError(409, 'sheet_submitted');
    const previous = q.previous.get({ sheetId: sheet.id, criterionId: criterion.id });
    const mark = q.insertMark.get({
      sheetId: sheet.id,
      criterionId: criterion.id,
      hundredths,
      idempotencyKey: input.idempotencyKey,
      reason: input.reason ?? null,
      enteredBy: actor.userId,
      supersedesId: previous?.id ?? null,
      createdAt: now,
    })!;
    // The scheme freezes with its first mark (a sheet's first mark on a criterion is enough to ask).
    if (!previous) freezeScheme(db, input.eventId, now);
    recordAudit(db, actor, {
      action: previous ? 'mark.change' : 'mark.enter',
      entity: 'mark',
      entityId: mark.id,
      before: previous ? { value: fromHundredths(previous.hundredths) } : null,
      after: { sheetId: sheet.id, criterionId: criterion.id, value: input.value },
      reason: input.reason,
    });
    if (criterion.kind === 'judgement') updateFlag(db, q, event, checkIn.id, criterion.id, now);
    eventChanged(db, input.eventId, 'marks');
    return { mark, duplicate: false, sheetId: sheet.id };
  });
}

/**
 * Looks again at an event's open flags after its panel changed (a judge revoked): a flag raised
 * only by the revoked judge's marks closes, since those marks no longer count.
 */
export function reviewOpenFlags(db: Db, eventId: number, now = new Date()) {
  const q = markQueries(db);
  const event = q.event.get({ eventId })!;
  const open = db.select().from(discrepancyFlags).where(and(eq(discrepancyFlags.eventId, eventId), eq(discrepancyFlags.status, 'open'))).all();
  for (const flag of open) updateFlag(db, q, event, flag.checkInId, flag.criterionId, now);
}

/** Opens a flag when the judges' marks spread past the threshold; closes it when they no longer do. */
function updateFlag(tx: DbOrTx, q: ReturnType<typeof markQueries>, event: typeof events.$inferSelect, checkInId: number, criterionId: number, now: Date) {
  const values = q.panelValues.all({ checkInId, criterionId }).map((m) => m.hundredths);
  const open = q.openFlag.get({ checkInId, criterionId });
  const discrepant = isDiscrepant('judgement', values, hundredthsOf(event.discrepancyThreshold));
  const spreadNow = fromHundredths(spread(values));
  if (discrepant && !open) {
    tx.insert(discrepancyFlags).values({ eventId: event.id, checkInId, criterionId, spread: spreadNow, createdAt: now }).run();
  } else if (discrepant && open) {
    tx.update(discrepancyFlags).set({ spread: spreadNow }).where(eq(discrepancyFlags.id, open.id)).run();
  } else if (!discrepant && open) {
    tx.update(discrepancyFlags).set({ status: 'resolved', resolution: '评分差值已回到阈值内 (spread back within threshold)', resolvedAt: now }).where(eq(discrepancyFlags.id, open.id)).run();
  }
}

/** The judge's final word on a sheet: every criterion must be marked. */
export function submitSheet(db: Db, actor: Actor, sheetId: number, now = new Date()) {
  atomically(db, (tx) => {
    const sheet = tx.select().from(scoringSheets).where(eq(scoringSheets.id, sheetId)).get();
    if (!sheet) throw notFound();
    if (requireScoringJudge(actor, sheet.eventId) !== sheet.judgeId) throw forbidden('not_assigned');
    if (sheet.status === 'submitted') return;
    const scheme = loadScheme(tx, sheet.eventId)!;
    const marked = new Set(currentMarksOfSheets(tx, [sheet.id]).map((m) => m.criterionId));
    const missing = scheme.criteria.filter((c) => !marked.has(c.id));
    if (missing.length) throw new ModelError(422, 'sheet_incomplete', { count: missing.length, criteria: missing.map((c) => c.code).join('、') });
    tx.update(scoringSheets).set({ status: 'submitted', submittedAt: now }).where(eq(scoringSheets.id, sheet.id)).run();
    recordAudit(tx, actor, { action: 'sheet.submit', entity: 'scoring_sheet', entityId: sheet.id, after: { status: 'submitted' } });
  });
}

/** The chief judge reopens a submitted sheet, with a reason, so its judge can correct it. */
export function reopenSheet(db: Db, actor: Actor, sheetId: number, reason: string) {
  atomically(db, (tx) => {
    const sheet = tx.select().from(scoringSheets).where(eq(scoringSheets.id, sheetId)).get();
    if (!sheet) throw notFound();
    requirePermission(actor, 'marking:chief', { eventId: sheet.eventId });
    if (!reason.trim()) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
    const event = tx.select({ status: events.status }).from(events).where(eq(events.id, sheet.eventId)).get()!;
    if (!isMarkable(event.status)) throw new ModelError(409, 'event_not_scoring');
    tx.update(scoringSheets).set({ status: 'open', submittedAt: null }).where(eq(scoringSheets.id, sheetId)).run();
    recordAudit(tx, actor, { action: 'sheet.reopen', entity: 'scoring_sheet', entityId: sheetId, before: { status: sheet.status }, after: { status: 'open' }, reason });
  });
}

/** The chief judge closes a discrepancy flag with a word on how it was settled. */
export function resolveFlag(db: Db, actor: Actor, flagId: number, resolution: string, now = new Date()) {
  atomically(db, (tx) => {
    const flag = tx.select().from(discrepancyFlags).where(eq(discrepancyFlags.id, flagId)).get();
    if (!flag) throw notFound();
    requirePermission(actor, 'marking:chief', { eventId: flag.eventId });
    if (!resolution.trim()) throw new ModelError(422, 'reason_required', {}, { resolution: 'errors.reason_required' });
    if (flag.status !== 'open') return;
    tx.update(discrepancyFlags).set({ status: 'resolved', resolution, resolvedBy: actor.userId, resolvedAt: now }).where(eq(discrepancyFlags.id, flagId)).run();
    recordAudit(tx, actor, { action: 'flag.resolve', entity: 'discrepancy_flag', entityId: flagId, before: { status: 'open' }, after: { status: 'resolved' }, reason: resolution });
  });
}

/** The live scoring judges of an event (the panel whose sheets must all be in). */
export function scoringJudgesOf(db: DbOrTx, eventId: number) {
  return db
    .select({ judgeId: judgeAssignments.judgeId })
    .from(judgeAssignments)
    .where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.role, 'scoring_judge'), isNull(judgeAssignments.revokedAt)))
    .all()
    .map((r) => r.judgeId);
}
