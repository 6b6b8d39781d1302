/**
 * What an uploaded file is, read from its content, never its name (#16): its kind by its magic
 * bytes (file-type), a PDF's page count (pdf-lib, which also refuses a truncated or broken PDF), and
 * plain text as valid UTF-8 without control bytes. The category's limits are the domain's
 * (`fileProblem` in works.ts).
 */
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import type { FileFacts, FileKind } from '#app/domain/works.ts';
import { ModelError } from './errors.ts';

const KIND_OF_MIME: [RegExp, FileKind][] = [
  [/^application\/pdf$/, 'pdf'],
  [/^image\/(png|jpeg|webp|gif|heic|heif)$/, 'image'],
  [/^video\//, 'video'],
  [/^audio\//, 'audio'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml|^application\/msword|^application\/x-cfb$/, 'document'],
  [/^application\/vnd\.openxmlformats-officedocument\.presentationml|^application\/vnd\.ms-powerpoint/, 'presentation'],
];

/** UTF-8 that decodes cleanly and holds no control bytes but tab, newline and carriage return. */
function isPlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

export type InspectedFile = FileFacts & { mime: string };

export async function inspectFile(bytes: Uint8Array): Promise<InspectedFile> {
  if (bytes.length === 0) return { kind: null, bytes: 0, mime: 'application/octet-stream' };
  const type = await fileTypeFromBuffer(bytes);
  const kind = type ? (KIND_OF_MIME.find(([mime]) => mime.test(type.mime))?.[1] ?? null) : isPlainText(bytes) ? 'text' : null;
  const mime = type?.mime ?? (kind === 'text' ? 'text/plain; charset=utf-8' : 'application/octet-stream');
  if (kind !== 'pdf') return { kind, bytes: bytes.length, mime };
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    return { kind, bytes: bytes.length, pages: pdf.getPageCount(), mime };
  } catch {
    // A PDF cut off in transfer, or one that only starts like a PDF.
    throw new ModelError(422, 'file_truncated');
  }
}
