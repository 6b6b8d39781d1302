/**
 * Resumable uploads of entry files (#16): the tus protocol (tus.io — @tus/server here, tus-js-client
 * in the page), so a 200 MB film sent over a school's broken connection goes on from where it
 * stopped instead of starting again. The same guards as every API call: the session or bearer
 * token, CSRF, and the model's permission — a school may only send files to its own draft entries,
 * and an upload is only ever seen or continued by the person who began it (anyone else: 404).
 * The declared size is held to the category's limit before a byte is stored; once whole, the file
 * is read by its content and placed by the same model function as a multipart upload
 * (`addEntryFileAt`), which leaves nothing behind when it refuses.
 *
 *   POST   /api/v1/uploads          Upload-Length, Upload-Metadata: entryId, filename
 *   HEAD   /api/v1/uploads/:id      → Upload-Offset (where to go on)
 *   PATCH  /api/v1/uploads/:id      the next bytes; the last answers 200 with the stored file
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { RequestContext } from '#app/context.ts';
import type { Config } from '#app/config.server.ts';
import { csrfValid } from '#app/auth/csrf.server.ts';
import { getActor } from '#app/auth/session.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { addEntryFileAt, entryTakingFiles } from '#app/models/entry.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { ApiError, errorResponse } from './respond.server.ts';

export const UPLOADS_PATH = '/api/v1/uploads';
/** An upload left unfinished this long is removed by the hourly clean-up. */
const UNFINISHED_KEPT_MS = 24 * 60 * 60 * 1000;

/** What tus sends back when a hook throws: our JSON error shape, in the caller's language. */
async function refusal(request: Request, error: ApiError | ModelError) {
  const response = errorResponse(request, error);
  return {
    status_code: response.status,
    body: await response.text(),
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  };
}

type HookRequest = Request & { runtime?: { node?: { req?: IncomingMessage } } };

export function createUploads(config: Config, contextOf: (req: IncomingMessage) => RequestContext) {
  const context = (req: HookRequest) => contextOf(req.runtime!.node!.req!);
  // Inside FILES_DIR: a finished upload is placed by a rename, never a copy.
  const directory = join(config.filesDir, '.uploads');

  /** The caller, with CSRF checked for anything that writes; refusals as tus throws them. */
  async function caller(req: HookRequest, ctx: RequestContext): Promise<Actor> {
    const actor = await getActor(req, ctx);
    if (!actor) throw await refusal(req, new ApiError(401, 'unauthenticated'));
    if (req.method !== 'HEAD' && req.method !== 'GET' && !(await csrfValid(req, ctx))) throw await refusal(req, new ApiError(403, 'csrf'));
    return actor;
  }

  async function guarded<T>(req: HookRequest, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError || error instanceof ModelError) throw await refusal(req, error);
      throw error;
    }
  }

  const datastore = new FileStore({
    directory,
    expirationPeriodInMilliseconds: UNFINISHED_KEPT_MS,
  });
  const tus = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    respectForwardedHeaders: config.trustProxy,
    allowedHeaders: ['X-CSRF-Token'],
    async onUploadCreate(req, upload) {
      const request = req as HookRequest;
      const c = context(request);
      const actor = await caller(request, c);
      return guarded(request, async () => {
        const entryId = Number(upload.metadata?.entryId);
        if (!Number.isSafeInteger(entryId) || !upload.metadata?.filename) throw new ApiError(400, 'upload_metadata');
        if (upload.size === undefined) throw new ApiError(400, 'upload_length');
        const { category } = entryTakingFiles(c.db, actor, entryId);
        if (upload.size > category.files.maxBytes)
          throw new ModelError(413, 'file_too_large', {
            max: category.files.maxBytes,
            size: upload.size,
          });
        return {
          metadata: { ...upload.metadata, owner: String(actor.userId) },
        };
      });
    },
    async onIncomingRequest(req, uploadId) {
      const request = req as HookRequest;
      if (request.method === 'POST' || request.method === 'OPTIONS') return;
      const c = context(request);
      const actor = await caller(request, c);
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      // Another person's upload does not exist, as far as they can tell.
      if (!upload || upload.metadata?.owner !== String(actor.userId)) throw await refusal(request, new ApiError(404, 'not_found'));
    },
    async onUploadFinish(req, upload) {
      const request = req as HookRequest;
      const c = context(request);
      const actor = await caller(request, c);
      const path = join(directory, upload.id);
      try {
        const stored = await guarded(request, () => addEntryFileAt(c.db, actor, Number(upload.metadata!.entryId), path, String(upload.metadata!.filename), c.config.filesDir));
        return {
          status_code: 200,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify(stored),
        };
      } finally {
        // Placed or refused, the upload is over: its bytes were moved or removed; its record goes too.
        rmSync(`${path}.json`, { force: true });
      }
    },
  });

  return {
    handle: (req: IncomingMessage, res: ServerResponse) => tus.handle(req, res),
    /** Removes uploads left unfinished past their day. */
    cleanUp: () => tus.cleanUpExpiredUploads(),
  };
}
