/**
 * The edges of every request: the Content-Security-Policy, the body size limit, and clean errors.
 * Express runs these before and after Remix; nothing here knows a route.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '#app/config.server.ts';

/** The largest body any request may carry: an appeal's 5 MB attachment as base64 JSON, or a workbook. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Past this, an over-limit body is not read to its end: the connection is closed instead. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Scripts only from this site, and inline only with this response's nonce (Remix's hydration
 * scripts carry it); inline styles stay allowed for React's `style` attributes. The socket is
 * same-origin, which 'self' covers for ws: and wss: too.
 */
export function contentSecurityPolicy(_config: Config) {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

const wantsJson = (req: Request) => req.path.startsWith('/api/') || (req.get('Accept') ?? '').includes('application/json');

function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  if (wantsJson(req)) {
    res.status(status).json({ error: { code, message } });
    return;
  }
  res.status(status).type('html').send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${status}</title><p>${message}</p><p><a href="/">返回首页 (home)</a></p></html>`);
}

/**
 * Refuses a body whose declared length is over the limit with 413, then reads and discards what
 * the client is still sending, so that it receives the answer instead of a reset connection.
 */
export function limitBody(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.get('Content-Length') ?? 0);
    if (!(length > max)) return next();
    res.set('Connection', 'close');
    refuse(req, res, 413, 'body_too_large', `请求体过大：最多 ${Math.floor(max / 1024 / 1024)} MB (request body too large)。`);
    if (length > DRAIN_BYTES) {
      res.on('finish', () => req.socket.destroy());
      return;
    }
    req.on('error', () => {});
    req.resume();
  };
}

/**
 * The last handler: whatever went wrong, the client gets a status and a plain message, never a
 * stack or a server path. A malformed URL (`/%`) is the client's mistake (400); the rest is ours
 * (500), logged here.
 */
export function cleanErrors(log: (line: string) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(error);
    if (status >= 500) log(`请求出错 (request failed) ${req.method} ${req.originalUrl.slice(0, 200)}: ${error instanceof Error ? error.stack : String(error)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status === 400) return refuse(req, res, 400, 'bad_request', '请求的地址或内容格式不正确 (malformed request)。');
    if (status === 413) return refuse(req, res, 413, 'body_too_large', '请求体过大 (request body too large)。');
    if (status < 500) return refuse(req, res, status, 'bad_request', '请求无法处理 (request refused)。');
    refuse(req, res, 500, 'server_error', '服务器出错，请稍后再试 (server error; please try again)。');
  };
}

function statusOf(error: unknown): number {
  if (error instanceof URIError) return 400;
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
