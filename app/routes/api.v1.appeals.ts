import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { requireActor, requireDesk } from '#app/auth/session.server.ts';
import { appealSlice, fileAppeal } from '#app/models/appeal.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';
import { appealApiInput } from '#app/schemas/awards.server.ts';

/** Appeals: a school sees its own; the arbiter and the organiser see all. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireActor(request, context);
    // A slice at a time, in the order filed: a school its own, the arbiter and the organiser all.
    const slice = sliceInput.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(appealSlice(context.db, actor, { schoolId: actor.schoolId, cursor: slice.cursor, limit: slice.limit }));
  });
}

/** A school appeals on its own team during the announcement period; the attachment comes as base64. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
    const actor = await requireDesk(request, context, 'desk:school');
    const input = await readJson(request, context, appealApiInput);
    const attachment = input.attachment ? { name: input.attachment.name, data: Buffer.from(input.attachment.contentBase64, 'base64') } : null;
    if (attachment && attachment.data.length === 0) throw new ApiError(400, 'invalid_input');
    const appeal = fileAppeal(context.db, actor, { teamId: input.teamId, reason: input.reason, attachment });
    return json(appeal, { status: 201 });
  });
}
