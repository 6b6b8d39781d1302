/**
 * What a model function throws when a request cannot be carried out. Each carries an HTTP status
 * and a message key of the i18n catalogue (`errors.*`), so that the route answers in the reader's
 * language and no model knows about HTTP or words.
 */
import { Refusal, type FieldErrors } from '#app/domain/refusal.ts';
import type { Violation } from '#app/domain/registration.ts';

export type { FieldErrors };
/** The models' name for a refusal: the domain's guards throw the same class. */
export { Refusal as ModelError };
const ModelError = Refusal;

export const forbidden = (code = 'forbidden') => new ModelError(403, code);
export const notFound = (code = 'notFound') => new ModelError(404, code);
export const conflict = (code: string, params?: Record<string, string | number>, fields?: FieldErrors) =>
  new ModelError(409, code, params, fields);
export const invalid = (code: string, params?: Record<string, string | number>, fields?: FieldErrors) =>
  new ModelError(422, code, params, fields);

/** A roster that breaks the rules: 422 with every violation, so the form can mark each field. */
export const rulesBroken = (violations: Violation[]) =>
  new ModelError(422, 'registration_rules', { count: violations.length }, undefined, violations);
