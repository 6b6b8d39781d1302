/**
 * Who is asking: a session cookie (browsers) or a bearer API token (other systems). Guards throw a
 * Response, so a route reads as a list of what it needs: `const actor = await requireRole(...)`.
 */
import { json, redirect, type AppLoadContext } from '@remix-run/node';
import type { Config } from '#app/config.server.ts';
import { can, type Action, type Resource } from '#app/domain/permissions.ts';
import { homePathFor, type Actor } from '#app/domain/roles.ts';
import { findApiToken, looksLikeApiToken } from '#app/models/api-token.server.ts';
import { createSession, findSession, revokeSession, SESSION_TTL_MS } from '#app/models/session.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';

import { SESSION_COOKIE } from './session-cookie.ts';
import { perConfig, signedCookie } from './signed-cookie.server.ts';

const sessionCookieOf = perConfig<Config>((config) =>
  signedCookie(SESSION_COOKIE, {
    secrets: [config.sessionSecret],
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  }),
);
const sessionCookie = (context: AppLoadContext) => sessionCookieOf(context.config);

export type Identity = { actor: Actor; sessionId: number | null; via: 'session' | 'token' };

const identities = new WeakMap<Request, Promise<Identity | null>>();

/** The identity behind a request, looked up once per request. */
export function getIdentity(request: Request, context: AppLoadContext): Promise<Identity | null> {
  let found = identities.get(request);
  if (!found) {
    found = lookUp(request, context);
    identities.set(request, found);
  }
  return found;
}

async function lookUp(request: Request, context: AppLoadContext): Promise<Identity | null> {
  const authorization = request.headers.get('Authorization');
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice(7).trim();
    const actor = looksLikeApiToken(token) ? findApiToken(context.db, token) : null;
    return actor ? { actor: { ...actor, ip: context.clientIp }, sessionId: null, via: 'token' } : null;
  }
  const token = await sessionCookie(context).read(request.headers.get('Cookie'));
  if (typeof token !== 'string') return null;
  const session = findSession(context.db, token);
  return session ? { actor: { ...session.actor, ip: context.clientIp }, sessionId: session.sessionId, via: 'session' } : null;
}

export async function getActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  return (await getIdentity(request, context))?.actor ?? null;
}

export function isApiRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith('/api/');
}

function refuse(request: Request, status: 401 | 403, refusal: 'forbidden' | 'password_change_required' = 'forbidden'): never {
  const t = translator(languageOf(request));
  if (isApiRequest(request)) {
    const code = status === 401 ? 'unauthenticated' : refusal;
    throw json({ error: { code, message: t(`errors.${code}`) } }, { status });
  }
  if (status === 401) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  throw json({ message: t('errors.forbidden') }, { status: 403 });
}

export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  return (await getActor(request, context)) ?? refuse(request, 401);
}

/** The actor, when the permission table lets it open this desk (or take this action); else 401/403. */
export async function requireDesk(request: Request, context: AppLoadContext, action: Action, resource?: Resource): Promise<Actor> {
  const actor = await requireActor(request, context);
  if (!can(actor, action, resource)) refuse(request, 403, actor.mustChangePassword ? 'password_change_required' : 'forbidden');
  return actor;
}

/** Starts a session for an account that has just proved its password; returns the Set-Cookie value. */
export async function startSession(request: Request, context: AppLoadContext, actor: Actor): Promise<string> {
  const { token } = createSession(context.db, { ...actor, ip: context.clientIp }, {
    ip: context.clientIp,
    userAgent: request.headers.get('User-Agent'),
  });
  return sessionCookie(context).cookie.serialize(token);
}

/** Revokes the request's session in the database (not just the cookie); returns the clearing Set-Cookie. */
export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const identity = await getIdentity(request, context);
  if (identity?.sessionId != null) revokeSession(context.db, identity.actor, identity.sessionId, 'logout');
  return sessionCookie(context).cookie.serialize('', { maxAge: 0 });
}

/** Only local paths, so a crafted link cannot send someone elsewhere after login. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

export { homePathFor };
