/** An appeal's attachment, for its school, the arbiters, the organiser and the event's chief judge. */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '#app/auth/session.server.ts';
import { appealAttachment } from '#app/models/appeal.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const file = modelRead(request, () => appealAttachment(context.db, actor, numericParam(params.id)));
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      // Served as a download of its checked type, never rendered in our origin.
      'Content-Disposition': `attachment; filename="appeal-${params.id}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
