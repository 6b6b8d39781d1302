/**
 * Feedback to teams (成绩反馈): after publication a school sees, for its own teams, the marks per
 * module and per criterion against the event's mean and best among the teams that competed.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { events, schools, teams } from '#db/schema.ts';
import { divideHalfUp, fromHundredths, fromOrNull, hundredthsOf, sum, type Hundredths } from '#app/domain/exact.ts';
import { isPublished, PUBLISHED_STATUSES } from '#app/domain/event-lifecycle.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { ModelError, notFound } from './errors.ts';
import { scoreEvent } from './result.server.ts';
import { currentTiers } from './run.server.ts';
import { loadScheme } from './scheme.server.ts';

type Line = { ours: number | null; mean: number | null; best: number | null; max: number };

/** Ours against the mean and the best of the teams that competed, all exact until shown. */
function compare(ours: Hundredths | null, all: Hundredths[], max: Hundredths): Line {
  return {
    ours: fromOrNull(ours),
    mean: all.length ? fromHundredths(divideHalfUp(sum(all), all.length)) : null,
    best: all.length ? fromHundredths(Math.max(...all)) : null,
    max: fromHundredths(max),
  };
}

export function teamFeedback(db: Db, actor: Actor, teamId: number) {
  const team = db.select({ id: teams.id, name: teams.name, schoolId: teams.schoolId, eventId: teams.eventId, school: schools.name }).from(teams).innerJoin(schools, eq(schools.id, teams.schoolId)).where(eq(teams.id, teamId)).get();
  if (!team) throw notFound('team_not_found');
  requirePermission(actor, 'results:read-own', { schoolId: team.schoolId });
  const event = db.select().from(events).where(eq(events.id, team.eventId)).get()!;
  if (!isPublished(event.status)) throw new ModelError(409, 'not_published');
  const scheme = loadScheme(db, event.id);
  const scored = scoreEvent(db, event.id);
  if (!scheme || !scored) throw notFound();
  const mine = scored.scores.get(team.id) ?? null;
  const others = [...scored.scores.values()];
  const ranked = scored.ranked.find((r) => r.teamId === team.id);
  return {
    team: { id: team.id, name: team.name, school: team.school },
    event: { id: event.id, code: event.code, name: event.name, status: event.status },
    rank: ranked?.rank ?? null,
    absent: ranked?.absent ?? true,
    competed: others.length,
    total: compare(mine?.total ?? null, others.map((s) => s.total), hundredthsOf(scheme.total)),
    modules: scheme.modules.map((m) => ({
      code: m.code,
      name: m.name,
      ...compare(mine?.modules.get(m.id) ?? null, others.map((s) => s.modules.get(m.id) ?? 0), sum(m.criteria.map((c) => hundredthsOf(c.maxMarks)))),
      criteria: m.criteria.map((c) => {
        const value = (s: typeof mine) => s?.criteria.find((x) => x.criterionId === c.id)?.value ?? null;
        return { code: c.code, name: c.name, ...compare(value(mine), others.map(value).filter((v): v is number => v !== null), hundredthsOf(c.maxMarks)) };
      }),
    })),
  };
}

/** A school's teams in published events, each with its award, for its results page. */
export function publishedTeamsOfSchool(db: Db, actor: Actor, schoolId: number) {
  requirePermission(actor, 'results:read-own', { schoolId });
  return db
    .select({ teamId: teams.id, team: teams.name, eventId: events.id, eventCode: events.code, eventName: events.name, status: events.status })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(and(eq(teams.schoolId, schoolId), inArray(events.status, [...PUBLISHED_STATUSES])))
    .all()
    .map((t) => ({ ...t, award: currentTiers(db, t.eventId).get(t.teamId) ?? null }));
}
