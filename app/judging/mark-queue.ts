/**
 * The judge's outbox: every mark typed goes into localStorage first and is sent from there, so
 * nothing typed is lost when the venue's Wi-Fi drops. Each entry carries its idempotency key,
 * so sending it twice (a reply lost on the way back) stores it once.
 */
export type QueuedMark = { eventId: number; workCode: string; criterionId: number; value: number; idempotencyKey: string };
export type SendOutcome = { key: string; ok: true; sheetId: number } | { key: string; ok: false; message: string };

const STORAGE_KEY = 'chuyi.marks.outbox';

export function readOutbox(): QueuedMark[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as QueuedMark[];
  } catch {
    return [];
  }
}

function writeOutbox(items: QueuedMark[]) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** A newer entry for the same cell replaces an unsent older one: only the last value matters. */
export function enqueue(mark: QueuedMark) {
  const items = readOutbox().filter((m) => !(m.eventId === mark.eventId && m.workCode === mark.workCode && m.criterionId === mark.criterionId));
  writeOutbox([...items, mark]);
}

let flushing: Promise<SendOutcome[]> | null = null;

/**
 * Sends the outbox in order; one round at a time (a call during a round joins it). A network
 * failure stops the round (the rest wait for the next one); a refusal by the server (4xx) drops
 * the entry and reports why, since resending cannot help.
 */
export function flush(csrfToken: string): Promise<SendOutcome[]> {
  // `.finally` runs after the assignment, so an empty round cannot leave a stale promise behind.
  flushing ??= sendAll(csrfToken).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(csrfToken: string): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const mark of readOutbox()) {
    let response: Response;
    try {
      response = await fetch('/api/v1/marks', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify(mark),
        credentials: 'same-origin',
      });
    } catch {
      break;
    }
    if (response.status >= 500) break;
    const body = (await response.json().catch(() => ({}))) as { sheetId?: number; error?: { message?: string } };
    writeOutbox(readOutbox().filter((m) => m.idempotencyKey !== mark.idempotencyKey));
    outcomes.push(
      response.ok
        ? { key: mark.idempotencyKey, ok: true, sheetId: body.sheetId! }
        : { key: mark.idempotencyKey, ok: false, message: body.error?.message ?? String(response.status) },
    );
  }
  return outcomes;
}
