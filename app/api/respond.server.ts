/**
 * JSON API plumbing: every /api/v1 handler runs inside `apiRoute`, which turns model refusals,
 * bad JSON and failed validation into `{ error: { code, message, fields? } }` with a 4xx.
 */
import { json, type ActionFunctionArgs, type AppLoadContext } from '@remix-run/node';
import type { z } from 'zod';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import type { Action } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { idParam } from './params.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { ModelError, type FieldErrors } from '#app/models/errors.ts';
import { fieldErrors, parseIn, translateFields, violationFields } from '#app/utils/validation.server.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldErrors,
    readonly headers?: HeadersInit,
  ) {
    super(code);
  }
}

export function errorResponse(request: Request, error: ApiError | ModelError): Response {
  const t = translator(languageOf(request));
  const body = {
    error: {
      code: error.code,
      message: String(t(`errors.${error.code}`, error.params)),
      ...(error instanceof ModelError && error.violations
        ? { fields: violationFields(error.violations, t) }
        : error.fields
          ? { fields: translateFields(error.fields, t, error.params) }
          : {}),
    },
  };
  return json(body, { status: error.status, headers: error instanceof ApiError ? error.headers : refusalHeaders(error) });
}

/** A refusal that says when to come back carries `Retry-After` (429). */
export function refusalHeaders(error: ModelError): HeadersInit | undefined {
  return error.status === 429 && error.params.retryAfter !== undefined ? { 'Retry-After': String(error.params.retryAfter) } : undefined;
}

export async function apiRoute(request: Request, handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof ApiError || error instanceof ModelError) return errorResponse(request, error);
    throw error;
  }
}

/** Reads a JSON body: content type, CSRF (for cookie sessions), syntax and schema, in that order. */
export async function readJson<S extends z.ZodType>(request: Request, context: AppLoadContext, schema: S): Promise<z.infer<S>> {
  if (request.headers.get('Content-Type')?.split(';')[0].trim() !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type');
  }
  if (!(await csrfValid(request, context))) throw new ApiError(403, 'csrf');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  const lng = languageOf(request);
  const parsed = parseIn(schema, body, lng);
  if (!parsed.success) {
    // Field messages are already translated; keep them as they are.
    throw new ApiError(400, 'invalid_input', {}, fieldErrors(parsed.error, translator(lng)));
  }
  return parsed.data;
}

/** A mutation without a body (DELETE, POST …/submit) still needs the CSRF check. */
export async function requireCsrf(request: Request, context: AppLoadContext): Promise<void> {
  if (!(await csrfValid(request, context))) throw new ApiError(403, 'csrf');
}

export function methodNotAllowed(allowed: string[]): ApiError {
  return new ApiError(405, 'method_not_allowed', {}, undefined, { Allow: allowed.join(', ') });
}

/** The loader of a POST-only endpoint: a GET answers 405 with `Allow: POST`. */
export function postOnly(request: Request): Promise<Response> {
  return apiRoute(request, () => {
    throw methodNotAllowed(['POST']);
  });
}

/**
 * A body-less POST on one resource (`/…/:id/lock`): other methods 405, then the desk, CSRF and
 * `run` with the id; its result is the JSON answer.
 */
export function postOnId(args: ActionFunctionArgs, desk: Action, run: (actor: Actor, id: number) => unknown): Promise<Response> {
  const { request, context, params } = args;
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, desk);
    await requireCsrf(request, context);
    return json(await run(actor, idParam(params.id)));
  });
}

/** The action of a POST-only endpoint: other methods answer 405, refusals become JSON errors. */
export function apiPost(request: Request, handler: () => Promise<Response> | Response): Promise<Response> {
  return apiRoute(request, () => {
    if (request.method !== 'POST') throw methodNotAllowed(['POST']);
    return handler();
  });
}
