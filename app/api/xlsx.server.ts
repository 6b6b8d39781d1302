/** Excel downloads and uploads over HTTP, shared by the pages and the JSON API. */
import type { TFunction } from 'i18next';
import { ApiError } from './respond.server.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 10 * 1024 * 1024;

export function xlsxResponse(buffer: Buffer, filename: string): Response {
  // Old clients read only the plain `filename`, which must be ASCII: they get the name without its Chinese.
  const ascii = filename.replace(/[^\x20-\x7e]+/g, '').replace(/["\\]/g, '').replace(/^[-_. ]+/, '') || 'export.xlsx';
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${ascii.endsWith('.xlsx') ? ascii : 'export.xlsx'}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** The uploaded file of a multipart form (field `file`), at most 10 MiB. */
export async function uploadedFile(request: Request, form: FormData): Promise<ArrayBuffer> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > MAX_UPLOAD) throw new ApiError(413, 'import_too_large');
  const file = form.get('file');
  if (!file || typeof file === 'string' || file.size === 0) throw new ApiError(400, 'import_empty');
  if (file.size > MAX_UPLOAD) throw new ApiError(413, 'import_too_large');
  return file.arrayBuffer();
}

export const violationText = (t: TFunction) => (v: { code: string; params?: Record<string, string | number> }) =>
  String(t(`errors.${v.code}`, v.params ?? {}));
