/** One certificate as PDF: for its school and the organiser (anyone may verify it at /verify/:code). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { pdfResponse } from '#app/api/certificates.server.ts';
import { requireActor } from '#app/auth/session.server.ts';
import { certificateForDownload } from '#app/models/certificate.server.ts';
import { modelRead, modelReadAsync } from '#app/utils/route.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const cert = modelRead(request, () => certificateForDownload(context.db, actor, params.code ?? ''));
  return modelReadAsync(request, () => pdfResponse(request, context, cert));
}
