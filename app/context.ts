/** What the server hands every loader and action: the one database and the process's services. */
import type { Db } from '#db/client.ts';
import type { Config } from './config.server.ts';
import type { LoginLimiter } from './auth/rate-limit.server.ts';
import type { Jobs } from './jobs/jobs.server.ts';
import type { WorkPool } from './jobs/pool.server.ts';

export type AppServices = {
  db: Db;
  config: Config;
  loginLimiter: LoginLimiter;
  version: string;
  /** Long work a page follows (imports, zips, exports). */
  jobs: Jobs;
  /** Threads for CPU-heavy work (certificate PDFs, large workbooks). */
  work: WorkPool;
};

/** Per request: the client's address, and the nonce the CSP allows inline scripts by. */
export type RequestContext = AppServices & { clientIp: string; cspNonce: string };

declare module '@remix-run/node' {
  interface AppLoadContext extends RequestContext {}
}
