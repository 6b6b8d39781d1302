/** Teams (参赛队), read side: a school sees its own teams; the organiser sees all. */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, teamMembers, teams } from '#db/schema.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { notFound } from './errors.ts';

export function listTeamsOfSchool(db: Db, actor: Actor, schoolId: number) {
  requirePermission(actor, 'team:read', { schoolId }, 'not_own_school');
  return db
    .select({
      id: teams.id,
      name: teams.name,
      status: teams.status,
      returnReason: teams.returnReason,
      eventCode: events.code,
      eventName: events.name,
      members: count(teamMembers.id),
    })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), isNull(teamMembers.removedAt)))
    .where(and(eq(teams.schoolId, schoolId), isNull(teams.withdrawnAt)))
    .groupBy(teams.id)
    .orderBy(asc(events.code))
    .all();
}

/** One team; another school's team is refused as if it were someone else's property (403). */
export function getTeam(db: Db, actor: Actor, teamId: number) {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw notFound();
  requirePermission(actor, 'team:read', { schoolId: team.schoolId }, 'not_own_team');
  return team;
}
