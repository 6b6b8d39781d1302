/** Appeals (申诉), read side: the arbiter's list of appeals still to decide. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { appeals, events } from '#db/schema.ts';
import type { Actor } from '#app/domain/roles.ts';
import { forbidden } from './errors.ts';

export function listAppealsToDecide(db: Db, actor: Actor) {
  if (actor.role !== 'arbiter' && actor.role !== 'admin') throw forbidden();
  return db
    .select({ id: appeals.id, eventCode: events.code, reason: appeals.reason, createdAt: appeals.createdAt })
    .from(appeals)
    .innerJoin(events, eq(events.id, appeals.eventId))
    .where(eq(appeals.status, 'filed'))
    .orderBy(asc(appeals.createdAt))
    .all();
}
