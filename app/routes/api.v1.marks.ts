import { json, type ActionFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import { putMark } from '#app/models/mark.server.ts';
import { markInput } from '#app/schemas/judging.server.ts';

export async function loader({ request }: ActionFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['PUT']);
  });
}

/** PUT one mark; a resend with the same idempotency key answers 200 with the stored mark. */
export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'PUT') throw methodNotAllowed(['PUT']);
    const actor = await requireRole(request, context, 'judge');
    const input = await readJson(request, context, markInput);
    const { mark, duplicate } = putMark(context.db, actor, input);
    return json(
      { id: mark.id, sheetId: mark.sheetId, criterionId: mark.criterionId, value: mark.value, idempotencyKey: mark.idempotencyKey, createdAt: mark.createdAt, duplicate },
      { status: duplicate ? 200 : 201 },
    );
  });
}
