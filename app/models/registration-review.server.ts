/**
 * The organiser's review of registration (报名审核): every team with its event, school and rule
 * check, counts per event and prefecture, and the filters' choices. Personal data is masked.
 */
import { and, asc, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { divisions, events, prefectures, schools, teams } from '#db/schema.ts';
import { maskIdNumber, maskPhone } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { RegistrationSort, Stage } from '#app/domain/registration.ts';
import type { Actor } from '#app/domain/roles.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { checkTeam, currentRoster, type TeamRow } from './roster.server.ts';
import { contains } from './search.server.ts';

export type RegistrationFilter = {
  eventId?: number;
  divisionId?: number;
  prefectureId?: number;
  schoolId?: number;
  status?: TeamRow['status'];
  /** Part of a team's or a school's name. */
  q?: string;
  /** The review's order (by event unless asked). */
  sort?: RegistrationSort;
};


/**
 * Which slice of the list: a page of the review order (pages of people), or the teams after a
 * cursor in a stable order (programs following the whole list).
 */
export type RegistrationSlice = { page?: number; cursor?: number; limit?: number };
export const REVIEW_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The competition and the conditions of an actor's filtered list; null without a current competition. */
function registrationScope(db: Db, actor: Actor, filter: RegistrationFilter) {
  requirePermission(actor, 'team:list');
  // A school account is held to its own school whatever the filter says.
  const schoolScope = actor.schoolId ?? filter.schoolId;
  const competition = findCurrentCompetition(db, actor);
  if (!competition) return null;
  const q = filter.q?.trim();
  return and(
    eq(events.competitionId, competition.id),
    // Registration is into an event's first round; later rounds' teams come from a cut, not a school.
    isNull(events.firstRoundId),
    isNull(teams.withdrawnAt),
    filter.eventId ? eq(teams.eventId, filter.eventId) : undefined,
    filter.divisionId ? eq(events.divisionId, filter.divisionId) : undefined,
    filter.prefectureId ? eq(schools.prefectureId, filter.prefectureId) : undefined,
    schoolScope ? eq(teams.schoolId, schoolScope) : undefined,
    filter.status ? eq(teams.status, filter.status) : undefined,
    q ? or(contains(teams.name, q), contains(schools.name, q)) : undefined,
  );
}

function registrationQuery(db: Db) {
  return db
    .select({ team: teams, event: events, division: divisions.name, school: schools, prefecture: prefectures.name })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId));
}

/**
 * The teams of the current competition an actor may list, with event, division, school and
 * prefecture, in the review order: a school account is held to its own school whatever the filter says.
 */
export function registrationRows(db: Db, actor: Actor, filter: RegistrationFilter = {}, { limit = 20_000, offset = 0 } = {}) {
  const where = registrationScope(db, actor, filter);
  if (!where) return [];
  return registrationQuery(db).where(where).orderBy(...reviewOrder(filter.sort ?? 'event')).limit(limit).offset(offset).all();
}

/** Each order ends on the team's number, so that pages never share or skip a team. */
function reviewOrder(sort: RegistrationSort) {
  switch (sort) {
    case 'school':
      return [asc(prefectures.sortOrder), asc(schools.code), asc(events.code), asc(teams.id)];
    case 'status':
      return [asc(teams.status), asc(events.code), asc(schools.code), asc(teams.id)];
    case 'submitted':
      return [sql`${teams.submittedAt} is null`, desc(teams.submittedAt), asc(teams.id)];
    case 'event':
      return [asc(events.code), asc(prefectures.sortOrder), asc(schools.code), asc(teams.id)];
  }
}

/** How many teams the filtered list holds. */
function countRegistrations(db: Db, actor: Actor, filter: RegistrationFilter): number {
  const where = registrationScope(db, actor, filter);
  if (!where) return 0;
  return db.select({ n: count() }).from(teams).innerJoin(events, eq(events.id, teams.eventId)).innerJoin(schools, eq(schools.id, teams.schoolId)).where(where).get()?.n ?? 0;
}

/**
 * One slice of the teams, with school, event, roster and rule check; personal data masked, as in
 * every list. A page (`page`) in the review order with the total and the number of pages, or the
 * teams after `cursor` in the order of their numbers with the cursor of the next slice.
 */
export function listRegistrations(db: Db, actor: Actor, filter: RegistrationFilter = {}, slice: RegistrationSlice = {}, now = new Date()) {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, slice.limit ?? REVIEW_PAGE_SIZE));
  const total = countRegistrations(db, actor, filter);
  let rows;
  let nextCursor: string | null = null;
  let page = 1;
  if (slice.cursor !== undefined) {
    const where = registrationScope(db, actor, filter);
    rows = where ? registrationQuery(db).where(and(where, gt(teams.id, slice.cursor))).orderBy(asc(teams.id)).limit(limit + 1).all() : [];
    if (rows.length > limit) nextCursor = String(rows[limit - 1].team.id);
    rows = rows.slice(0, limit);
  } else {
    page = Math.min(Math.max(1, slice.page ?? 1), Math.max(1, Math.ceil(total / limit)));
    rows = registrationRows(db, actor, filter, { limit, offset: (page - 1) * limit });
  }
  return { teams: rows.map((r) => reviewRow(db, r, now)), total, page, pages: Math.max(1, Math.ceil(total / limit)), nextCursor };
}

/** A team as the review shows it: roster (masked) and the rule check at its stage. */
function reviewRow(db: Db, r: ReturnType<typeof registrationRows>[number], now: Date) {
  const roster = currentRoster(db, r.team.id);
  const stage: Stage = r.team.status === 'submitted' || r.team.status === 'approved' ? 'approve' : 'submit';
  return {
    id: r.team.id,
    name: r.team.name,
    status: r.team.status,
    returnReason: r.team.returnReason,
    event: { id: r.event.id, code: r.event.code, name: r.event.name },
    division: r.division,
    school: r.school.name,
    prefecture: r.prefecture,
    contestants: roster.contestants.map((c) => ({ name: c.name, gender: c.gender, idNumber: maskIdNumber(c.idNumber) })),
    advisors: roster.advisors.map((a) => ({ name: a.name, phone: maskPhone(a.phone) })),
    violations: checkTeam(db, r.team, stage, now),
  };
}

/** Counts per event and per prefecture, by status, for the organiser. */
export function registrationCounts(db: Db, actor: Actor) {
  requirePermission(actor, 'team:review');
  const competition = findCurrentCompetition(db, actor);
  if (!competition) return { byEvent: [], byPrefecture: [] };
  const base = and(eq(events.competitionId, competition.id), isNull(teams.withdrawnAt));
  const statusCounts = {
    draft: sql<number>`sum(${teams.status} = 'draft')`,
    submitted: sql<number>`sum(${teams.status} = 'submitted')`,
    approved: sql<number>`sum(${teams.status} = 'approved')`,
    returned: sql<number>`sum(${teams.status} = 'returned')`,
    total: count(),
  };
  const byEvent = db
    .select({ id: events.id, code: events.code, name: events.name, ...statusCounts })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(base)
    .groupBy(events.id)
    .orderBy(asc(events.code))
    .all();
  const byPrefecture = db
    .select({ id: prefectures.id, name: prefectures.name, ...statusCounts })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(base)
    .groupBy(prefectures.id)
    .orderBy(asc(prefectures.sortOrder))
    .all();
  return { byEvent, byPrefecture };
}

/** The choices of the organiser's filters. */
export function registrationFilterOptions(db: Db, actor: Actor) {
  requirePermission(actor, 'team:review');
  const competition = findCurrentCompetition(db, actor);
  if (!competition) return { events: [], divisions: [], prefectures: [], schools: [] };
  return {
    events: db.select({ id: events.id, label: sql<string>`${events.code} || ' ' || ${events.name}` }).from(events).where(eq(events.competitionId, competition.id)).orderBy(asc(events.code)).all(),
    divisions: db.select({ id: divisions.id, label: divisions.name }).from(divisions).where(eq(divisions.competitionId, competition.id)).orderBy(asc(divisions.sortOrder)).all(),
    prefectures: db.select({ id: prefectures.id, label: prefectures.name }).from(prefectures).orderBy(asc(prefectures.sortOrder)).all(),
    schools: db.select({ id: schools.id, label: schools.name }).from(schools).orderBy(asc(schools.code)).all(),
  };
}
