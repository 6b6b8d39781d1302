/** Small helpers for page loaders: numeric params and model refusals as translated error pages. */
import { json } from '@remix-run/node';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { ModelError } from '#app/models/errors.ts';

export function numericParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

/** Runs a model read; a refusal becomes the error page in the reader's language. */
export function modelRead<T>(request: Request, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw refusal(request, error);
  }
}

/** The same for a read that awaits (workbooks, files). */
export async function modelReadAsync<T>(request: Request, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw refusal(request, error);
  }
}

function refusal(request: Request, error: unknown): unknown {
  if (!(error instanceof ModelError)) return error;
  return json({ message: String(translator(languageOf(request))(`errors.${error.code}`, error.params)) }, { status: error.status });
}
