/**
 * The organiser's list of events: one year's (the current one unless asked), a page at a time,
 * filtered by division, venue and state, searched by code or name, in the order asked.
 */
import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { competitions, divisions, events, venues } from '#db/schema.ts';
import { EVENT_STATUSES, type EventStatus } from '#app/domain/event-lifecycle.ts';
import type { EventSort } from '#app/domain/list-orders.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { contains, pageWindow } from './search.server.ts';

export const EVENTS_PAGE_SIZE = 50;

type EventRow = { id: number; code: string; name: string; status: EventStatus; scheduledOn: string | null; division: string; venue: string | null };

export type EventFilter = { competitionId?: number; divisionId?: number; venueId?: number; status?: EventStatus; q?: string; sort?: EventSort };

function eventOrder(sort: EventSort) {
  switch (sort) {
    case 'date':
      // Undated events last: SQLite sorts NULL first, so order on “has no date” before the date.
      return [sql`${events.scheduledOn} is null`, asc(events.scheduledOn), asc(events.code), asc(events.id)];
    case 'status':
      // In the lifecycle's order (scheduled → … → final), not the alphabet's.
      return [sql`case ${events.status} ${sql.join(EVENT_STATUSES.map((s, i) => sql`when ${s} then ${i}`), sql` `)} end`, asc(events.code), asc(events.id)];
    case 'code':
      return [asc(events.code), asc(events.id)];
  }
}

export function pageOfEvents(db: Db, actor: Actor, filter: EventFilter = {}, { page = 1, limit = EVENTS_PAGE_SIZE } = {}) {
  requirePermission(actor, 'event:manage');
  const competitionId = filter.competitionId ?? findCurrentCompetition(db, actor)?.id;
  const years = db.select({ id: competitions.id, label: competitions.name, year: competitions.year }).from(competitions).orderBy(desc(competitions.year), desc(competitions.id)).all();
  type Choice = { id: number; label: string };
  if (competitionId === undefined) return { events: [] as EventRow[], total: 0, page: 1, pages: 1, competitionId: null, years, divisions: [] as Choice[], venues: [] as Choice[] };
  const q = filter.q?.trim();
  const where = and(
    eq(events.competitionId, competitionId),
    filter.divisionId ? eq(events.divisionId, filter.divisionId) : undefined,
    filter.venueId ? eq(events.venueId, filter.venueId) : undefined,
    filter.status ? eq(events.status, filter.status) : undefined,
    q ? or(contains(events.code, q), contains(events.name, q)) : undefined,
  );
  const total = db.select({ n: count() }).from(events).where(where).get()?.n ?? 0;
  const { page: current, pages, offset } = pageWindow(total, page, limit);
  const rows: EventRow[] = db
    .select({ id: events.id, code: events.code, name: events.name, status: events.status, scheduledOn: events.scheduledOn, division: divisions.name, venue: venues.name })
    .from(events)
    .innerJoin(divisions, eq(divisions.id, events.divisionId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(where)
    .orderBy(...eventOrder(filter.sort ?? 'code'))
    .limit(limit)
    .offset(offset)
    .all();
  return {
    events: rows,
    total,
    page: current,
    pages,
    competitionId,
    years,
    divisions: db.select({ id: divisions.id, label: divisions.name }).from(divisions).where(eq(divisions.competitionId, competitionId)).orderBy(asc(divisions.sortOrder)).all(),
    venues: db.select({ id: venues.id, label: venues.name }).from(venues).where(eq(venues.competitionId, competitionId)).orderBy(asc(venues.name)).all(),
  };
}
