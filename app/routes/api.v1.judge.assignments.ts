import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { listOwnAssignments } from '#app/models/judge.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judge');
    return json({ assignments: listOwnAssignments(context.db, actor) }, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
