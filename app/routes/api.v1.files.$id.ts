/**
 * GET: an entry's file, for its school, the organiser and its assigned reviewers only (anyone
 * else: 404). `?inline=1` shows it in the page (the reviewer's viewer) instead of downloading it;
 * byte ranges are served so that a reviewer can seek in a film without fetching all of it.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { attachment } from '#app/api/files.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute } from '#app/api/respond.server.ts';
import { requireActor } from '#app/auth/session.server.ts';
import { entryFileForDownload } from '#app/models/entry.server.ts';

/** One satisfiable `bytes=a-b` range (a suffix `bytes=-n` too), or null for the whole file. */
function rangeOf(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    // Who may have it is the model's to say: the school, the organiser, an assigned reviewer.
    const actor = await requireActor(request, context);
    const file = entryFileForDownload(context.db, actor, idParam(params.id), context.config.filesDir);
    const inline = new URL(request.url).searchParams.get('inline') === '1';
    const disposition = attachment(file.name, `file-${params.id}`).replace(/^attachment/, inline ? 'inline' : 'attachment');
    const headers = { 'Content-Type': file.mime, 'Content-Disposition': disposition, 'Cache-Control': 'private, no-store', 'Accept-Ranges': 'bytes' };
    const range = rangeOf(request.headers.get('Range'), file.bytes);
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.bytes}` } });
    if (range) {
      const stream = Readable.toWeb(createReadStream(file.path, range)) as ReadableStream;
      return new Response(stream, { status: 206, headers: { ...headers, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${file.bytes}` } });
    }
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, { headers: { ...headers, 'Content-Length': String(file.bytes) } });
  });
}
