/** GET: the file the caller's long work made (a zip of certificates, a workbook), once it is ready. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute } from '#app/api/respond.server.ts';
import { fileResponse } from '#app/api/files.server.ts';
import { requireActor } from '#app/auth/session.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireActor(request, context);
    return fileResponse(context.jobs.file(params.id ?? '', actor.userId));
  });
}
