/** POST /api/v1/entries/:id/withdraw: the school withdraws an entry not yet in the online review (with a reason). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, postOnly, readJson } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { withdrawEntry } from '#app/models/entry.server.ts';
import { withdrawEntryInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const id = idParam(params.id);
    withdrawEntry(context.db, actor, id, (await readJson(request, context, withdrawEntryInput)).reason);
    return json({ id, withdrawn: true });
  });
}
