import type { ActionFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';

/**
 * PUT /api/v1/marks is served before Remix by app/api/fast-marks.server.ts (mounted in
 * server.ts); any other method arrives here and is refused.
 */
function refuse({ request }: ActionFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['PUT']);
  });
}

export const loader = refuse;
export const action = refuse;
