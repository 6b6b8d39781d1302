/** The append-only audit log: every write in the system goes through `recordAudit`. */
import { and, desc, eq, gte, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '#db/client.ts';
import { auditLog, users } from '#db/schema.ts';
import { type Actor } from '#app/domain/roles.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { prepared } from './prepared.server.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

// Secrets never reach the log, even hashed.
const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password', 'token']);
function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k))
      .map(([k, v]) => [k, scrub(v)]),
  );
}

function asJson(value: unknown): string | null {
  const clean = scrub(value);
  return clean === null ? null : JSON.stringify(clean);
}

export function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): void {
  const insert = prepared(db, 'audit.insert', () =>
    db
      .insert(auditLog)
      .values({
        at: sql.placeholder('at'),
        actorUserId: sql.placeholder('actorUserId'),
        actorLabel: sql.placeholder('actorLabel'),
        action: sql.placeholder('action'),
        entity: sql.placeholder('entity'),
        entityId: sql.placeholder('entityId'),
        // Serialised here rather than by the column, so that "nothing" stays SQL NULL.
        before: sql`${sql.placeholder('before')}`,
        after: sql`${sql.placeholder('after')}`,
        reason: sql.placeholder('reason'),
        ip: sql.placeholder('ip'),
      })
      .prepare(),
  );
  insert.run({
    at: new Date(),
    actorUserId: actor.userId === 0 ? null : actor.userId,
    actorLabel: actor.userId === 0 ? actor.username : `${actor.username} (${actor.displayName})`,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: asJson(entry.before),
    after: asJson(entry.after),
    reason: entry.reason ?? null,
    ip: actor.ip ?? null,
  });
}

export type AuditFilter = {
  entity?: string;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id: the page after one ending with it. */
  beforeId?: number;
  limit?: number;
};

export function listAudit(db: Db, actor: Actor, filter: AuditFilter = {}) {
  requirePermission(actor, 'audit:read');
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.action) where.push(like(auditLog.action, `${filter.action}%`));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actor) where.push(like(auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  if (filter.beforeId) where.push(lt(auditLog.id, filter.beforeId));
  const limit = Math.min(filter.limit ?? 50, 500);
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      actorUsername: users.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      reason: auditLog.reason,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

export function listAuditEntities(db: Db, actor: Actor): string[] {
  requirePermission(actor, 'audit:read');
  return db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(auditLog.entity)
    .all()
    .map((r) => r.entity);
}
