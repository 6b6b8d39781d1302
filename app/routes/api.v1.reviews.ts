/** GET: the signed-in reviewer's entries: codes, categories and files — never a title, school or name. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { reviewQueue } from '#app/models/review.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => json({ entries: reviewQueue(context.db, await requireDesk(request, context, 'entry:review')) }, { headers: { 'Cache-Control': 'private, no-store' } }));
}
