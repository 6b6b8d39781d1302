/** Excel downloads and uploads over HTTP, shared by the pages and the JSON API. */
import { json, type AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { languageOf, translator, type Language } from '#app/i18n/i18n.ts';
import { ModelError } from '#app/models/errors.ts';
import { outcomeOf, type JobFile, type JobReport } from '#app/jobs/jobs.server.ts';
import { fileResponse } from './files.server.ts';
import { ApiError } from './respond.server.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 10 * 1024 * 1024;

/**
 * A workbook download: `filename` as people read it (Chinese), and `ascii`, the name old clients
 * that read only the plain `filename` get — said in words too, never `export.xlsx`.
 */
export function xlsxResponse(buffer: Buffer, { filename, ascii }: { filename: string; ascii: string }): Response {
  return fileResponse(xlsxFile(buffer, { filename, ascii }));
}

/** The same workbook as a job's file, fetched when it is ready. */
export function xlsxFile(buffer: Buffer, { filename, ascii }: { filename: string; ascii: string }): JobFile {
  return { bytes: new Uint8Array(buffer), name: filename, ascii, type: XLSX_TYPE };
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

/** An API upload's form: multipart (else 415), readable (else 400), with the CSRF token for cookie sessions (else 403). */
export async function multipartForm(request: Request, context: AppLoadContext): Promise<FormData> {
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(400, 'import_empty');
  }
  if (!(await csrfValid(request, context, form))) throw new ApiError(403, 'csrf');
  return form;
}

/**
 * An API import: a multipart POST whose `file` is the workbook; CSRF for cookie sessions; the
 * import's refusal of rows is 422 with every row's error, its success the JSON it returns.
 */
export async function apiImport(
  request: Request,
  context: AppLoadContext,
  run: (file: ArrayBuffer, fileName: string | undefined, t: TFunction) => Promise<{ ok: true } | { ok: false; errors: { row: number }[] }>,
): Promise<Response> {
  const form = await multipartForm(request, context);
  const t = translator(languageOf(request));
  const file = form.get('file');
  const outcome = await run(await uploadedFile(request, form), typeof file === 'string' || !file ? undefined : file.name, t);
  if (!outcome.ok) {
    return json({ error: { code: 'import_rejected', message: String(t('errors.import_rejected', { count: outcome.errors.length })), rows: outcome.errors } }, { status: 422 });
  }
  return json(outcome, { headers: { 'Cache-Control': 'no-store' } });
}

/** What a page's upload answers when the upload itself is refused (no file, not a workbook …). */
export type UploadRefusal = { ok: false; message: string; errors: [] };

/**
 * A page's workbook upload: reads the multipart form, checks its CSRF token and takes the file,
 * then lets `handle` import it; any refusal on the way answers `{ ok: false, message }` with its status.
 * A page with scripts sends `_job=1`: the import then runs as the owner's job (202 `{ job }`), and
 * the page follows its progress and shows the same answer when it ends.
 */
export async function uploadAction(
  request: Request,
  context: AppLoadContext,
  handle: (file: ArrayBuffer, lng: Language, t: TFunction, report: JobReport) => Promise<Response>,
  { jobOwner }: { jobOwner?: number } = {},
): Promise<Response> {
  const lng = languageOf(request);
  const t = translator(lng);
  const refuse = (code: string, status: number, params: Record<string, unknown> = {}) => json<UploadRefusal>({ ok: false, message: t(`errors.${code}`, params), errors: [] }, { status });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse('import_empty', 400);
  }
  if (!(await csrfValid(request, context, form))) throw json({ message: t('errors.csrf') }, { status: 403 });
  const run = async (report: JobReport) => {
    try {
      return await handle(await uploadedFile(request, form), lng, t, report);
    } catch (error) {
      if (error instanceof ModelError || error instanceof ApiError) return refuse(error.code, error.status, error.params);
      throw error;
    }
  };
  // Only a script asks for a job (and reads JSON): a plain form post always gets the page's answer.
  const wantsJob = form.get('_job') === '1' && request.headers.get('Accept')?.includes('application/json');
  if (jobOwner === undefined || !wantsJob) return run(() => {});
  try {
    const job = context.jobs.start(jobOwner, async (report) => outcomeOf(await run(report)));
    return json({ job }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof ModelError) return refuse(error.code, error.status, error.params);
    throw error;
  }
}
