/** Scoring schemes (评分标准): an event's modules and criteria, checked against its expected total, frozen at the first mark. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { criteria, events, schemeModules, scoringSchemes } from '#db/schema.ts';
import { fromHundredths, hundredthsOf, sum, toHundredths } from '#app/domain/exact.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { eventChanged } from './changes.server.ts';
import { ModelError, notFound } from './errors.ts';
import { prepared } from './prepared.server.ts';

export type SchemeInput = {
  expectedTotal: number | null;
  modules: { code: string; name: string; criteria: { code: string; name: string; maxMarks: number; decimals: number; kind: 'measurement' | 'judgement'; allOrNothing?: boolean }[] }[];
};

/** The scheme with its criteria in order; for admins and the event's judges. */
export function loadScheme(db: DbOrTx, eventId: number) {
  const scheme = db.select().from(scoringSchemes).where(eq(scoringSchemes.eventId, eventId)).get();
  if (!scheme) return null;
  const modules = db
    .select()
    .from(schemeModules)
    .where(and(eq(schemeModules.schemeId, scheme.id), isNull(schemeModules.retiredAt)))
    .orderBy(asc(schemeModules.sortOrder))
    .all();
  const rows = modules.length
    ? db.select().from(criteria).where(and(inArray(criteria.moduleId, modules.map((m) => m.id)), isNull(criteria.retiredAt))).orderBy(asc(criteria.sortOrder)).all()
    : [];
  const withCriteria = modules.map((m) => ({ ...m, criteria: rows.filter((c) => c.moduleId === m.id) }));
  const total = fromHundredths(sum(rows.map((c) => hundredthsOf(c.maxMarks))));
  return { ...scheme, modules: withCriteria, criteria: withCriteria.flatMap((m) => m.criteria), total };
}
export type LoadedScheme = NonNullable<ReturnType<typeof loadScheme>>;

export function getScheme(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'scheme:read', { eventId });
  const scheme = loadScheme(db, eventId);
  if (!scheme) throw notFound();
  return scheme;
}

/** The scheme for its editor: a new event has none yet, and starts from an empty one. */
export function schemeForEditor(db: Db, actor: Actor, eventId: number) {
  requirePermission(actor, 'event:manage', { eventId });
  if (!db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) throw notFound('event_not_found');
  return loadScheme(db, eventId) ?? { expectedTotal: null as number | null, frozenAt: null as Date | null, total: 0, modules: [] as LoadedScheme['modules'], criteria: [] as LoadedScheme['criteria'] };
}

/** The rules of a whole scheme: at least one criterion, each code once, the expected total. */
function checkScheme(input: SchemeInput): void {
  const all = input.modules.flatMap((m) => m.criteria);
  if (all.length === 0) throw new ModelError(422, 'scheme_empty');
  // A criterion's code is what judges, the chief judge and the feedback report call it by.
  const seen = new Set<string>();
  const repeated = all.find((c) => (seen.has(c.code) ? true : (seen.add(c.code), false)));
  if (repeated) throw new ModelError(422, 'scheme_duplicate_code', { code: repeated.code }, { modules: 'errors.scheme_duplicate_code' });
  const uneven = all.find((c) => toHundredths(c.maxMarks) === null);
  if (uneven) throw new ModelError(422, 'scheme_max_decimals', { code: uneven.code }, { modules: 'errors.scheme_max_decimals' });
  const total = sum(all.map((c) => hundredthsOf(c.maxMarks)));
  const expected = input.expectedTotal === null ? null : toHundredths(input.expectedTotal);
  if (input.expectedTotal !== null && total !== expected) {
    throw new ModelError(422, 'scheme_total', { total: fromHundredths(total), expected: input.expectedTotal }, { modules: 'errors.scheme_total' });
  }
}

/** Replaces a scheme that has no marks yet; the criteria must add up to the expected total. */
export function saveScheme(db: Db, actor: Actor, eventId: number, input: SchemeInput): void {
  requirePermission(actor, 'event:manage', { eventId });
  if (!db.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) throw notFound('event_not_found');
  atomically(db, (tx) => {
    const before = loadScheme(tx, eventId);
    if (before?.frozenAt) throw new ModelError(409, 'scheme_frozen');
    checkScheme(input);
    const scheme = before ?? tx.insert(scoringSchemes).values({ eventId, expectedTotal: input.expectedTotal }).returning().get();
    tx.update(scoringSchemes).set({ expectedTotal: input.expectedTotal }).where(eq(scoringSchemes.id, scheme.id)).run();
    // Nothing is deleted: the old modules and criteria are retired and the new ones written beside them.
    if (before) {
      const moduleIds = before.modules.map((m) => m.id);
      if (moduleIds.length) {
        const now = new Date();
        tx.update(criteria).set({ retiredAt: now }).where(and(inArray(criteria.moduleId, moduleIds), isNull(criteria.retiredAt))).run();
        tx.update(schemeModules).set({ retiredAt: now }).where(inArray(schemeModules.id, moduleIds)).run();
      }
    }
    input.modules.forEach((m, i) => {
      const mod = tx.insert(schemeModules).values({ schemeId: scheme.id, code: m.code, name: m.name, sortOrder: i }).returning({ id: schemeModules.id }).get();
      m.criteria.forEach((c, j) =>
        tx.insert(criteria).values({ moduleId: mod.id, code: c.code, name: c.name, maxMarks: c.maxMarks, decimals: c.decimals, kind: c.kind, allOrNothing: c.allOrNothing ?? false, sortOrder: j }).run(),
      );
    });
    recordAudit(tx, actor, {
      action: 'scheme.save',
      entity: 'scoring_scheme',
      entityId: scheme.id,
      before: before ? { expectedTotal: before.expectedTotal, modules: before.modules } : null,
      after: input,
    });
    eventChanged(tx, eventId);
  });
}

/** Called with the first mark: from then on the scheme cannot change. */
export function freezeScheme(tx: DbOrTx, eventId: number, now: Date): void {
  const freeze = prepared(tx, 'scheme.freeze', () =>
    tx
      .update(scoringSchemes)
      .set({ frozenAt: sql`${sql.placeholder('now')}` })
      .where(and(eq(scoringSchemes.eventId, sql.placeholder('eventId')), isNull(scoringSchemes.frozenAt)))
      .prepare(),
  );
  freeze.run({ eventId, now: now.getTime() });
}
