/**
 * Tells whoever listens (the live boards) that something an event's board shows has changed:
 * marks, check-in, the draw, the lock, the live settings. Listeners run after the current
 * transaction, never inside it; one set per database connection, so test servers stay apart.
 */
import type { DbOrTx } from '#db/client.ts';
import { connectionOf } from './prepared.server.ts';

/** Marks only (the boards follow the marks table), or anything else about the event. */
export type ChangeKind = 'marks' | 'event';
type Listener = (eventId: number, kind: ChangeKind) => void;
const listeners = new WeakMap<object, Set<Listener>>();

export function onEventChanged(db: DbOrTx, listener: Listener): () => void {
  const connection = connectionOf(db);
  let set = listeners.get(connection);
  if (!set) listeners.set(connection, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function eventChanged(db: DbOrTx, eventId: number, kind: ChangeKind = 'event'): void {
  const set = listeners.get(connectionOf(db));
  if (!set?.size) return;
  // Deferred: a caller inside a transaction has not committed yet.
  setImmediate(() => set.forEach((listener) => listener(eventId, kind)));
}
