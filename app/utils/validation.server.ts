/** Turns zod issues and model errors into messages in the reader's language, one per field. */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Language } from '#app/i18n/i18n.ts';
import type { Violation } from '#app/domain/registration.ts';
import type { FieldErrors } from '#app/models/errors.ts';

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** Parses with zod's own messages in the reader's language (schemas' custom messages still win). */
export function parseIn<S extends z.ZodType>(schema: S, data: unknown, lng: Language) {
  return schema.safeParse(data, { error: zodLocales[lng] });
}

/** A message that is a catalogue key (`errors.…`) is translated; any other is already worded. */
export function translateMessage(t: TFunction, message: string, params: Record<string, unknown> = {}): string {
  return message.startsWith('errors.') ? String(t(message, params)) : message;
}

export function fieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    if (out[key]) continue;
    const params = 'minimum' in issue ? { min: Number(issue.minimum) } : {};
    out[key] = translateMessage(t, issue.message, params);
  }
  return out;
}

export function translateFields(fields: FieldErrors | undefined, t: TFunction, params: Record<string, unknown> = {}): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translateMessage(t, v, params)]));
}

/** Violations as field messages; those of the team as a whole are gathered under `_form`. */
export function violationFields(violations: Violation[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const v of violations) {
    const key = v.field ?? '_form';
    const text = String(t(`errors.${v.code}`, v.params ?? {}));
    out[key] = out[key] ? `${out[key]}；${text}` : text;
  }
  return out;
}
