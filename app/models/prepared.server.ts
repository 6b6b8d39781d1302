/**
 * Prepared drizzle queries for the hot paths (every request's session lookup, every mark, every
 * audit entry): built once per connection instead of once per call, which is most of a small
 * query's cost.
 */
import type { DbOrTx } from '#db/client.ts';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A transaction runs on its database's session (one better-sqlite3 connection), so a query prepared
 * once serves the database and every transaction on it; the cache is keyed by that session.
 */
export function connectionOf(db: DbOrTx): object {
  return (db as unknown as { session: object }).session;
}

export function prepared<T>(db: DbOrTx, key: string, build: () => T): T {
  const connection = connectionOf(db);
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) cache.set(key, (query = build()));
  return query;
}
