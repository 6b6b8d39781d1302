/**
 * CSRF protection by signed double submit: a random token in an httpOnly cookie that a forged
 * cross-site request cannot read, echoed by every mutation as the `_csrf` form field or the
 * `X-CSRF-Token` header. Requests that carry only a bearer token have no ambient credentials and
 * need no token.
 */
import type { AppLoadContext } from '@remix-run/node';
import type { Config } from '#app/config.server.ts';
import { perConfig, signedCookie } from './signed-cookie.server.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import { newSecret, safeEqual } from './tokens.server.ts';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const csrfCookieOf = perConfig<Config>((config) =>
  signedCookie('chuyi_csrf', { secrets: [config.sessionSecret], httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' }),
);
const csrfCookie = (context: AppLoadContext) => csrfCookieOf(context.config);

/** The request's token, and a Set-Cookie header when a new one had to be made. */
export async function csrfToken(request: Request, context: AppLoadContext): Promise<{ token: string; setCookie: string | null }> {
  const existing = await csrfCookie(context).read(request.headers.get('Cookie'));
  if (typeof existing === 'string' && existing.length >= 32) return { token: existing, setCookie: null };
  const token = newSecret();
  return { token, setCookie: await csrfCookie(context).cookie.serialize(token) };
}

/**
 * True when the mutation carries the token of its own cookie, or needs none: a JSON request with no
 * session cookie acts for nobody, and a cross-site page cannot send JSON without a CORS preflight
 * that this server never grants, so it cannot forge even a login.
 */
export async function csrfValid(request: Request, context: AppLoadContext, form?: FormData): Promise<boolean> {
  const cookieHeader = request.headers.get('Cookie');
  const json = request.headers.get('Content-Type')?.split(';')[0].trim() === 'application/json';
  const sessionCookie = cookieHeader?.includes(`${SESSION_COOKIE}=`) ?? false;
  if (!form && json && !sessionCookie) return true;
  if (!form && !sessionCookie && request.headers.get('Authorization')?.startsWith('Bearer ')) return true;
  const expected = await csrfCookie(context).read(cookieHeader ?? null);
  const given = request.headers.get(CSRF_HEADER) ?? form?.get(CSRF_FIELD);
  return typeof expected === 'string' && typeof given === 'string' && safeEqual(expected, given);
}
