import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, apiRoute } from '#app/api/respond.server.ts';
import { certificateText } from '#app/models/certificate-pdf.server.ts';
import { verifyCertificate } from '#app/models/certificate.server.ts';

/** Verifies a certificate code: what the certificate states, or 404 for a forged or altered code. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    const cert = verifyCertificate(context.db, params.code ?? '');
    if (!cert) throw new ApiError(404, 'certificate_not_found');
    return json({
      code: cert.code,
      valid: cert.revokedAt === null,
      kind: cert.kind,
      holderName: cert.holderName,
      school: cert.school,
      event: { code: cert.eventCode, name: cert.eventName },
      competition: cert.competition,
      year: cert.year,
      award: cert.awardKind,
      text: certificateText(cert),
      issuedAt: cert.issuedAt,
    });
  });
}
