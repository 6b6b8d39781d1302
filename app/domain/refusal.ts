/**
 * A refusal: why a rule stops a request, as a status class and a message key of the i18n
 * catalogue (`errors.*`). Thrown by the domain's guards (`assertTransition`, `require`) and the
 * models alike, so that every layer refuses the same way and the routes word it in the reader's
 * language. The status numbers follow HTTP, which is what every caller ends up answering.
 */
import type { Violation } from './registration.ts';

export type FieldErrors = Record<string, string>;
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    /** field name → message key */
    readonly fields?: FieldErrors,
    /** Rule violations, each with its own parameters (registration checks). */
    readonly violations?: Violation[],
  ) {
    super(code);
    this.name = 'Refusal';
  }
}
