/**
 * The organiser's review of registration (报名审核): every team with its event, school and rule
 * check, counts per event and prefecture, and the filters' choices. Personal data is masked.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { divisions, events, prefectures, schools, teams } from '#db/schema.ts';
import { maskIdNumber, maskPhone } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Stage } from '#app/domain/registration.ts';
import type { Actor } from '#app/domain/roles.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { checkTeam, currentRoster, type TeamRow } from './roster.server.ts';

export type RegistrationFilter = {
  eventId?: number;
  divisionId?: number;
  prefectureId?: number;
  schoolId?: number;
  status?: TeamRow['status'];
};

/**
 * The teams of the current competition an actor may list, with event, division, school and
 * prefecture: a school account is held to its own school whatever the filter says.
 */
export function registrationRows(db: Db, actor: Actor, filter: RegistrationFilter = {}) {
  requirePermission(actor, 'team:list');
  // A school account is held to its own school whatever the filter says.
  const schoolScope = actor.schoolId ?? filter.schoolId;
  const competition = findCurrentCompetition(db, actor);
  if (!competition) return [];
  return db
    .select({ team: teams, event: events, division: divisions.name, school: schools, prefecture: prefectures.name })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(schools, eq(schools.id, teams.schoolId))
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(
      and(
        eq(events.competitionId, competition.id),
        isNull(teams.withdrawnAt),
        filter.eventId ? eq(teams.eventId, filter.eventId) : undefined,
        filter.divisionId ? eq(events.divisionId, filter.divisionId) : undefined,
        filter.prefectureId ? eq(schools.prefectureId, filter.prefectureId) : undefined,
        schoolScope ? eq(teams.schoolId, schoolScope) : undefined,
        filter.status ? eq(teams.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(events.code), asc(prefectures.sortOrder), asc(schools.code))
    .limit(5000)
    .all();
}

/** Teams with school, event and roster; personal data masked, as in every list. */
export function listRegistrations(db: Db, actor: Actor, filter: RegistrationFilter = {}, now = new Date()) {
  // Each listed team gets its roster and rule check, so a page stops at 1,000 teams (filter to narrow).
  const rows = registrationRows(db, actor, filter).slice(0, 1000);
  return rows.map((r) => {
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
  });
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
