/**
 * A team's roster (报名名单): its contestants and advisors, checked by the rules of
 * app/domain/registration.ts at every write. Every write is one transaction with its audit
 * entries; nothing is deleted (a removed member keeps its row with `removedAt`).
 */
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { advisors, competitions, contestants, divisions, events, judgeAssignments, judges, prefectures, schools, teamAdvisors, teamMembers, teams } from '#db/schema.ts';
import { parseIdNumber } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import {
  checkRoster,
  checkQuota,
  checkSchoolType,
  checkWindow,
  type AdvisorEntry,
  type ContestantEntry,
  type RosterContext,
  type Stage,
  type Violation,
} from '#app/domain/registration.ts';
import type { Actor } from '#app/domain/roles.ts';
import { isEditable } from '#app/domain/team-lifecycle.ts';
import { recordAudit } from './audit.server.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { ModelError, notFound, rulesBroken } from './errors.ts';

export type Roster = { contestants: ContestantEntry[]; advisors: AdvisorEntry[] };
export type TeamRow = typeof teams.$inferSelect;

export function teamOrThrow(db: DbOrTx, teamId: number): TeamRow {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team || team.withdrawnAt) throw notFound();
  return team;
}

export function requireOwnTeam(actor: Actor, team: TeamRow) {
  requirePermission(actor, 'team:register', { schoolId: team.schoolId }, 'not_own_team');
}

/** Everything the rules need about one (event, school) pair, and the roster's people elsewhere. */
export function rosterContext(db: DbOrTx, eventId: number, schoolId: number, teamId: number | null, idNumbers: string[], now: Date): RosterContext {
  const row = db
    .select({ event: events, division: divisions, competition: competitions })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .innerJoin(competitions, eq(competitions.id, events.competitionId))
    .where(eq(events.id, eventId))
    .get();
  if (!row) throw notFound('event_not_found');
  const school = db.select({ type: schools.type, disabledAt: schools.disabledAt }).from(schools).where(eq(schools.id, schoolId)).get();
  if (!school) throw notFound('school_not_found');
  const others = db
    .select({ n: count() })
    .from(teams)
    .where(and(eq(teams.eventId, eventId), eq(teams.schoolId, schoolId), isNull(teams.withdrawnAt), teamId ? ne(teams.id, teamId) : undefined))
    .get()!.n;
  const normalized = idNumbers.map((i) => i.trim().toUpperCase()).filter(Boolean);
  const elsewhere = new Map<string, string>();
  if (normalized.length) {
    const rows = db
      .select({ idNumber: contestants.idNumber, eventCode: events.code })
      .from(contestants)
      .innerJoin(teamMembers, and(eq(teamMembers.contestantId, contestants.id), isNull(teamMembers.removedAt)))
      .innerJoin(teams, and(eq(teams.id, teamMembers.teamId), isNull(teams.withdrawnAt)))
      .innerJoin(events, eq(events.id, teams.eventId))
      .where(
        and(
          eq(contestants.competitionId, row.competition.id),
          inArray(contestants.idNumber, normalized),
          // A contestant a cut took into a later round is still on one registration.
          isNull(events.firstRoundId),
          teamId ? ne(teams.id, teamId) : undefined,
        ),
      )
      .all();
    for (const r of rows) elsewhere.set(r.idNumber, r.eventCode);
  }
  return {
    phase: row.competition.phase,
    now,
    startsOn: row.division.ageReferenceDate ?? row.competition.startsOn,
    event: {
      code: row.event.code,
      minTeamSize: row.event.minTeamSize,
      maxTeamSize: row.event.maxTeamSize,
      maxAdvisors: row.event.maxAdvisors,
      quotaPerSchool: row.event.quotaPerSchool,
      allowMultiTeamContestants: row.event.allowMultiTeamContestants,
      deadline: row.event.registrationDeadline ?? row.competition.registrationDeadline,
    },
    division: { name: row.division.name, allowedSchoolTypes: row.division.allowedSchoolTypes, maxAge: row.division.maxAge },
    schoolType: school.type,
    schoolDisabled: school.disabledAt !== null,
    otherTeamsOfSchool: others,
    elsewhere,
  };
}

/** The live roster of a team, whole (callers mask it where the reader may not see it). */
export function currentRoster(db: DbOrTx, teamId: number) {
  const people = db
    .select({
      id: contestants.id,
      name: contestants.name,
      gender: contestants.gender,
      idNumber: contestants.idNumber,
      birthDate: contestants.birthDate,
      studentNumber: contestants.studentNumber,
      major: contestants.major,
      phone: contestants.phone,
    })
    .from(teamMembers)
    .innerJoin(contestants, eq(contestants.id, teamMembers.contestantId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.removedAt)))
    .orderBy(asc(teamMembers.position))
    .all();
  const teachers = db
    .select({ id: advisors.id, name: advisors.name, title: advisors.title, phone: advisors.phone })
    .from(teamAdvisors)
    .innerJoin(advisors, eq(advisors.id, teamAdvisors.advisorId))
    .where(and(eq(teamAdvisors.teamId, teamId), isNull(teamAdvisors.removedAt)))
    .orderBy(asc(teamAdvisors.position))
    .all();
  return { contestants: people, advisors: teachers };
}

/**
 * The names on several teams' current rosters, in order, and each person's school: what award
 * lists and certificates print. Nothing private (no 身份证号, no phone) is read.
 */
export function namesOfTeams(db: DbOrTx, teamIds: number[]) {
  if (teamIds.length === 0) return { members: [], coaches: [] };
  const members = db
    .select({ teamId: teamMembers.teamId, contestantId: contestants.id, name: contestants.name, schoolId: contestants.schoolId })
    .from(teamMembers)
    .innerJoin(contestants, eq(contestants.id, teamMembers.contestantId))
    .where(and(inArray(teamMembers.teamId, teamIds), isNull(teamMembers.removedAt)))
    .orderBy(asc(teamMembers.position))
    .all();
  const coaches = db
    .select({ teamId: teamAdvisors.teamId, advisorId: advisors.id, name: advisors.name, schoolId: advisors.schoolId })
    .from(teamAdvisors)
    .innerJoin(advisors, eq(advisors.id, teamAdvisors.advisorId))
    .where(and(inArray(teamAdvisors.teamId, teamIds), isNull(teamAdvisors.removedAt)))
    .orderBy(asc(teamAdvisors.position))
    .all();
  return { members, coaches };
}

/** The rule check of a team as it stands, at a stage. */
export function checkTeam(db: DbOrTx, team: TeamRow, stage: Stage, now: Date): Violation[] {
  const roster = currentRoster(db, team.id);
  const ctx = rosterContext(db, team.eventId, team.schoolId, team.id, roster.contestants.map((c) => c.idNumber), now);
  return checkRoster(ctx, roster, stage);
}

// ── School self-service ─────────────────────────────────────────────────────────────────────────

/** The events of the current competition, with what a school needs to decide where to enter. */
export function listOpenEvents(db: Db, actor: Actor, now = new Date()) {
  requirePermission(actor, 'desk:school');
  const schoolId = actor.schoolId!;
  const competition = findCurrentCompetition(db);
  if (!competition) return [];
  const school = db.select({ type: schools.type, disabledAt: schools.disabledAt }).from(schools).where(eq(schools.id, schoolId)).get()!;
  const rows = db
    .select({ event: events, division: divisions })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .where(and(eq(events.competitionId, competition.id), isNull(events.firstRoundId)))
    .orderBy(asc(divisions.sortOrder), asc(events.code))
    .all();
  const own = db
    .select({ eventId: teams.eventId, id: teams.id, status: teams.status })
    .from(teams)
    .where(and(eq(teams.schoolId, schoolId), isNull(teams.withdrawnAt)))
    .all();
  // Events a teacher of this school judges: entering them means the organiser must change the panel (回避).
  const judgedByOwnTeacher = new Set(
    db
      .select({ eventId: judgeAssignments.eventId })
      .from(judgeAssignments)
      .innerJoin(judges, eq(judges.id, judgeAssignments.judgeId))
      .where(and(eq(judges.affiliationSchoolId, schoolId), isNull(judgeAssignments.revokedAt)))
      .all()
      .map((r) => r.eventId),
  );
  return rows.map(({ event, division }) => {
    const deadline = event.registrationDeadline ?? competition.registrationDeadline;
    const mine = own.filter((t) => t.eventId === event.id);
    const window = checkWindow({ phase: competition.phase, now, event: { deadline } as RosterContext['event'] });
    const eligible = checkSchoolType({ schoolType: school.type, division, schoolDisabled: school.disabledAt !== null }).length === 0;
    return {
      id: event.id,
      code: event.code,
      name: event.name,
      division: division.name,
      minTeamSize: event.minTeamSize,
      maxTeamSize: event.maxTeamSize,
      maxAdvisors: event.maxAdvisors,
      quotaPerSchool: event.quotaPerSchool,
      deadline: deadline?.toISOString() ?? null,
      eligible,
      open: window.length === 0,
      teams: mine,
      canEnter: eligible && window.length === 0 && mine.length < event.quotaPerSchool,
      ownTeacherJudges: judgedByOwnTeacher.has(event.id),
    };
  });
}

/** A school opens a draft team for an event (the phase, the deadline, the school type and the quota permitting). */
export function createTeam(db: Db, actor: Actor, input: { eventId: number; schoolId?: number; name?: string }, now = new Date()): number {
  requirePermission(actor, 'desk:registration');
  // A school account enters its own school; the organiser names one.
  const schoolId = actor.schoolId ?? input.schoolId;
  if (schoolId == null) throw new ModelError(422, 'school_required', {}, { schoolId: 'errors.school_required' });
  requirePermission(actor, 'team:register', { schoolId });
  return atomically(db, (tx) => {
    // A later round is entered by its cut, never by registration.
    if (tx.select({ first: events.firstRoundId }).from(events).where(eq(events.id, input.eventId)).get()?.first) throw new ModelError(409, 'round_not_registrable');
    const ctx = rosterContext(tx, input.eventId, schoolId, null, [], now);
    const violations = [...checkWindow(ctx), ...checkSchoolType(ctx), ...checkQuota(ctx)];
    if (violations.length) throw rulesBroken(violations);
    return insertTeam(tx, actor, { eventId: input.eventId, schoolId, name: input.name, individual: ctx.event.maxTeamSize === 1 });
  });
}

/** Writes a new draft team; the caller has checked the rules. */
function insertTeam(tx: DbOrTx, actor: Actor, input: { eventId: number; schoolId: number; name?: string; individual: boolean }): number {
  const school = tx.select({ name: schools.name }).from(schools).where(eq(schools.id, input.schoolId)).get()!;
  const team = tx
    .insert(teams)
    .values({ eventId: input.eventId, schoolId: input.schoolId, name: input.name?.trim() || `${school.name}${input.individual ? '' : '代表队'}`, status: 'draft' })
    .returning()
    .get();
  recordAudit(tx, actor, { action: 'team.create', entity: 'team', entityId: team.id, after: team });
  return team.id;
}

/** A team with its roster: whole for its school and admins, who alone may read it. */
export function getTeamDetail(db: Db, actor: Actor, teamId: number, now = new Date()) {
  const team = teamOrThrow(db, teamId);
  requireOwnTeam(actor, team);
  const event = db
    .select({ id: events.id, code: events.code, name: events.name, status: events.status, minTeamSize: events.minTeamSize, maxTeamSize: events.maxTeamSize, maxAdvisors: events.maxAdvisors, division: divisions.name })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .where(eq(events.id, team.eventId))
    .get()!;
  const school = db
    .select({ id: schools.id, name: schools.name, prefecture: prefectures.name })
    .from(schools)
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(eq(schools.id, team.schoolId))
    .get()!;
  const stage: Stage = team.status === 'submitted' ? 'approve' : 'submit';
  return {
    team: { id: team.id, name: team.name, status: team.status, returnReason: team.returnReason, submittedAt: team.submittedAt, reviewedAt: team.reviewedAt },
    event,
    school,
    roster: currentRoster(db, team.id),
    violations: checkTeam(db, team, stage, now),
    editable: isEditable(team.status),
  };
}

/**
 * Replaces a draft team's roster with the one given: people already on the team are matched by
 * 身份证号 (advisors by name and phone) and updated, new ones added, missing ones marked removed.
 */
export function saveRoster(db: Db, actor: Actor, teamId: number, input: { name?: string } & Roster, now = new Date()): void {
  atomically(db, (tx) => {
    const team = teamOrThrow(tx, teamId);
    requireOwnTeam(actor, team);
    if (!isEditable(team.status)) throw new ModelError(409, 'team_not_editable');
    const ctx = rosterContext(tx, team.eventId, team.schoolId, team.id, input.contestants.map((c) => c.idNumber), now);
    writeRoster(tx, actor, team, input, checkRoster(ctx, input, 'save'), now);
  });
}

/**
 * Writes a roster whose rules were checked (`violations` holds what the check found); the one
 * rule left, a 身份证号 of another school, is found here as each person is resolved.
 */
function writeRoster(tx: DbOrTx, actor: Actor, team: TeamRow, input: { name?: string } & Roster, violations: Violation[], now: Date): void {
  {
    const competitionId = tx.select({ c: events.competitionId }).from(events).where(eq(events.id, team.eventId)).get()!.c;
    const before = currentRoster(tx, team.id);

    // Resolve every contestant to a row of this school; a 身份证号 of another school is refused.
    const ids: number[] = [];
    input.contestants.forEach((entry, i) => {
      const parsed = parseIdNumber(entry.idNumber, now);
      if (!parsed.ok) return;
      const existing = tx
        .select()
        .from(contestants)
        .where(and(eq(contestants.competitionId, competitionId), eq(contestants.idNumber, parsed.info.idNumber)))
        .get();
      if (existing && existing.schoolId !== team.schoolId) {
        violations.push({ code: 'id_number_other_school', field: `contestants.${i}.idNumber`, params: { name: entry.name } });
        return;
      }
      if (violations.length) return;
      const values = {
        name: entry.name.trim(),
        studentNumber: entry.studentNumber?.trim() || null,
        major: entry.major?.trim() || null,
        phone: entry.phone?.trim() || null,
      };
      if (existing) {
        const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => existing[k] !== values[k]);
        if (changed) {
          tx.update(contestants).set(values).where(eq(contestants.id, existing.id)).run();
          recordAudit(tx, actor, { action: 'contestant.update', entity: 'contestant', entityId: existing.id, before: existing, after: values });
        }
        ids.push(existing.id);
      } else {
        const row = tx
          .insert(contestants)
          .values({ competitionId, schoolId: team.schoolId, idNumber: parsed.info.idNumber, birthDate: parsed.info.birthDate, gender: parsed.info.gender, ...values })
          .returning()
          .get();
        recordAudit(tx, actor, { action: 'contestant.create', entity: 'contestant', entityId: row.id, after: row });
        ids.push(row.id);
      }
    });
    if (violations.length) throw rulesBroken(violations);

    const advisorIds = input.advisors.map((entry) => {
      const values = { name: entry.name.trim(), phone: entry.phone.trim(), title: entry.title?.trim() || null };
      const existing = tx
        .select()
        .from(advisors)
        .where(and(eq(advisors.competitionId, competitionId), eq(advisors.schoolId, team.schoolId), eq(advisors.name, values.name), eq(advisors.phone, values.phone)))
        .get();
      if (existing) {
        if (existing.title !== values.title) {
          tx.update(advisors).set({ title: values.title }).where(eq(advisors.id, existing.id)).run();
          recordAudit(tx, actor, { action: 'advisor.update', entity: 'advisor', entityId: existing.id, before: existing, after: values });
        }
        return existing.id;
      }
      const row = tx.insert(advisors).values({ competitionId, schoolId: team.schoolId, ...values }).returning().get();
      recordAudit(tx, actor, { action: 'advisor.create', entity: 'advisor', entityId: row.id, after: row });
      return row.id;
    });

    syncMembers(tx, team.id, ids, now, 'contestants');
    syncMembers(tx, team.id, advisorIds, now, 'advisors');
    const name = input.name?.trim();
    if (name && name !== team.name) tx.update(teams).set({ name }).where(eq(teams.id, team.id)).run();
    const after = currentRoster(tx, team.id);
    recordAudit(tx, actor, {
      action: 'team.save_roster',
      entity: 'team',
      entityId: team.id,
      before: { name: team.name, contestants: before.contestants.map((c) => c.id), advisors: before.advisors.map((a) => a.id) },
      after: { name: name || team.name, contestants: after.contestants.map((c) => c.id), advisors: after.advisors.map((a) => a.id) },
    });
  }
}

const MEMBER_TABLES = { contestants: ['team_members', 'contestant_id'], advisors: ['team_advisors', 'advisor_id'] } as const;

/** Makes a team's live members exactly `wanted`, in order: missing ones get `removedAt`, new ones a row. */
function syncMembers(tx: DbOrTx, teamId: number, wanted: number[], now: Date, kind: keyof typeof MEMBER_TABLES) {
  const [table, column] = MEMBER_TABLES[kind].map((n) => sql.identifier(n));
  const live = tx.all<{ id: number; person: number; position: number }>(
    sql`select id, ${column} as person, position from ${table} where team_id = ${teamId} and removed_at is null`,
  );
  for (const row of live) {
    const index = wanted.indexOf(row.person);
    if (index === -1) tx.run(sql`update ${table} set removed_at = ${now.getTime()} where id = ${row.id}`);
    else if (row.position !== index + 1) tx.run(sql`update ${table} set position = ${index + 1} where id = ${row.id}`);
  }
  wanted.forEach((person, index) => {
    if (!live.some((r) => r.person === person)) {
      tx.run(sql`insert into ${table} (team_id, ${column}, position) values (${teamId}, ${person}, ${index + 1})`);
    }
  });
}

export type ImportedRoster = { eventId: number; schoolId: number; teamId: number | null; name?: string; roster: Roster };

/**
 * Writes the rosters of an import in one transaction: every roster is checked again inside it
 * (the import's own pass found the errors to show row by row; this one guards the write), so
 * nothing is written unless all of it holds.
 */
export function saveImportedRosters(db: Db, actor: Actor, plans: readonly ImportedRoster[], now = new Date()): void {
  requirePermission(actor, 'registration:import');
  atomically(db, (tx) => {
    for (const plan of plans) {
      requirePermission(actor, 'team:register', { schoolId: plan.schoolId }, 'not_own_school');
      const ctx = rosterContext(tx, plan.eventId, plan.schoolId, plan.teamId, plan.roster.contestants.map((c) => c.idNumber), now);
      const violations = checkRoster(ctx, plan.roster, 'save');
      if (violations.length) throw rulesBroken(violations);
      let team = plan.teamId === null ? null : teamOrThrow(tx, plan.teamId);
      if (team && !isEditable(team.status)) throw new ModelError(409, 'team_not_editable');
      if (!team) {
        const id = insertTeam(tx, actor, { eventId: plan.eventId, schoolId: plan.schoolId, name: plan.name, individual: ctx.event.maxTeamSize === 1 });
        team = teamOrThrow(tx, id);
      }
      writeRoster(tx, actor, team, { name: plan.name, ...plan.roster }, [], now);
    }
  });
}
