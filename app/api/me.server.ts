import { homePathFor, type Actor } from '#app/domain/roles.ts';

/** An actor as the API shows it (GET /api/v1/me, POST /api/v1/session). */
export function meBody(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    schoolId: actor.schoolId,
    judgeId: actor.judgeId,
    assignments: [...actor.assignments].map(([eventId, role]) => ({ eventId, role })),
    homePath: homePathFor(actor),
  };
}
