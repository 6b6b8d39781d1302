/**
 * What a model function throws when a request cannot be carried out. Each carries an HTTP status
 * and a message key of the i18n catalogue (`errors.*`), so that the route answers in the reader's
 * language and no model knows about HTTP or words.
 */
import type { Violation } from '#app/domain/registration.ts';

export type FieldErrors = Record<string, string>;

export class ModelError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    /** field name → message key */
    readonly fields?: FieldErrors,
    /** Rule violations, each with its own parameters (registration checks). */
    readonly violations?: Violation[],
  ) {
    super(code);
    this.name = 'ModelError';
  }
}

export const forbidden = (code = 'forbidden') => new ModelError(403, code);
export const notFound = (code = 'notFound') => new ModelError(404, code);
export const conflict = (code: string, params?: Record<string, string | number>, fields?: FieldErrors) =>
  new ModelError(409, code, params, fields);
export const invalid = (code: string, params?: Record<string, string | number>, fields?: FieldErrors) =>
  new ModelError(422, code, params, fields);

/** A roster that breaks the rules: 422 with every violation, so the form can mark each field. */
export const rulesBroken = (violations: Violation[]) =>
  new ModelError(422, 'registration_rules', { count: violations.length }, undefined, violations);
