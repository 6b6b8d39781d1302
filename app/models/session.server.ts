/** Server-side sessions: the cookie carries a random token; the database keeps its hash, so any session can be revoked. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { sessions } from '#db/schema.ts';
import { newSecret, sha256 } from '#app/auth/tokens.server.ts';
import { type Actor } from '#app/domain/roles.ts';
import { loadActor } from './account.server.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { notFound } from './errors.ts';
import { prepared } from './prepared.server.ts';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createSession(
  db: Db,
  actor: Actor,
  meta: { ip?: string | null; userAgent?: string | null },
  now = new Date(),
): { token: string; sessionId: number; expiresAt: Date } {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  return atomically(db, (tx) => {
    const row = tx
      .insert(sessions)
      .values({
        tokenHash: sha256(token),
        userId: actor.userId,
        expiresAt,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: sessions.id })
      .get();
    recordAudit(tx, actor, { action: 'session.login', entity: 'session', entityId: row.id, after: { userAgent: meta.userAgent ?? null } });
    return { token, sessionId: row.id, expiresAt };
  });
}

/** The actor behind a live session token, or null for an unknown, expired or revoked one. */
export function findSession(db: Db, token: string, now = new Date()): { actor: Actor; sessionId: number } | null {
  const byToken = prepared(db, 'session.byToken', () =>
    db
      .select({ id: sessions.id, userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
      .prepare(),
  );
  const row = byToken.get({ hash: sha256(token), now: now.getTime() });
  if (!row) return null;
  const actor = loadActor(db, row.userId);
  return actor ? { actor, sessionId: row.id } : null;
}

/** Ends one session: one's own (logout), or anyone's for an admin. */
export function revokeSession(db: Db, actor: Actor, sessionId: number, reason: string): void {
  const row = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!row) throw notFound();
  requirePermission(actor, 'session:revoke', { userId: row.userId });
  if (row.revokedAt) return;
  atomically(db, (tx) => {
    tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId)).run();
    recordAudit(tx, actor, { action: 'session.revoke', entity: 'session', entityId: sessionId, reason });
  });
}

export function listSessions(db: Db, actor: Actor, userId: number, now = new Date()) {
  requirePermission(actor, 'session:revoke', { userId });
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .all();
}
