/** PUT: an entry's students (身份证号 checked) and advisors, replacing those before, while it is a draft. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { saveEntryPeople } from '#app/models/entry.server.ts';
import { entryPeopleApiInput } from '#app/schemas/entries.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => apiRoute(request, () => Promise.reject(methodNotAllowed(['PUT'])));

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'PUT') throw methodNotAllowed(['PUT']);
    const actor = await requireDesk(request, context, 'desk:registration');
    saveEntryPeople(context.db, actor, idParam(params.id), await readJson(request, context, entryPeopleApiInput));
    return json({ ok: true });
  });
}
