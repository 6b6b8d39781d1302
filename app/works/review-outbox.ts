/**
 * The reviewer's outbox (网评): a review is kept in localStorage as it is typed, so a reload or a
 * dropped connection loses nothing, and is sent from there once every criterion has a mark. Sending
 * a review again replaces it (the newest counts), so a reply lost on the way back does no harm.
 */
export type DraftReview = { entryCode: string; criteria: Record<string, string>; namesInFiles: boolean; comment: string };
export type ReviewOutcome = { entryCode: string; ok: true; total: number } | { entryCode: string; ok: false; message: string; fields?: Record<string, string> };

const DRAFTS = 'chuyi.reviews.drafts';
const OUTBOX = 'chuyi.reviews.outbox';

function read<T>(key: string): Record<string, T> {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, T>;
  } catch {
    return {};
  }
}
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

/** The reviewer's unsent work on an entry, if any. */
export const draftOf = (entryCode: string): DraftReview | undefined => read<DraftReview>(DRAFTS)[entryCode];
export const waitingCodes = (): string[] => Object.keys(read<DraftReview>(OUTBOX));

/** Keeps what is typed; a complete review also goes to the outbox, replacing an unsent older one. */
export function keep(draft: DraftReview, complete: boolean) {
  write(DRAFTS, { ...read<DraftReview>(DRAFTS), [draft.entryCode]: draft });
  if (complete) write(OUTBOX, { ...read<DraftReview>(OUTBOX), [draft.entryCode]: draft });
}

function settle(entryCode: string, sent: DraftReview) {
  const outbox = read<DraftReview>(OUTBOX);
  // A newer version typed while this one was on its way stays to be sent.
  if (JSON.stringify(outbox[entryCode]) === JSON.stringify(sent)) delete outbox[entryCode];
  write(OUTBOX, outbox);
  const drafts = read<DraftReview>(DRAFTS);
  if (JSON.stringify(drafts[entryCode]) === JSON.stringify(sent)) delete drafts[entryCode];
  write(DRAFTS, drafts);
}

let flushing: Promise<ReviewOutcome[]> | null = null;

/** Sends every waiting review; one round at a time. A network failure leaves the rest for the next round. */
export function flushReviews(csrfToken: string): Promise<ReviewOutcome[]> {
  flushing ??= sendAll(csrfToken).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(csrfToken: string): Promise<ReviewOutcome[]> {
  const outcomes: ReviewOutcome[] = [];
  for (const draft of Object.values(read<DraftReview>(OUTBOX))) {
    let response: Response;
    try {
      response = await fetch(`/api/v1/reviews/${encodeURIComponent(draft.entryCode)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ criteria: Object.fromEntries(Object.entries(draft.criteria).map(([k, v]) => [k, Number(v)])), namesInFiles: draft.namesInFiles, comment: draft.comment || undefined }),
        credentials: 'same-origin',
      });
    } catch {
      break;
    }
    if (response.status >= 500) break;
    const body = (await response.json().catch(() => ({}))) as { total?: number; error?: { message?: string; fields?: Record<string, string> } };
    // Sent, or refused for good (4xx): either way it leaves the outbox; a refusal stays as a draft to correct.
    if (response.ok) settle(draft.entryCode, draft);
    else {
      const outbox = read<DraftReview>(OUTBOX);
      delete outbox[draft.entryCode];
      write(OUTBOX, outbox);
    }
    outcomes.push(response.ok ? { entryCode: draft.entryCode, ok: true, total: body.total! } : { entryCode: draft.entryCode, ok: false, message: body.error?.message ?? String(response.status), fields: body.error?.fields });
  }
  return outcomes;
}
