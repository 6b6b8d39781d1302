/**
 * Nominations (传承人提名): when an event's results become final, every contestant of a team whose
 * award the competition nominates (by default 一等奖) is nominated once; the organiser confirms or
 * declines each; confirmed ones form the public register (传承人名录), kept across years.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { awards, competitions, contestants, divisions, events, nominations, prefectures, schools, teamMembers } from '#db/schema.ts';
import { SYSTEM_ACTOR, type Actor } from '#app/domain/roles.ts';
import type { CompetitionKind } from '#app/domain/works.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { contains, pageWindow } from './search.server.ts';
import { recordAudit } from './audit.server.ts';
import { issueInheritorCertificate } from './certificate.server.ts';
import { ModelError, notFound } from './errors.ts';
import { latestRun } from './result.server.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { standardScores } from './standardised.server.ts';

/** Nominates the contestants of the event's nominated awards; a person already nominated for the event is left as is. */
export function createNominations(tx: DbOrTx, eventId: number, now: Date): number {
  const event = tx.select({ competitionId: events.competitionId, kinds: competitions.nominationAwardKinds }).from(events).innerJoin(competitions, eq(competitions.id, events.competitionId)).where(eq(events.id, eventId)).get();
  const run = latestRun(tx, eventId);
  if (!event || !run || event.kinds.length === 0) return 0;
  const winners = tx
    .select({ awardId: awards.id, contestantId: contestants.id, schoolId: contestants.schoolId, prefectureId: schools.prefectureId, name: contestants.name })
    .from(awards)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, awards.teamId), isNull(teamMembers.removedAt)))
    .innerJoin(contestants, eq(contestants.id, teamMembers.contestantId))
    .innerJoin(schools, eq(schools.id, contestants.schoolId))
    .where(and(eq(awards.runId, run.id), inArray(awards.kind, event.kinds as (typeof awards.kind.enumValues)[number][])))
    .all();
  let created = 0;
  for (const w of winners) {
    const row = tx
      .insert(nominations)
      .values({ competitionId: event.competitionId, eventId, contestantId: w.contestantId, awardId: w.awardId, schoolId: w.schoolId, prefectureId: w.prefectureId, createdAt: now })
      .onConflictDoNothing({ target: [nominations.eventId, nominations.contestantId] })
      .returning()
      .get();
    if (!row) continue;
    created++;
    recordAudit(tx, SYSTEM_ACTOR, { action: 'nomination.create', entity: 'nomination', entityId: row.id, after: { contestant: w.name, awardId: w.awardId, eventId } });
  }
  return created;
}

type NominationFilter = { status?: 'nominated' | 'confirmed' | 'declined'; eventId?: number; competitionId?: number; q?: string };

export const NOMINATIONS_PAGE_SIZE = 50;

function nominationWhere(filter: NominationFilter) {
  const q = filter.q?.trim();
  return and(
    filter.status ? eq(nominations.status, filter.status) : undefined,
    filter.eventId ? eq(nominations.eventId, filter.eventId) : undefined,
    filter.competitionId ? eq(nominations.competitionId, filter.competitionId) : undefined,
    q ? or(contains(contestants.name, q), contains(schools.name, q), contains(events.code, q), contains(events.name, q)) : undefined,
  );
}

function nominationRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: nominations.id,
      status: nominations.status,
      reviewReason: nominations.reviewReason,
      name: contestants.name,
      school: schools.name,
      prefecture: prefectures.name,
      eventCode: events.code,
      eventName: events.name,
      award: awards.kind,
      year: competitions.year,
      teamId: awards.teamId,
    })
    .from(nominations)
    .innerJoin(contestants, eq(contestants.id, nominations.contestantId))
    .innerJoin(schools, eq(schools.id, nominations.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, nominations.prefectureId))
    .innerJoin(events, eq(events.id, nominations.eventId))
    .innerJoin(awards, eq(awards.id, nominations.awardId))
    .innerJoin(competitions, eq(competitions.id, nominations.competitionId))
    .where(where)
    .orderBy(desc(competitions.year), asc(events.code), asc(nominations.id));
}

/** Every nomination that matches, newest year first (seeding and bulk work; the page uses the pages below). */
export function listNominations(db: Db, actor: Actor, filter: NominationFilter = {}) {
  requirePermission(actor, 'nomination:review');
  return nominationRows(db, nominationWhere(filter)).all();
}

/**
 * One page of the nominations to review: one year (the current one unless asked), found by a
 * contestant's, school's or event's name; with the total and how many still await review.
 */
export function pageOfNominations(db: Db, actor: Actor, filter: NominationFilter = {}, { page = 1, limit = NOMINATIONS_PAGE_SIZE } = {}) {
  requirePermission(actor, 'nomination:review');
  const competitionId = filter.competitionId ?? findCurrentCompetition(db, actor)?.id;
  const where = nominationWhere({ ...filter, competitionId });
  const counted = (w: SQL | undefined) =>
    db
      .select({ n: count() })
      .from(nominations)
      .innerJoin(contestants, eq(contestants.id, nominations.contestantId))
      .innerJoin(schools, eq(schools.id, nominations.schoolId))
      .innerJoin(events, eq(events.id, nominations.eventId))
      .where(w)
      .get()?.n ?? 0;
  const total = counted(where);
  const { page: current, pages, offset } = pageWindow(total, page, limit);
  // A year with standardised scores orders its nominations by them, across events.
  const year = competitionId === undefined ? undefined : db.select({ on: competitions.standardisedScores }).from(competitions).where(eq(competitions.id, competitionId)).get();
  const standard = year?.on ? new Map(standardScores(db, competitionId!).rows.map((r) => [r.teamId, r.standard])) : null;
  const rows = standard
    ? nominationRows(db, where)
        .all()
        .map((n) => ({ ...n, standard: standard.get(n.teamId) ?? null }))
        .sort((a, b) => (b.standard ?? -Infinity) - (a.standard ?? -Infinity) || a.id - b.id)
        .slice(offset, offset + limit)
    : nominationRows(db, where).limit(limit).offset(offset).all().map((n) => ({ ...n, standard: null as number | null }));
  return {
    nominations: rows,
    standardised: standard !== null,
    total,
    awaiting: counted(nominationWhere({ ...filter, competitionId, status: 'nominated' })),
    page: current,
    pages,
    competitionId: competitionId ?? null,
    years: db.select({ id: competitions.id, label: competitions.name }).from(competitions).orderBy(desc(competitions.year), desc(competitions.id)).all(),
  };
}

export type Review = { decision: 'confirmed' | 'declined'; reason?: string };

function reviewOne(tx: DbOrTx, actor: Actor, nominationId: number, review: Review, now: Date) {
  const nomination = tx.select().from(nominations).where(eq(nominations.id, nominationId)).get();
  if (!nomination) throw notFound();
  if (nomination.status === review.decision) return nomination;
  const reason = review.reason?.trim() || null;
  if (review.decision === 'declined' && !reason) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  tx.update(nominations).set({ status: review.decision, reviewReason: reason, reviewedBy: actor.userId, reviewedAt: now }).where(eq(nominations.id, nominationId)).run();
  recordAudit(tx, actor, { action: `nomination.${review.decision === 'confirmed' ? 'confirm' : 'decline'}`, entity: 'nomination', entityId: nominationId, before: { status: nomination.status }, after: { status: review.decision }, reason: reason ?? undefined });
  if (review.decision === 'confirmed') {
    const person = tx.select({ name: contestants.name }).from(contestants).where(eq(contestants.id, nomination.contestantId)).get()!;
    issueInheritorCertificate(tx, nomination, person.name, now);
  }
  return { ...nomination, status: review.decision };
}

/** The organiser confirms or declines (with a reason) one nomination. */
export function reviewNomination(db: Db, actor: Actor, nominationId: number, review: Review, now = new Date()) {
  requirePermission(actor, 'nomination:review');
  return atomically(db, (tx) => reviewOne(tx, actor, nominationId, review, now));
}

/** Bulk confirm: all or none. */
export function confirmNominations(db: Db, actor: Actor, nominationIds: number[], now = new Date()) {
  requirePermission(actor, 'nomination:review');
  return atomically(db, (tx) => nominationIds.map((id) => reviewOne(tx, actor, id, { decision: 'confirmed' }, now)).length);
}

type RegisterFilter = { q?: string; year?: number; division?: string; event?: string; school?: string; prefecture?: string; platform?: CompetitionKind; page?: number };
const REGISTER_PAGE_SIZE = 50;

/** The columns the public may read: no 身份证号, no phone, no birth date. */
const publicColumns = {
  id: nominations.id,
  name: contestants.name,
  school: schools.name,
  prefecture: prefectures.name,
  eventCode: events.code,
  eventName: events.name,
  division: divisions.name,
  award: awards.kind,
  year: competitions.year,
  competition: competitions.name,
  /** The platform the nomination came from: 技能竞赛, 创新创业大赛 or 文明风采. */
  platform: competitions.kind,
  confirmedAt: nominations.reviewedAt,
};

function registerQuery(db: DbOrTx) {
  return db
    .select(publicColumns)
    .from(nominations)
    .innerJoin(contestants, eq(contestants.id, nominations.contestantId))
    .innerJoin(schools, eq(schools.id, nominations.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, nominations.prefectureId))
    .innerJoin(events, eq(events.id, nominations.eventId))
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(awards, eq(awards.id, nominations.awardId))
    .innerJoin(competitions, eq(competitions.id, nominations.competitionId));
}

/** The register's conditions: confirmed nominations, searched and filtered. */
function registerWhere(filter: RegisterFilter): SQL[] {
  const where: SQL[] = [eq(nominations.status, 'confirmed')];
  if (filter.q) where.push(or(contains(contestants.name, filter.q), contains(schools.name, filter.q), contains(events.name, filter.q))!);
  if (filter.year) where.push(eq(competitions.year, filter.year));
  if (filter.division) where.push(eq(divisions.name, filter.division));
  if (filter.event) where.push(or(eq(events.code, filter.event), contains(events.name, filter.event))!);
  if (filter.school) where.push(contains(schools.name, filter.school));
  if (filter.prefecture) where.push(eq(prefectures.name, filter.prefecture));
  if (filter.platform) where.push(eq(competitions.kind, filter.platform));
  return where;
}

const registerTotal = (db: DbOrTx, where: SQL[]) => db.select({ n: count() }).from(registerQuery(db).where(and(...where)).as('r')).get()!.n;

/** The public register (传承人名录): confirmed nominations, newest year first, searchable and filterable, a page at a time. */
export function inheritorRegister(db: DbOrTx, filter: RegisterFilter = {}) {
  const where = registerWhere(filter);
  const page = Math.max(1, filter.page ?? 1);
  const rows = registerQuery(db)
    .where(and(...where))
    .orderBy(desc(competitions.year), asc(events.code), asc(contestants.name))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .all();
  const total = registerTotal(db, where);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)) };
}

/** The register for programs, a slice at a time in the order the nominations were made, with the next slice's cursor. */
export function inheritorSlice(db: DbOrTx, filter: RegisterFilter, { cursor, limit }: { cursor: number; limit: number }) {
  const where = registerWhere(filter);
  const rows = registerQuery(db).where(and(...where, gt(nominations.id, cursor))).orderBy(asc(nominations.id)).limit(limit + 1).all();
  return { rows: rows.slice(0, limit), total: registerTotal(db, where), nextCursor: rows.length > limit ? String(rows[limit - 1].id) : null };
}

/** The values the register's filters offer. */
export function registerFacets(db: DbOrTx) {
  // One row per distinct combination (a few hundred at most), not one per person.
  const combos = db
    .selectDistinct({ year: competitions.year, division: divisions.name, prefecture: prefectures.name })
    .from(nominations)
    .innerJoin(prefectures, eq(prefectures.id, nominations.prefectureId))
    .innerJoin(events, eq(events.id, nominations.eventId))
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(competitions, eq(competitions.id, nominations.competitionId))
    .where(eq(nominations.status, 'confirmed'))
    .all();
  const distinct = <T,>(xs: T[]) => [...new Set(xs)].sort();
  return { years: distinct(combos.map((c) => c.year)).reverse(), divisions: distinct(combos.map((c) => c.division)), prefectures: distinct(combos.map((c) => c.prefecture)) };
}

/** One inheritor's page; only confirmed nominations are public. */
export function inheritor(db: DbOrTx, nominationId: number) {
  const row = registerQuery(db).where(and(eq(nominations.id, nominationId), eq(nominations.status, 'confirmed'))).get();
  if (!row) throw notFound();
  return row;
}
