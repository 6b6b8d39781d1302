/** Logging in, shared by the login page and POST /api/v1/session: rate limit, password, session. */
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '#app/domain/roles.ts';
import { loadActor, verifyLogin } from '#app/models/account.server.ts';
import { recordAudit } from '#app/models/audit.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { SYSTEM_ACTOR } from '#app/domain/roles.ts';
import type { LoginInput } from '#app/schemas/account.server.ts';
import { startSession } from './session.server.ts';

/** 429 with the wait in whole minutes for people and in seconds for `Retry-After`. */
const rateLimited = (seconds: number) => new ModelError(429, 'rate_limited', { minutes: Math.ceil(seconds / 60), retryAfter: seconds });

/** Returns the new session's Set-Cookie value; throws a ModelError (401/403/429) when refused. */
export async function logIn(
  request: Request,
  context: AppLoadContext,
  input: LoginInput,
): Promise<{ actor: Actor; setCookie: string }> {
  const { loginLimiter, clientIp, db } = context;
  const wait = await loginLimiter.retryAfter(clientIp, input.username);
  if (wait > 0) throw rateLimited(wait);

  const outcome = await verifyLogin(db, input.username, input.password);
  if (!outcome.ok) {
    await loginLimiter.recordFailure(clientIp, input.username);
    // An address past its limit is guessing: its failures are answered 429, its successes are not.
    const suspect = await loginLimiter.addressWait(clientIp);
    recordAudit(db, { ...SYSTEM_ACTOR, ip: clientIp }, {
      action: 'session.login_failed',
      entity: 'session',
      after: { username: input.username.slice(0, 100), code: outcome.code },
    });
    if (suspect > 0) throw rateLimited(suspect);
    throw new ModelError(outcome.code === 'account_disabled' ? 403 : 401, outcome.code);
  }
  await loginLimiter.recordSuccess(clientIp, input.username);
  const actor = loadActor(db, outcome.user.id);
  if (!actor) throw new ModelError(403, 'account_disabled');
  return { actor, setCookie: await startSession(request, context, actor) };
}
