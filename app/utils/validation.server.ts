/** Turns zod issues and model errors into messages in the reader's language, one per field. */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Language } from '#app/i18n/i18n.ts';
import type { Violation } from '#app/domain/registration.ts';
import type { FieldErrors } from '#app/models/errors.ts';

import { translator } from '#app/i18n/i18n.ts';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Every validation message in words a judge understands, in the reader's language: what is wrong
 * and what to write instead (zod's own wording names types, such as “期望 数字，实际接收 数字”).
 */
function inputMessage(issue: Issue, t: TFunction): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return t('input.required');
      const expected = String(issue.expected);
      if (expected === 'number') return typeof input === 'number' ? t('input.numberInvalid') : t('input.number');
      if (expected === 'int') return t('input.whole');
      if (expected === 'string') return t('input.text');
      if (expected === 'boolean') return t('input.yesNo');
      if (expected === 'array') return t('input.list');
      if (expected === 'object') return t('input.group');
      return t('input.wrongType');
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return t('input.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('input.tooMany', { max });
      return t('input.tooBig', { max });
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('input.required') : t('input.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('input.tooFew', { min });
      if (Number(issue.minimum) === 0 && !issue.inclusive) return t('input.mustBePositive');
      return t('input.tooSmall', { min });
    }
    case 'invalid_value':
      return t('input.oneOf', { options: issue.values.map(String).join('、') });
    case 'invalid_format':
      return t('input.format');
    case 'unrecognized_keys':
      return t('input.unknownField', { keys: issue.keys.join('、') });
    default:
      return t('input.invalid');
  }
}

const errorMaps = new Map<Language, z.core.$ZodErrorMap>();
function errorMap(lng: Language): z.core.$ZodErrorMap {
  let map = errorMaps.get(lng);
  if (!map) {
    const t = translator(lng);
    map = (issue) => ({ message: inputMessage(issue, t) });
    errorMaps.set(lng, map);
  }
  return map;
}

/** Parses with our own messages in the reader's language (schemas' custom messages still win). */
export function parseIn<S extends z.ZodType>(schema: S, data: unknown, lng: Language) {
  return schema.safeParse(data, { error: errorMap(lng) });
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
