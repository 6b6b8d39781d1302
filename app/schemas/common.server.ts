/** Small zod building blocks for values that arrive as form strings or JSON. */
import { z } from './zod.server.ts';
import { isValidPhone } from '#app/domain/id-number.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An id from a form or a URL, where every value arrives as text. */
export const idParam = z.coerce.number().int().positive();
/**
 * An id in a JSON body: a number, never text. JSON says what a value is, and the API's OpenAPI
 * document promises numbers, so `"eventId": "2"` is refused rather than guessed at.
 */
export const jsonId = z.number().int().positive();
export const optionalId = z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional());
export const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const reasonText = z.preprocess(blankToUndefined, z.string().trim().max(500).optional());

/** Messages that are i18n keys (errors.*) are translated where the error is shown. */
export const phone = z.string().trim().refine(isValidPhone, { message: 'errors.phone_invalid' });
export const optionalPhone = z.preprocess(blankToUndefined, phone.optional());

export const languageInput = z.object({ lng: z.enum(['zh-CN', 'en']), redirectTo: z.string().optional() });

const isBlankRow = (row: unknown) =>
  typeof row === 'object' && row !== null && Object.values(row).every((v) => v === undefined || v === null || String(v).trim() === '');
/** Rows of a form table; rows left wholly empty are not entries. */
export const rows = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v.filter((r) => !isBlankRow(r)) : v), z.array(item).max(max));
