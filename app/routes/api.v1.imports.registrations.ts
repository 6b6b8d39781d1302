import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, postOnly } from '#app/api/respond.server.ts';
import { apiImport, violationText } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { importRegistrations } from '#app/models/registration-xlsx.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** multipart/form-data with the .xlsx in `file`: all rows imported, or none and every error listed. */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:registration');
    return apiImport(request, context, (file, _name, t) => importRegistrations(context.db, actor, file, { describe: violationText(t) }));
  });
