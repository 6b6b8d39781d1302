/**
 * The one Node process: Express serves the Remix app and the static files, socket.io shares its
 * HTTP server, the database is migrated (and seeded when empty) before the first request.
 *
 *   npm start            build, then run this file
 *   npm run serve        run this file against an existing build
 */
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server as SocketServer } from 'socket.io';
import { closeDatabase, openMigratedDatabase, type Db } from './db/client.ts';
import { startCheckpointer } from './db/checkpointer.ts';
import { Jobs } from './app/jobs/jobs.server.ts';
import { createWorkPool, type WorkPool } from './app/jobs/pool.server.ts';
import { settleAnnouncements } from './app/models/publication.server.ts';
import { hasAdmin } from './app/models/account.server.ts';
import { type Config, ConfigError, loadConfig, startupWarnings } from './app/config.server.ts';
import { createLoginLimiter, type LoginLimits } from './app/auth/rate-limit.server.ts';
import type { AppServices } from './app/context.ts';
import { attachRealtime } from './app/realtime/server.ts';
import { connectRedis } from './app/redis.server.ts';
import { attachLive, type LiveHub } from './app/realtime/live.server.ts';
import { getActor } from './app/auth/session.server.ts';
import { marksHandler } from './app/api/fast-marks.server.ts';
import { createUploads, UPLOADS_PATH } from './app/api/uploads.server.ts';
import { feedHandler } from './app/api/feed.server.ts';
import { cleanErrors, contentSecurityPolicy, limitBody, MAX_BODY_BYTES } from './app/http/hardening.server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedCompetition } from './scripts/seed/generate.ts';
import { startSimulation } from './scripts/simulate.ts';
import { seedHistory } from './scripts/seed/history.ts';
import { seedWorks } from './scripts/seed/works.ts';

const ROOT = dirname(fileURLToPath(import.meta.url));
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export type AppServer = {
  url: string;
  port: number;
  db: Db;
  io: SocketServer;
  live: LiveHub;
  httpServer: HttpServer;
  /** The work threads (certificate PDFs, large workbooks). */
  work: WorkPool;
  /** Stops accepting, lets requests in flight finish, closes sockets and the database. */
  close(): Promise<void>;
};

export type AppServerOptions = {
  config: Config;
  /** Defaults to ./build/index.js (made by `remix build`). */
  buildPath?: string;
  loginLimits?: LoginLimits;
  log?: (line: string) => void;
};

export async function createAppServer({ config, buildPath, loginLimits, log = console.log }: AppServerOptions): Promise<AppServer> {
  const db = openMigratedDatabase(config.databasePath);
  const checkpointer = startCheckpointer(db, config.databasePath);
  if (config.seedDemo && isEmpty(db)) {
    const report = await seedCompetition(db);
    log(`已写入演示竞赛 (seeded the demo competition): ${JSON.stringify(report)}`);
    // The demo's past: a finished earlier year, with results, inheritors and certificates to see.
    if (config.seedHistory) {
      const past = await seedHistory(db);
      log(`已写入往届演示 (seeded a finished earlier year): ${past.events} 个赛项，${past.inheritors} 位传承人`);
    }
    if (config.seedWorks) {
      const works = await seedWorks(db, { filesDir: config.filesDir });
      log(`已写入文明风采演示 (seeded a 文明风采 year): ${works.entries} 件作品，${works.reviewers} 位网评评审`);
    }
  }

  const build = (await import(pathToFileURL(buildPath ?? join(ROOT, 'build', 'index.js')).href)) as ServerBuild;
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
  const work = createWorkPool();
  const services: AppServices = { db, config, loginLimiter: createLoginLimiter(loginLimits, redis), version: VERSION, jobs: new Jobs({ log: (what, error) => log(`${String(what)}: ${String(error)}`) }), work };
  // Set once socket.io is attached to the HTTP server below; the feed reads it per request.
  let live!: LiveHub;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Remix inlines its hydration scripts, so the CSP is left to a later, nonce-based change.
  // A nonce per response: Remix's inline scripts carry it, and the policy allows no other inline script.
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  // Referrer-Policy same-origin, not helmet's no-referrer: under no-referrer a browser posts a plain
  // form with `Origin: null`, and a page without scripts could not be submitted.
  const securityHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) }, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } });
  // The built scripts are immutable files, not documents: a policy, HSTS or framing rules mean
  // nothing on them, and at a kilobyte a file they cost a phone on slow 3G more than a tenth of
  // its script budget. They keep what matters for a script: no sniffing, same-origin use only.
  // An entry's file may be shown inside this site's own pages (the reviewer's viewer), never elsewhere's;
  // a browser's PDF viewer is a plugin, which `object-src 'none'` on the PDF itself would block.
  const fileHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: { ...contentSecurityPolicy(config), 'frame-ancestors': ["'self'"], 'object-src': ["'self'"] } }, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' }, frameguard: { action: 'sameorigin' } });
  app.use((req, res, next) => {
    if (req.path.startsWith('/api/v1/files/')) return fileHeaders(req, res, next);
    if (!req.path.startsWith('/build/')) return securityHeaders(req, res, next);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  });
  // A body over the limit gets 413 with the API's error shape, read to its end so that the
  // client sees the answer rather than a reset connection (see limit-body.ts).
  // Resumable uploads carry files far larger, in parts; their limits are the category's (uploads.server.ts).
  const bodyLimit = limitBody(MAX_BODY_BYTES);
  app.use((req, res, next) => (req.path.startsWith(UPLOADS_PATH) ? next() : bodyLimit(req, res, next)));
  // Pages and scripts are worth compressing for phones; the JSON API's small answers are not, and
  // compressing a body of unknown length costs each request about a millisecond of zlib. API
  // requests skip the middleware altogether: even deciding not to compress wraps every response.
  const compress = compression({ filter: (req, res) => req.method === 'GET' && compression.filter(req, res) });
  app.use((req, res, next) => (req.path.startsWith('/api/') ? next() : compress(req, res, next)));

  app.get('/healthz', (_req, res) => {
    try {
      db.$client.prepare('select 1').get();
      res.json({ ok: true, db: 'ok', version: VERSION });
    } catch (error) {
      res.status(503).json({ ok: false, db: String(error), version: VERSION });
    }
  });

  // Content-hashed names: cached for good, so validators (ETag, Last-Modified) would never be used.
  app.use('/build', express.static(join(ROOT, 'public', 'build'), { immutable: true, maxAge: '1y', etag: false, lastModified: false, acceptRanges: false, fallthrough: false }));
  // The API never serves files: skipping the file-system lookup saves every API request a stat().
  const publicFiles = express.static(join(ROOT, 'public'), { maxAge: '1h' });
  app.use((req, res, next) => (req.path.startsWith('/api/') ? next() : publicFiles(req, res, next)));
  app.use(rejectCrossOriginMutations);

  const requestContext = (req: express.Request, res?: express.Response) => ({
    ...services,
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    cspNonce: (res?.locals.cspNonce as string | undefined) ?? '',
  });
  // The hottest endpoint skips Remix's per-request work; the same guards and model run (see the module).
  app.put(
    '/api/v1/marks',
    express.json({ limit: '10kb' }),
    (error: { type?: string } | undefined, _req: express.Request, res: express.Response, next: express.NextFunction) =>
      error?.type === 'entity.too.large'
        ? res.status(413).json({ error: { code: 'body_too_large', message: '请求体过大 (request body too large)。' } })
        : error
          ? res.status(400).json({ error: { code: 'invalid_json', message: '请求体不是有效的 JSON (not valid JSON)。' } })
          : next(),
    marksHandler(requestContext),
  );

  const uploads = createUploads(config, (req) => requestContext(req as express.Request));
  app.all([UPLOADS_PATH, `${UPLOADS_PATH}/*`], (req, res) => void uploads.handle(req, res));
  const cleaning = setInterval(() => void uploads.cleanUp().catch((error) => log(`清理未完成上传失败 (upload clean-up failed): ${String(error)}`)), 60 * 60_000);
  cleaning.unref();

  app.get('/api/v1/competitions/current/feed', feedHandler(db, () => live));

  app.all(
    '*',
    createRequestHandler({
      build,
      // Production unless a developer asks otherwise: error pages never show a stack or a path.
      mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
      getLoadContext: requestContext,
    }),
  );
  app.use(cleanErrors(log));

  const httpServer = createServer(app);
  const realtime = await attachRealtime(httpServer, { version: VERSION, redis, log });
  const { io } = realtime;
  live = attachLive({ db, io, redis, log, actorOf: (cookie) => getActor(new Request('http://local/', { headers: cookie ? { cookie } : {} }), { ...services, clientIp: 'socket', cspNonce: '' }) });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  // Announcement periods end on their own: results become final (nominations, certificates) within a minute.
  const settle = () => {
    try {
      const finalized = settleAnnouncements(db);
      if (finalized.length) log(`公示期满，成绩已确定 (results final): events ${finalized.join(', ')}`);
    } catch (error) {
      log(`公示期检查失败 (settling announcement periods failed): ${String(error)}`);
    }
  };
  settle();
  const settling = setInterval(settle, 60_000);
  settling.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(settling);
      clearInterval(cleaning);
      await live.close();
      await new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server: no new connections; requests in flight finish.
        io.close(() => resolve());
        httpServer.closeIdleConnections();
        setTimeout(() => {
          httpServer.closeAllConnections();
          resolve();
        }, 10_000).unref();
      });
      await realtime.close();
      services.jobs.close();
      await work.close();
      await redis?.close();
      await checkpointer.stop();
      closeDatabase(db);
    })());

  return { url: `http://localhost:${port}`, port, db, io, live, httpServer, work, close };
}

/**
 * Browsers send Origin with every cross-site POST; refusing foreign ones is a second line of CSRF
 * defence behind the token, and it costs one header comparison.
 */
function rejectCrossOriginMutations(req: Request, res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const origin = req.get('Origin');
  if (origin === 'null') {
    // An opaque origin (a privacy setting, a sandboxed frame) says nothing either way: the CSRF
    // token decides. Remix would take "null" for a foreign host and answer 500, so it is dropped.
    delete req.headers.origin;
    return next();
  }
  if (!origin) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host === req.get('Host')) return next();
  res.status(403).json({ error: { code: 'csrf', message: '跨站请求被拒绝 (cross-site request refused)' } });
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const server = await createAppServer({ config });
  console.log(`楚怡杯竞赛系统 v${VERSION} 已启动 (listening): http://localhost:${server.port}`);
  console.log(`数据库 (database): ${config.databasePath}`);
  for (const warning of startupWarnings(config)) console.warn(`注意 (warning): ${warning}`);
  if (!hasAdmin(server.db)) {
    console.log(`尚无管理员账号 (no administrator yet): 运行 npm run setup，或打开 http://localhost:${server.port}/setup`);
  } else if (config.seedDemo) {
    console.log(`演示账号 (demo accounts), 密码 (password) ${DEMO_PASSWORD}:`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(8)} ${a.label}`);
  }
  // `npm start -- --simulate`: judges marking a few events, so that /live shows boards moving.
  const simulation = process.argv.includes('--simulate') ? startSimulation(server.db) : null;

  const stop = (signal: string) => {
    console.log(`收到 ${signal}，正在停止 (stopping)…`);
    simulation?.stop();
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
