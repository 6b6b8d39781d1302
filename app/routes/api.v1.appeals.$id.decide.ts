import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { idParam } from '#app/api/params.server.ts';
import { apiPost, postOnly, readJson } from '#app/api/respond.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { decideAppeal } from '#app/models/appeal.server.ts';
import { decideInput } from '#app/schemas/awards.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  return postOnly(request);
}

/** The arbiter upholds or rejects an appeal, with a reason. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return apiPost(request, async () => {
    const actor = await requireDesk(request, context, 'desk:arbiter');
    const input = await readJson(request, context, decideInput);
    return json(decideAppeal(context.db, actor, idParam(params.id), input));
  });
}
