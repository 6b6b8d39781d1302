import { json, type ActionFunctionArgs } from '@remix-run/node';
import { meBody } from '#app/api/me.server.ts';
import { apiRoute, methodNotAllowed, readJson, requireCsrf } from '#app/api/respond.server.ts';
import { csrfToken } from '#app/auth/csrf.server.ts';
import { logIn } from '#app/auth/login.server.ts';
import { endSession, requireActor } from '#app/auth/session.server.ts';
import { loginInput } from '#app/schemas/account.server.ts';

export async function loader({ request }: ActionFunctionArgs) {
  return apiRoute(request, () => {
    throw methodNotAllowed(['POST', 'DELETE']);
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return apiRoute(request, async () => {
    if (request.method === 'POST') {
      const input = await readJson(request, context, loginInput);
      const { actor, setCookie } = await logIn(request, context, input);
      const csrf = await csrfToken(request, context);
      const headers = new Headers({ 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' });
      if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie);
      return json({ user: meBody(actor), csrfToken: csrf.token }, { headers });
    }
    if (request.method === 'DELETE') {
      await requireActor(request, context);
      await requireCsrf(request, context);
      return new Response(null, { status: 204, headers: { 'Set-Cookie': await endSession(request, context) } });
    }
    throw methodNotAllowed(['POST', 'DELETE']);
  });
}
