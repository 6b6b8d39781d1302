import { ModelError } from '#app/models/errors.ts';

/** The ModelError a model call refuses with; fails the test when the call goes through. */
export function refusal(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The same for calls that return a promise. */
export async function asyncRefusal(p: Promise<unknown>): Promise<ModelError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
