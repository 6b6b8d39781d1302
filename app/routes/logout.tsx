import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { endSession } from '#app/auth/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!(await csrfValid(request, context, form))) {
    throw new Response(translator(languageOf(request))('errors.csrf'), { status: 403 });
  }
  return redirect('/login?loggedOut=1', { headers: { 'Set-Cookie': await endSession(request, context) } });
}
