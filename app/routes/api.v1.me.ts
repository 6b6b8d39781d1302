import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { meBody } from '#app/api/me.server.ts';
import { apiRoute, methodNotAllowed } from '#app/api/respond.server.ts';
import { requireActor } from '#app/auth/session.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiRoute(request, async () => {
    const actor = await requireActor(request, context);
    return json(meBody(actor), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}

export async function action({ request }: LoaderFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['GET']);
  });
}
