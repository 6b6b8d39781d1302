/** Bearer API tokens that an admin issues to an account, for systems that call the JSON API. */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { apiTokens, users } from '#db/schema.ts';
import { newSecret, sha256 } from '#app/auth/tokens.server.ts';
import { type Actor } from '#app/domain/roles.ts';
import { loadActor } from './account.server.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import { recordAudit } from './audit.server.ts';
import { notFound } from './errors.ts';

const TOKEN_PREFIX = 'cy_';
const DAY = 24 * 60 * 60 * 1000;

/** Returns the token once; only its hash is kept. */
export function issueApiToken(
  db: Db,
  actor: Actor,
  input: { userId: number; name: string; expiresInDays: number },
  now = new Date(),
): { id: number; token: string } {
  requirePermission(actor, 'account:manage');
  if (!db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) throw notFound('account_not_found');
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return atomically(db, (tx) => {
    const row = tx
      .insert(apiTokens)
      .values({
        tokenHash: sha256(token),
        prefix: token.slice(0, 8),
        name: input.name,
        userId: input.userId,
        issuedBy: actor.userId,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: 'api_token.issue', entity: 'api_token', entityId: row.id, after: row });
    return { id: row.id, token };
  });
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20;
}

export function findApiToken(db: Db, token: string, now = new Date()): Actor | null {
  const row = db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .get();
  if (!row) return null;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return loadActor(db, row.userId);
}

export function revokeApiToken(db: Db, actor: Actor, tokenId: number): void {
  requirePermission(actor, 'account:manage');
  const row = db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).get();
  if (!row) throw notFound('token_not_found');
  atomically(db, (tx) => {
    tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId)).run();
    recordAudit(tx, actor, { action: 'api_token.revoke', entity: 'api_token', entityId: tokenId });
  });
}

export function listApiTokens(db: Db, actor: Actor, userId: number) {
  requirePermission(actor, 'account:manage');
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .all();
}
