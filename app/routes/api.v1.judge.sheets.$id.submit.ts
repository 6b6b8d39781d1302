import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiPost, postOnly, requireCsrf } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { submitSheet } from '#app/models/mark.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:judge');
    await requireCsrf(request, context);
    const sheetId = idParam(params.id);
    submitSheet(context.db, actor, sheetId);
    return json({ sheetId, status: 'submitted' });
  });
}
