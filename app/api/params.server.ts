import { ApiError } from './respond.server.ts';

/** A positive integer path parameter, or a JSON 404. */
export function idParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new ApiError(404, 'notFound');
  return id;
}
