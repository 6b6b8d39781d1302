/**
 * Prepared drizzle queries for the hot paths (every request's session lookup, every mark): built
 * once per connection instead of once per call, which is most of a small query's cost.
 */
import type { Db } from '#db/client.ts';

const caches = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) cache.set(key, (query = build()));
  return query;
}
