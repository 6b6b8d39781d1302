/** Every certificate of the school as one zip (the organiser passes ?schoolId=). */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { zipResponse } from '#app/api/certificates.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { schoolCertificates } from '#app/models/certificate.server.ts';
import { modelRead, modelReadAsync, numericParam } from '#app/utils/route.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:registration');
  const schoolId = actor.schoolId ?? numericParam(new URL(request.url).searchParams.get('schoolId') ?? undefined);
  const certs = modelRead(request, () => schoolCertificates(context.db, actor, schoolId));
  const name = `${certs[0]?.school ?? 'school'}-证书.zip`;
  return modelReadAsync(request, () => zipResponse(request, context, certs, { name, ascii: `school-${schoolId}-certificates.zip` }));
}
