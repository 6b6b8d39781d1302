/**
 * The one way an HTML form's action reads its input: CSRF first, then the route's zod schema.
 * Every mutation of the UI goes through `parseForm`, so none can forget either check.
 */
import { json, type AppLoadContext } from '@remix-run/node';
import type { z } from 'zod';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { ModelError, type FieldErrors } from '#app/models/errors.ts';
import { fieldErrors, parseIn, translateFields, violationFields } from './validation.server.ts';

export type FormFailure = { ok: false; formError: string; fields: FieldErrors; values: Record<string, string> };

export async function parseForm<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  /** The schema, or a choice of schema by the form's own fields (e.g. its `intent`). */
  schema: S | ((form: FormData) => S),
): Promise<{ ok: true; data: z.infer<S>; form: FormData } | FormFailure> {
  const t = translator(languageOf(request));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw json({ message: t('errors.invalid_input') }, { status: 400 });
  }
  if (!(await csrfValid(request, context, form))) throw json({ message: t('errors.csrf') }, { status: 403 });
  const values = valuesOf(form);
  const chosen = typeof schema === 'function' ? schema(form) : schema;
  const parsed = parseIn(chosen, formToObject(form), languageOf(request));
  if (!parsed.success) {
    return { ok: false, formError: t('errors.invalid_input'), fields: fieldErrors(parsed.error, t), values };
  }
  return { ok: true, data: parsed.data, form };
}

/** What a person typed, to show again beside the errors: never passwords or the CSRF token. */
export function valuesOf(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === 'string' && !/password|_csrf|current|confirm/i.test(k))) as Record<string, string>;
}

/** A model's refusal as form feedback (4xx); anything else is a real fault and is rethrown. */
export function formFailure(request: Request, error: unknown, values: Record<string, string> = {}) {
  if (!(error instanceof ModelError)) throw error;
  const t = translator(languageOf(request));
  const failure: FormFailure = {
    ok: false,
    formError: String(t(`errors.${error.code}`, error.params)),
    fields: error.violations ? violationFields(error.violations, t) : (translateFields(error.fields, t, error.params) ?? {}),
    values,
  };
  return json(failure, { status: error.status, headers: error.status === 429 && error.params.retryAfter !== undefined ? { 'Retry-After': String(error.params.retryAfter) } : undefined });
}

/**
 * Form fields to an object: `contestants.0.name` becomes `{ contestants: [{ name }] }`, and a
 * name given more than once (checkboxes) becomes an array.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (typeof raw !== 'string') continue;
    const path = key.split('.');
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      if (last) {
        const existing = node[part];
        node[part] = existing === undefined ? raw : Array.isArray(existing) ? [...existing, raw] : [existing, raw];
      } else {
        node[part] ??= /^\d+$/.test(path[i + 1]) ? [] : {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  // Sparse arrays (a row left out) become dense.
  const densify = (v: unknown): unknown =>
    Array.isArray(v) ? v.filter((x) => x !== undefined).map(densify) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, densify(x)])) : v;
  return densify(out) as Record<string, unknown>;
}
