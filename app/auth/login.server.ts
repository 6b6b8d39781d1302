/** Logging in, shared by the login page and POST /api/v1/session: rate limit, password, session. */
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '#app/domain/roles.ts';
import { loadActor, verifyLogin } from '#app/models/account.server.ts';
import { recordAudit } from '#app/models/audit.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { SYSTEM_ACTOR } from '#app/domain/roles.ts';
import type { LoginInput } from '#app/schemas/account.server.ts';
import { startSession } from './session.server.ts';

/** Returns the new session's Set-Cookie value; throws a ModelError (401/403/429) when refused. */
export async function logIn(
  request: Request,
  context: AppLoadContext,
  input: LoginInput,
): Promise<{ actor: Actor; setCookie: string }> {
  const { loginLimiter, clientIp, db } = context;
  const wait = await loginLimiter.retryAfter(clientIp, input.username);
  if (wait > 0) throw new ModelError(429, 'rate_limited', { minutes: Math.ceil(wait / 60) });

  const outcome = await verifyLogin(db, input.username, input.password);
  if (!outcome.ok) {
    await loginLimiter.recordFailure(clientIp, input.username);
    recordAudit(db, { ...SYSTEM_ACTOR, ip: clientIp }, {
      action: 'session.login_failed',
      entity: 'session',
      after: { username: input.username.slice(0, 100), code: outcome.code },
    });
    throw new ModelError(outcome.code === 'account_disabled' ? 403 : 401, outcome.code);
  }
  await loginLimiter.recordSuccess(clientIp, input.username);
  const actor = loadActor(db, outcome.user.id);
  if (!actor) throw new ModelError(403, 'account_disabled');
  return { actor, setCookie: await startSession(request, context, actor) };
}
