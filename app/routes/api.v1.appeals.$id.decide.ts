import { json, type ActionFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { requireRole } from '#app/auth/session.server.ts';
import { decideAppeal } from '#app/models/appeal.server.ts';
import { decideInput } from '#app/schemas/awards.server.ts';

export async function loader({ request }: ActionFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['POST']);
  });
}

/** The arbiter upholds or rejects an appeal, with a reason. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'POST') throw methodNotAllowed(['POST']);
    const actor = await requireRole(request, context, 'arbiter');
    const input = await readJson(request, context, decideInput);
    return json(decideAppeal(context.db, actor, idParam(params.id), input));
  });
}
