/**
 * POST (multipart, field `file`): a file of a draft entry. It is read by its content and held to
 * its category's limits; a refusal is 4xx and nothing is stored.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, ApiError, postOnly } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { multipartForm } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { addEntryFile } from '#app/models/entry.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const file = (await multipartForm(request, context)).get('file');
    if (!file || typeof file === 'string') throw new ApiError(400, 'import_empty');
    const added = await addEntryFile(context.db, actor, idParam(params.id), new Uint8Array(await file.arrayBuffer()), file.name, context.config.filesDir);
    return json(added, { status: 201 });
  });
}
