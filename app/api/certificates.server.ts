/**
 * Certificate files over HTTP: one PDF, or a school's certificates as a zip, for the pages and the
 * API. The PDFs are made on the work threads; the zip streams as they come, or is built for a job.
 */
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ZipArchive } from 'archiver';
import type { AppLoadContext } from '@remix-run/node';
import type { JobFile, JobReport } from '#app/jobs/jobs.server.ts';
import type { VerifiedCertificate } from '#app/models/certificate.server.ts';
import { attachment } from './files.server.ts';

/** Where a certificate's QR code points. */
export function verifyUrl(request: Request, context: AppLoadContext, code: string): string {
  return `${context.config.publicUrl ?? new URL(request.url).origin}/verify/${code}`;
}

const fileName = (c: VerifiedCertificate) => `${c.eventCode}-${c.holderName}-${c.code}.pdf`;

const pdfOf = (request: Request, context: AppLoadContext, cert: VerifiedCertificate) =>
  context.work.certificatePdf({ cert, verifyUrl: verifyUrl(request, context, cert.code), font: context.config.certificateFont });

export async function pdfResponse(request: Request, context: AppLoadContext, cert: VerifiedCertificate): Promise<Response> {
  const pdf = await pdfOf(request, context, cert);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(fileName(cert), `${cert.code}.pdf`), 'Cache-Control': 'private, no-store' },
  });
}

/**
 * Adds each certificate's PDF to `zip` in turn, the next one made only once `out` has room: a
 * slow download holds at most a few PDFs in memory, not the whole school's.
 */
async function fillZip(request: Request, context: AppLoadContext, certs: VerifiedCertificate[], zip: ZipArchive, out: Writable, first: Buffer | null, report?: JobReport) {
  for (const [i, cert] of certs.entries()) {
    report?.({ stage: 'certificates', done: i, total: certs.length });
    const pdf = i === 0 && first ? first : await pdfOf(request, context, cert);
    zip.append(pdf, { name: fileName(cert) });
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  report?.({ stage: 'file', done: certs.length, total: certs.length });
  await zip.finalize();
}

/** Streams the zip as its PDFs are made, so a school with many certificates starts downloading at once. */
export async function zipResponse(request: Request, context: AppLoadContext, certs: VerifiedCertificate[], { name, ascii }: { name: string; ascii: string }): Promise<Response> {
  // Fail before the first byte when a certificate cannot be made at all (no font).
  const first = certs[0] ? await pdfOf(request, context, certs[0]) : null;
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  fillZip(request, context, certs, zip, out, first).catch((error: Error) => out.destroy(error));
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(name, ascii), 'Cache-Control': 'private, no-store' },
  });
}

/** The same zip whole, for a job the page follows certificate by certificate. */
export async function zipFile(request: Request, context: AppLoadContext, certs: VerifiedCertificate[], { name, ascii }: { name: string; ascii: string }, report: JobReport): Promise<JobFile> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  const [bytes] = await Promise.all([buffer(out), fillZip(request, context, certs, zip, out, null, report)]);
  return { bytes: new Uint8Array(bytes), name, ascii, type: 'application/zip' };
}
