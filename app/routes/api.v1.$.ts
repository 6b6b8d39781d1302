import type { LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute } from '#app/api/respond.server.ts';

/** Any other /api/v1 path: a JSON 404, never the HTML error page. */
function notFound({ request }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    throw new ApiError(404, 'not_found_api');
  });
}

export const loader = notFound;
export const action = notFound;
