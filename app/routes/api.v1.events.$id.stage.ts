/** GET/PUT /api/v1/events/:id/stage: a final's stage (路演 · 答辩) — read it, or move it on. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiRoute, methodNotAllowed, readJson } from '#app/api/respond.server.ts';
import { idParam } from '#app/api/params.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { runStage, stageDesk } from '#app/models/stage.server.ts';
import { stageApiInput } from '#app/schemas/entries.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiRoute(request, async () => json(stageDesk(context.db, await requireDesk(request, context, 'desk:judging'), idParam(params.id))));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method !== 'PUT') throw methodNotAllowed(['GET', 'PUT']);
    const actor = await requireDesk(request, context, 'desk:judging');
    return json({ stage: runStage(context.db, actor, idParam(params.id), await readJson(request, context, stageApiInput)) });
  });
}
