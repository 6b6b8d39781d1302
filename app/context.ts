/** What the server hands every loader and action: the one database and the process's services. */
import type { Db } from '#db/client.ts';
import type { Config } from './config.server.ts';
import type { LoginLimiter } from './auth/rate-limit.server.ts';

export type AppServices = {
  db: Db;
  config: Config;
  loginLimiter: LoginLimiter;
  version: string;
};

/** Per request: the client's address, and the nonce the CSP allows inline scripts by. */
export type RequestContext = AppServices & { clientIp: string; cspNonce: string };

declare module '@remix-run/node' {
  interface AppLoadContext extends RequestContext {}
}
