/** Shared by the /api/v1/teams routes: the team as the API shows it. */
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '#app/domain/roles.ts';
import { getTeamDetail } from '#app/models/registration.server.ts';
import { ApiError } from './respond.server.ts';

export function teamIdParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new ApiError(404, 'notFound');
  return id;
}

export function teamBody(context: AppLoadContext, actor: Actor, teamId: number) {
  return getTeamDetail(context.db, actor, teamId);
}
