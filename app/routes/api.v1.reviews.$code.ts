/** PUT: the signed-in reviewer's total for the entry of this code (saved again, the newest counts). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { saveReview } from '#app/models/review.server.ts';
import { reviewApiInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => apiRoute(request, () => Promise.reject(methodNotAllowed(['PUT'])));

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'PUT') throw methodNotAllowed(['PUT']);
    const actor = await requireDesk(request, context, 'entry:review');
    return json(saveReview(context.db, actor, params.code ?? '', await readJson(request, context, reviewApiInput)));
  });
}
