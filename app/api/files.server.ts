/** Files over HTTP: the name people read (Chinese) and a plain one for old clients, never `export.xlsx`. */
import type { JobFile } from '#app/jobs/jobs.server.ts';

export function attachment(name: string, ascii: string): string {
  const plain = ascii.replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse({ bytes, name, ascii, type }: JobFile): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': type, 'Content-Disposition': attachment(name, ascii), 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'private, no-store' },
  });
}
