import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { safeRedirectPath } from '#app/auth/session.server.ts';
import { LANGUAGE_COOKIE } from '#app/i18n/i18n.ts';
import { languageInput } from '#app/schemas/common.server.ts';
import { parseForm } from '#app/utils/forms.server.ts';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, context, languageInput);
  if (!parsed.ok) return redirect('/');
  const cookie = `${LANGUAGE_COOKIE}=${parsed.data.lng}; Path=/; Max-Age=31536000; SameSite=Lax`;
  return redirect(safeRedirectPath(parsed.data.redirectTo, '/'), { headers: { 'Set-Cookie': cookie } });
}
