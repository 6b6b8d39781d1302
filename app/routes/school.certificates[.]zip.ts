/** Every certificate of the school as one zip (the organiser passes ?schoolId=). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { zipFile, zipResponse } from '#app/api/certificates.server.ts';
import { apiRoute, requireCsrf } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { schoolCertificates } from '#app/models/certificate.server.ts';
import { modelRead, modelReadAsync, numericParam } from '#app/utils/route.server.ts';

async function certificatesOf(request: Request, context: LoaderFunctionArgs['context']) {
  const actor = await requireDesk(request, context, 'desk:registration');
  const schoolId = actor.schoolId ?? numericParam(new URL(request.url).searchParams.get('schoolId') ?? undefined);
  const certs = modelRead(request, () => schoolCertificates(context.db, actor, schoolId));
  return { actor, certs, names: { name: `${certs[0]?.school ?? 'school'}-证书.zip`, ascii: `school-${schoolId}-certificates.zip` } };
}

/** GET: the zip, streamed as its certificates are made (no script needed). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { certs, names } = await certificatesOf(request, context);
  return modelReadAsync(request, () => zipResponse(request, context, certs, names));
}

/** POST: the zip as a job the page follows certificate by certificate (202 `{ job }`). */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    await requireDesk(request, context, 'desk:registration');
    await requireCsrf(request, context);
    const { actor, certs, names } = await certificatesOf(request, context);
    const job = context.jobs.start(actor.userId, async (report) => ({ file: await zipFile(request, context, certs, names, report) }));
    return json({ job }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  });
}
