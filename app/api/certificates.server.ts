/** Certificate files over HTTP: one PDF, or a school's certificates as a zip, for the pages and the API. */
import { PassThrough, Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { AppLoadContext } from '@remix-run/node';
import { certificatePdf } from '#app/models/certificate-pdf.server.ts';
import type { VerifiedCertificate } from '#app/models/certificate.server.ts';

/** Where a certificate's QR code points. */
export function verifyUrl(request: Request, context: AppLoadContext, code: string): string {
  return `${context.config.publicUrl ?? new URL(request.url).origin}/verify/${code}`;
}

function disposition(filename: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const fileName = (c: VerifiedCertificate) => `${c.eventCode}-${c.holderName}-${c.code}.pdf`;

export async function pdfResponse(request: Request, context: AppLoadContext, cert: VerifiedCertificate): Promise<Response> {
  const pdf = await certificatePdf(cert, verifyUrl(request, context, cert.code), context.config.certificateFont);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': disposition(fileName(cert), `${cert.code}.pdf`), 'Cache-Control': 'private, no-store' },
  });
}

/** Streams the zip as its PDFs are made, so a school with many certificates starts downloading at once. */
export async function zipResponse(request: Request, context: AppLoadContext, certs: VerifiedCertificate[], { name, ascii }: { name: string; ascii: string }): Promise<Response> {
  // Fail before the first byte when a certificate cannot be made at all (no font).
  const first = certs[0] ? await certificatePdf(certs[0], verifyUrl(request, context, certs[0].code), context.config.certificateFont) : null;
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  void (async () => {
    try {
      for (const [i, cert] of certs.entries()) {
        const pdf = i === 0 ? first! : await certificatePdf(cert, verifyUrl(request, context, cert.code), context.config.certificateFont);
        zip.append(pdf, { name: fileName(cert) });
      }
      await zip.finalize();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': disposition(name, ascii), 'Cache-Control': 'private, no-store' },
  });
}
