/**
 * What an uploaded file is, read from its content, never its name (#16): its kind by its magic
 * bytes (file-type), a PDF's page count (pdf-lib, which also refuses a truncated or broken PDF), an
 * MP4/MOV video's duration (mp4box, GPAC's reader: it skips the media data, so a 200 MB film costs
 * a few reads), and plain text as valid UTF-8 without control bytes. Other videos' duration is not
 * read (no maintained reader here), so no limit on it is applied. The category's limits are the
 * domain's (`fileProblem` in works.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { createFile, MP4BoxBuffer } from 'mp4box';
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
/** Larger than any category's text limit: a bigger file without a known type is not text. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;
const ISO_VIDEO = /^video\/(mp4|quicktime|x-m4v|3gpp)$/;

/** UTF-8 that decodes cleanly and holds no control bytes but tab, newline and carriage return. */
function isPlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/** Seconds of an MP4/MOV, or null when its header (moov) cannot be read. */
async function isoVideoSeconds(path: string, size: number): Promise<number | null> {
  const file = createFile();
  let seconds: number | null = null;
  file.onReady = (info) => {
    seconds = info.timescale > 0 ? info.duration / info.timescale : null;
  };
  file.onError = () => {};
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    // mp4box answers with the offset it wants next, which jumps over the media data.
    for (let position = 0, reads = 0; seconds === null && position < size && reads < 64; reads++) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      const copy = chunk.buffer.slice(0, bytesRead);
      const next = file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, position));
      position = next > position ? next : position + bytesRead;
    }
    file.flush();
  } catch {
    return null;
  } finally {
    await handle.close();
  }
  return seconds;
}

export type InspectedFile = FileFacts & { mime: string };

/** The file at `path`, read by its content. A cut-off or broken PDF is refused (422). */
export async function inspectPath(path: string): Promise<InspectedFile> {
  const { size } = await stat(path);
  if (size === 0) return { kind: null, bytes: 0, mime: 'application/octet-stream' };
  const type = await fileTypeFromFile(path);
  const kind = type ? (KIND_OF_MIME.find(([mime]) => mime.test(type.mime))?.[1] ?? null) : size <= MAX_TEXT_BYTES && isPlainText(await readFile(path)) ? 'text' : null;
  const mime = type?.mime ?? (kind === 'text' ? 'text/plain; charset=utf-8' : 'application/octet-stream');
  if (kind === 'video' && ISO_VIDEO.test(mime)) return { kind, bytes: size, mime, seconds: await isoVideoSeconds(path, size) };
  if (kind !== 'pdf') return { kind, bytes: size, mime };
  try {
    const pdf = await PDFDocument.load(await readFile(path), { updateMetadata: false, throwOnInvalidObject: true });
    return { kind, bytes: size, pages: pdf.getPageCount(), mime };
  } catch {
    // A PDF cut off in transfer, or one that only starts like a PDF.
    throw new ModelError(422, 'file_truncated');
  }
}

/** SHA-256 of a file, read as a stream (a film need not fit in memory). */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
