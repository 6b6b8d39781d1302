/**
 * Appeals (申诉): during the announcement period a school appeals on its own team; the arbiter
 * upholds or rejects it; an upheld appeal lets the event's chief judge reopen that team's marks,
 * correct them (each correction a new mark row, audited) and re-lock, which stores a new result
 * run with its awards. The published run stays public until the re-lock replaces it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { appeals, attachments, checkIns, events, judges, marks, schools, scoringSheets, teams } from '#db/schema.ts';
import { markProblem } from '#app/domain/aggregation.ts';
import { fromHundredths, fromOrNull, hundredthsOf } from '#app/domain/exact.ts';
import { isAppealWindowOpen } from '#app/domain/event-lifecycle.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { ModelError, notFound } from './errors.ts';
import { currentMarksOfSheets } from './mark.server.ts';
import { announcementEndOf, appealPending } from './publication.server.ts';
import { eventOrThrow } from './competition.server.ts';
import { awardChanges, currentTiers, storeRun } from './run.server.ts';
import { loadScheme } from './scheme.server.ts';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** What an attachment may be, told by its first bytes rather than by what the browser claims. */
const ATTACHMENT_TYPES: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

export type Attachment = { name: string; data: Buffer };
export type AppealInput = { teamId: number; reason: string; attachment?: Attachment | null };

function attachmentType(data: Buffer): string | null {
  return ATTACHMENT_TYPES.find((t) => t.magic.every((b, i) => data[i] === b))?.type ?? null;
}

function appealOrThrow(db: DbOrTx, appealId: number) {
  const appeal = db.select().from(appeals).where(eq(appeals.id, appealId)).get();
  if (!appeal) throw notFound('appeal_not_found');
  return appeal;
}

/** Why an appeal on this team cannot be filed now (outside the period, or one still pending), or null. */
function appealRefusal(db: DbOrTx, team: { id: number; eventId: number }, now: Date): 'appeal_period_closed' | 'appeal_pending' | null {
  const event = eventOrThrow(db, team.eventId);
  const endsAt = announcementEndOf(db, event.id);
  if (!isAppealWindowOpen(event.status, endsAt, now)) return 'appeal_period_closed';
  const pending = db.select({ id: appeals.id }).from(appeals).where(and(eq(appeals.teamId, team.id), appealPending)).get();
  return pending ? 'appeal_pending' : null;
}

/** Only the team's own school appeals (the organiser does not appeal on a school's behalf). */
function ownTeam(db: DbOrTx, actor: Actor, teamId: number) {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw notFound('team_not_found');
  requirePermission(actor, 'appeal:file', { schoolId: team.schoolId });
  return team;
}

/** Whether the school may appeal on this team now: the page offers the form only then. */
export function canFileAppeal(db: Db, actor: Actor, teamId: number, now = new Date()): boolean {
  return appealRefusal(db, ownTeam(db, actor, teamId), now) === null;
}

/** A school appeals on its own team while the event's announcement period runs. */
export function fileAppeal(db: Db, actor: Actor, input: AppealInput, now = new Date()) {
  const team = ownTeam(db, actor, input.teamId);
  const reason = input.reason.trim();
  if (!reason) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  let contentType: string | null = null;
  if (input.attachment) {
    if (input.attachment.data.length > ATTACHMENT_MAX_BYTES) throw new ModelError(422, 'attachment_too_large', { max: '5 MB' }, { attachment: 'errors.attachment_too_large' });
    contentType = attachmentType(input.attachment.data);
    if (!contentType) throw new ModelError(422, 'attachment_type', {}, { attachment: 'errors.attachment_type' });
  }
  return atomically(db, (tx) => {
    const refusal = appealRefusal(tx, team, now);
    if (refusal) throw new ModelError(409, refusal);
    const attachment = input.attachment
      ? tx
          .insert(attachments)
          .values({ name: input.attachment.name.slice(0, 200), contentType: contentType!, size: input.attachment.data.length, sha256: createHash('sha256').update(input.attachment.data).digest('hex'), data: input.attachment.data, uploadedBy: actor.userId, createdAt: now })
          .returning({ id: attachments.id })
          .get()
      : null;
    const appeal = tx.insert(appeals).values({ eventId: team.eventId, teamId: team.id, schoolId: team.schoolId, reason, attachmentId: attachment?.id ?? null, filedBy: actor.userId, createdAt: now }).returning().get();
    recordAudit(tx, actor, { action: 'appeal.file', entity: 'appeal', entityId: appeal.id, after: { eventId: team.eventId, teamId: team.id, attachment: !!attachment }, reason });
    return appeal;
  });
}

export type Decision = { decision: 'upheld' | 'rejected'; reason: string };

/** The arbiter decides a filed appeal, with a reason. */
export function decideAppeal(db: Db, actor: Actor, appealId: number, decision: Decision, now = new Date()) {
  requirePermission(actor, 'appeal:decide');
  const reason = decision.reason.trim();
  if (!reason) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  return atomically(db, (tx) => {
    const appeal = appealOrThrow(tx, appealId);
    if (appeal.status !== 'filed') throw new ModelError(409, 'appeal_decided');
    tx.update(appeals).set({ status: decision.decision, decidedBy: actor.userId, decidedAt: now, decisionReason: reason }).where(eq(appeals.id, appealId)).run();
    recordAudit(tx, actor, { action: `appeal.${decision.decision === 'upheld' ? 'uphold' : 'reject'}`, entity: 'appeal', entityId: appealId, before: { status: 'filed' }, after: { status: decision.decision }, reason });
    return { ...appeal, status: decision.decision, decisionReason: reason };
  });
}

function requireReopenable(tx: DbOrTx, actor: Actor, appealId: number) {
  const appeal = appealOrThrow(tx, appealId);
  requirePermission(actor, 'appeal:reopen', { eventId: appeal.eventId });
  if (appeal.status !== 'upheld' || appeal.resolvedRunId !== null) throw new ModelError(409, 'appeal_not_open');
  const event = eventOrThrow(tx, appeal.eventId);
  if (event.status !== 'published') throw new ModelError(409, 'event_final');
  return appeal;
}

/** The chief judge reopens the appealed team's marks for correction. */
export function reopenForAppeal(db: Db, actor: Actor, appealId: number, now = new Date()) {
  return atomically(db, (tx) => {
    const appeal = requireReopenable(tx, actor, appealId);
    if (appeal.reopenedAt) return appeal;
    tx.update(appeals).set({ reopenedAt: now, reopenedBy: actor.userId }).where(eq(appeals.id, appealId)).run();
    recordAudit(tx, actor, { action: 'appeal.reopen', entity: 'appeal', entityId: appealId, after: { teamId: appeal.teamId }, reason: '申诉成立，重开该队评分 (upheld appeal: marks reopened)' });
    return { ...appeal, reopenedAt: now };
  });
}

export type Correction = { appealId: number; sheetId: number; criterionId: number; value: number; reason: string };

/** The chief judge corrects one mark of the reopened team: a new row that supersedes the judge's. */
export function correctMark(db: Db, actor: Actor, input: Correction, now = new Date()) {
  const reason = input.reason.trim();
  if (!reason) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  return atomically(db, (tx) => {
    const appeal = requireReopenable(tx, actor, input.appealId);
    if (!appeal.reopenedAt) throw new ModelError(409, 'appeal_not_reopened');
    const sheet = tx
      .select({ id: scoringSheets.id, teamId: checkIns.teamId })
      .from(scoringSheets)
      .innerJoin(checkIns, eq(checkIns.id, scoringSheets.checkInId))
      .where(and(eq(scoringSheets.id, input.sheetId), eq(scoringSheets.eventId, appeal.eventId)))
      .get();
    if (!sheet || sheet.teamId !== appeal.teamId) throw new ModelError(422, 'sheet_not_appealed', {}, { sheetId: 'errors.sheet_not_appealed' });
    const criterion = loadScheme(tx, appeal.eventId)?.criteria.find((c) => c.id === input.criterionId);
    if (!criterion) throw new ModelError(422, 'criterion_not_in_scheme', {}, { criterionId: 'errors.criterion_not_in_scheme' });
    const problem = markProblem(input.value, criterion);
    if (problem) throw new ModelError(422, `mark_${problem}`, { max: criterion.maxMarks, decimals: criterion.decimals }, { value: `errors.mark_${problem}` });
    const previous = currentMarksOfSheets(tx, [sheet.id]).find((m) => m.criterionId === criterion.id);
    const mark = tx
      .insert(marks)
      .values({ sheetId: sheet.id, criterionId: criterion.id, valueHundredths: hundredthsOf(input.value), idempotencyKey: `appeal-${appeal.id}-${randomUUID()}`, reason: `申诉 #${appeal.id}：${reason}`, enteredBy: actor.userId, supersedesId: previous?.id ?? null, createdAt: now })
      .returning()
      .get();
    // The tally follows the marks table: the correction counts there at once (the board shows the stored results until the re-lock).
    eventChanged(tx, appeal.eventId, 'marks');
    recordAudit(tx, actor, { action: 'mark.correct', entity: 'mark', entityId: mark.id, before: previous ? { value: fromHundredths(previous.hundredths) } : null, after: { sheetId: sheet.id, criterionId: criterion.id, value: input.value, appealId: appeal.id }, reason });
    return mark;
  });
}

/**
 * The chief judge re-locks after correcting: a new result run with its awards replaces the
 * published one, the award changes are audited, and every board and page follows.
 */
export function relockAfterAppeal(db: Db, actor: Actor, appealId: number, now = new Date()) {
  return atomically(db, (tx) => {
    const appeal = requireReopenable(tx, actor, appealId);
    if (!appeal.reopenedAt) throw new ModelError(409, 'appeal_not_reopened');
    const before = currentTiers(tx, appeal.eventId);
    const { run, awards } = storeRun(tx, actor, appeal.eventId, `appeal:${appeal.id}`, now);
    tx.update(appeals).set({ resolvedRunId: run.id }).where(eq(appeals.id, appealId)).run();
    const changes = awardChanges(before, awards);
    recordAudit(tx, actor, { action: 'event.relock', entity: 'event', entityId: appeal.eventId, after: { runId: run.id, appealId, awardChanges: changes }, reason: `申诉 #${appeal.id} 更正后重新签字确认 (re-locked after appeal)` });
    eventChanged(tx, appeal.eventId);
    return { runId: run.id, changes };
  });
}

const appealColumns = {
  id: appeals.id,
  eventId: appeals.eventId,
  eventCode: events.code,
  eventName: events.name,
  teamId: appeals.teamId,
  team: teams.name,
  school: schools.name,
  reason: appeals.reason,
  status: appeals.status,
  decisionReason: appeals.decisionReason,
  decidedAt: appeals.decidedAt,
  reopenedAt: appeals.reopenedAt,
  resolvedRunId: appeals.resolvedRunId,
  attachmentId: appeals.attachmentId,
  attachmentName: attachments.name,
  createdAt: appeals.createdAt,
};

function appealList(db: DbOrTx) {
  return db
    .select(appealColumns)
    .from(appeals)
    .innerJoin(events, eq(events.id, appeals.eventId))
    .innerJoin(teams, eq(teams.id, appeals.teamId))
    .innerJoin(schools, eq(schools.id, appeals.schoolId))
    .leftJoin(attachments, eq(attachments.id, appeals.attachmentId));
}

/** The arbiter's (and the organiser's) view: appeals to decide first, then the decided ones. */
export function appealsForArbiter(db: Db, actor: Actor) {
  requirePermission(actor, 'appeal:list');
  const all = appealList(db).orderBy(desc(appeals.createdAt)).all();
  return { toDecide: all.filter((a) => a.status === 'filed').reverse(), decided: all.filter((a) => a.status !== 'filed') };
}

/**
 * Appeals a slice at a time for programs, in the order they were filed: a school's own, or every
 * appeal for the arbiter and the organiser; with the cursor of the next slice.
 */
export function appealSlice(db: Db, actor: Actor, { schoolId, cursor = 0, limit = 100 }: { schoolId: number | null; cursor?: number; limit?: number }) {
  if (schoolId !== null) requirePermission(actor, 'results:read-own', { schoolId });
  else requirePermission(actor, 'appeal:list');
  const rows = appealList(db)
    .where(and(gt(appeals.id, cursor), schoolId !== null ? eq(appeals.schoolId, schoolId) : undefined))
    .orderBy(asc(appeals.id))
    .limit(limit + 1)
    .all();
  return { appeals: rows.slice(0, limit), nextCursor: rows.length > limit ? String(rows[limit - 1].id) : null };
}

/** A school's own appeals. */
export function appealsOfSchool(db: Db, actor: Actor, schoolId: number) {
  requirePermission(actor, 'results:read-own', { schoolId });
  return appealList(db).where(eq(appeals.schoolId, schoolId)).orderBy(desc(appeals.createdAt)).all();
}

/**
 * The chief judge's view of the event's upheld appeals; for a reopened one, the team's marks by
 * judge and criterion, to correct.
 */
export function appealsForChief(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'marking:review', { eventId });
  const upheld = appealList(db).where(and(eq(appeals.eventId, eventId), eq(appeals.status, 'upheld'))).orderBy(asc(appeals.id)).all();
  const scheme = loadScheme(db, eventId);
  return upheld.map((a) => {
    if (!a.reopenedAt || a.resolvedRunId !== null || !scheme) return { ...a, sheets: [] };
    const sheets = db
      .select({ sheetId: scoringSheets.id, judge: judges.name, workCode: checkIns.workCode })
      .from(scoringSheets)
      .innerJoin(checkIns, eq(checkIns.id, scoringSheets.checkInId))
      .innerJoin(judges, eq(judges.id, scoringSheets.judgeId))
      .where(and(eq(scoringSheets.eventId, eventId), eq(checkIns.teamId, a.teamId)))
      .orderBy(asc(scoringSheets.id))
      .all();
    const current = currentMarksOfSheets(db, sheets.map((s) => s.sheetId));
    return {
      ...a,
      sheets: sheets.map((s) => ({
        ...s,
        marks: scheme.criteria.map((c) => ({ criterionId: c.id, code: c.code, name: c.name, maxMarks: c.maxMarks, value: fromOrNull(current.find((m) => m.sheetId === s.sheetId && m.criterionId === c.id)?.hundredths) })),
      })),
    };
  });
}

/** An appeal's attachment: its school, the arbiters, the organiser and the event's chief judge. */
export function appealAttachment(db: Db, actor: Actor, appealId: number) {
  const appeal = appealOrThrow(db, appealId);
  const allowed = can(actor, 'appeal:attachment', { eventId: appeal.eventId, schoolId: appeal.schoolId });
  if (!allowed || !appeal.attachmentId) throw notFound();
  return db.select().from(attachments).where(eq(attachments.id, appeal.attachmentId)).get()!;
}
