import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, postOnly } from '#app/api/respond.server.ts';
import { apiImport } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { importSchools } from '#app/models/school-import.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** Every school, or none and every error listed; the answer carries each new account's one-time password, once. */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:organiser');
    return apiImport(request, context, (file, name) => importSchools(context.db, actor, file, name));
  });
