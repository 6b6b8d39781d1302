/** GET: an entry's file, for its school and the organiser only (anyone else: 404). */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { attachment } from '#app/api/files.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { entryFileForDownload } from '#app/models/entry.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    const file = entryFileForDownload(context.db, actor, idParam(params.id), context.config.filesDir);
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: { 'Content-Type': file.mime, 'Content-Length': String(file.bytes), 'Content-Disposition': attachment(file.name, `file-${params.id}`), 'Cache-Control': 'private, no-store' },
    });
  });
}
