/** The organiser's setup endpoints share one shape: method check, the desk, the JSON body, the model. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import type { z } from 'zod';
import { requireDesk } from '#app/auth/session.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { idParam } from './params.server.ts';
import { apiRoute, methodNotAllowed, readJson } from './respond.server.ts';

/**
 * Runs `write` for a JSON body of `schema` sent with `method` by the organiser; answers its
 * result with `status` (201 for a creation).
 */
export function organiserWrite<S extends z.ZodType>(
  { request, context }: ActionFunctionArgs,
  method: 'POST' | 'PATCH' | 'PUT',
  schema: S,
  write: (actor: Actor, input: z.infer<S>) => unknown,
  status = 200,
): Promise<Response> {
  return apiRoute(request, async () => {
    if (request.method !== method) throw methodNotAllowed([method]);
    const actor = await requireDesk(request, context, 'desk:organiser');
    const input = await readJson(request, context, schema);
    return json(await write(actor, input), { status });
  });
}

/** A change of the record at `:id`: `write` changes it, then `read` answers how it stands. */
export function organiserUpdate<S extends z.ZodType>(
  args: ActionFunctionArgs,
  method: 'POST' | 'PATCH' | 'PUT',
  schema: S,
  write: (actor: Actor, id: number, input: z.infer<S>) => unknown,
  read: (actor: Actor, id: number) => unknown,
): Promise<Response> {
  return organiserWrite(args, method, schema, async (actor, input) => {
    const id = idParam(args.params.id);
    await write(actor, id, input);
    return read(actor, id);
  });
}

/** A GET of one record by its `:id`, for the organiser, answered as JSON. */
export function organiserRead({ request, context, params }: LoaderFunctionArgs, read: (actor: Actor, id: number) => unknown): Promise<Response> {
  return apiRoute(request, async () => json(read(await requireDesk(request, context, 'desk:organiser'), idParam(params.id))));
}

export { idParam };
