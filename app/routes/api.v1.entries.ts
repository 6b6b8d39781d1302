/** GET: a school's entries (the organiser names `?schoolId=`). POST: a new entry in a category (201). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { createEntry, listEntries } from '#app/models/entry.server.ts';
import { entryApiInput } from '#app/schemas/entries.server.ts';
import { idParam } from '#app/schemas/common.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const asked = new URL(request.url).searchParams.get('schoolId');
    return json({ entries: listEntries(context.db, actor, actor.schoolId ?? (asked ? idParam.parse(asked) : undefined)) }, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
    const actor = await requireDesk(request, context, 'desk:registration');
    const input = await readJson(request, context, entryApiInput);
    return json({ id: createEntry(context.db, actor, input) }, { status: 201 });
  });
}
