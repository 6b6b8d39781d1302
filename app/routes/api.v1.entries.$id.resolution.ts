/** POST /api/v1/entries/:id/resolution: the chief reviewer's score for an entry its reviewers disagree on. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, postOnly, readJson } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { resolveReviewFlag } from '#app/models/review-results.server.ts';
import { resolutionApiInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judging');
    return json(resolveReviewFlag(context.db, actor, idParam(params.id), await readJson(request, context, resolutionApiInput)), { status: 201 });
  });
}
