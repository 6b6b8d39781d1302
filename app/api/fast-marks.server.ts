/**
 * PUT /api/v1/marks served by Express directly, beside Remix: a venue's judges send a mark per
 * keystroke, and Remix's per-request work (web Request and stream conversion, route matching)
 * cost ten times the mark itself. Everything else is the same as any API route: the session or
 * bearer token, CSRF, the zod schema, the model function, the JSON error shape.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { RequestContext } from '#app/context.ts';
import { getActor } from '#app/auth/session.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { fromHundredths } from '#app/domain/exact.ts';
import { can } from '#app/domain/permissions.ts';
import { ModelError } from '#app/models/errors.ts';
import { putMark } from '#app/models/mark.server.ts';
import { markInput } from '#app/schemas/judging.server.ts';
import { fieldErrors, parseIn } from '#app/utils/validation.server.ts';
import { ApiError, errorResponse } from './respond.server.ts';

/** A body-less Fetch Request carrying the headers, which is all the session and CSRF guards read. */
function headersOnly(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const name of ['cookie', 'authorization', 'content-type', 'x-csrf-token']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(`http://local${req.originalUrl}`, { method: 'PUT', headers });
}

async function send(res: ExpressResponse, response: Response) {
  res.status(response.status).type('application/json').send(await response.text());
}

export function marksHandler(context: (req: ExpressRequest) => RequestContext) {
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const request = headersOnly(req);
    const ctx = context(req);
    try {
      const actor = await getActor(request, ctx);
      if (!actor) throw new ApiError(401, 'unauthenticated');
      if (!can(actor, 'desk:judge')) throw new ApiError(403, actor.mustChangePassword ? 'password_change_required' : 'forbidden');
      if (request.headers.get('Content-Type')?.split(';')[0].trim() !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
      if (!(await csrfValid(request, ctx))) throw new ApiError(403, 'csrf');
      if (req.body === undefined) throw new ApiError(400, 'invalid_json');
      const lng = languageOf(request);
      const parsed = parseIn(markInput, req.body, lng);
      if (!parsed.success) throw new ApiError(400, 'invalid_input', {}, fieldErrors(parsed.error, translator(lng)));
      const { mark, duplicate } = putMark(ctx.db, actor, parsed.data);
      // Written directly: Express's send would hash the body for an ETag that a PUT never uses.
      const body = JSON.stringify({
        id: mark.id,
        sheetId: mark.sheetId,
        criterionId: mark.criterionId,
        value: fromHundredths(mark.valueHundredths),
        idempotencyKey: mark.idempotencyKey,
        createdAt: mark.createdAt,
        duplicate,
      });
      res.writeHead(duplicate ? 200 : 201, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      if (error instanceof ApiError || error instanceof ModelError) return send(res, errorResponse(request, error));
      throw error;
    }
  };
}
