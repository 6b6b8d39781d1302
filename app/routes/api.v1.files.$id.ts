/** GET: an entry's file, for its school, the organiser and its assigned reviewers only (anyone else: 404). */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { attachment } from '#app/api/files.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireActor } from '#app/auth/session.server.ts';
import { entryFileForDownload } from '#app/models/entry.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    // Who may have it is the model's to say: the school, the organiser, an assigned reviewer.
    const actor = await requireActor(request, context);
    const file = entryFileForDownload(context.db, actor, idParam(params.id), context.config.filesDir);
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: { 'Content-Type': file.mime, 'Content-Length': String(file.bytes), 'Content-Disposition': attachment(file.name, `file-${params.id}`), 'Cache-Control': 'private, no-store' },
    });
  });
}
