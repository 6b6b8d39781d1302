import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiPost, postOnly } from '#app/api/respond.server.ts';
import { apiImport } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { importJudges } from '#app/models/judge-import.server.ts';

export const loader = ({ request }: LoaderFunctionArgs) => postOnly(request);

/** Every judge (and assignment), or none and every error listed; new accounts' one-time passwords, once. */
export const action = ({ request, context }: ActionFunctionArgs) =>
  apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:organiser');
    return apiImport(request, context, (file, name) => importJudges(context.db, actor, file, name));
  });
