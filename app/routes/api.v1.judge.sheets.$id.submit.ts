import { json, type ActionFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute, methodNotAllowed, requireCsrf } from '#app/api/respond.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import { submitSheet } from '#app/models/mark.server.ts';

export async function loader({ request }: ActionFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['POST']);
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'POST') throw methodNotAllowed(['POST']);
    const actor = await requireRole(request, context, 'judge');
    await requireCsrf(request, context);
    const sheetId = idParam(params.id);
    submitSheet(context.db, actor, sheetId);
    return json({ sheetId, status: 'submitted' });
  });
}
