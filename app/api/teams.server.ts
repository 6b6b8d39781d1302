/** Shared by the /api/v1/teams routes: the team as the API shows it. */
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '#app/domain/roles.ts';
import { getTeamDetail } from '#app/models/roster.server.ts';

export { idParam as teamIdParam } from './params.server.ts';

export function teamBody(context: AppLoadContext, actor: Actor, teamId: number) {
  return getTeamDetail(context.db, actor, teamId);
}
