/**
 * A 200 MB film through the resumable path (#16): tus-js-client (the page's client) sends it to a
 * real server in 8 MB parts; halfway the upload is aborted, as a dropped connection would, and
 * resumed from the offset the server kept. Prints the throughput of the whole, the bytes sent
 * twice, and the time to read the finished film (type, duration) and place it by its hash.
 *
 *   npm run bench:upload -- --mb 200
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { Upload } from 'tus-js-client';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '200' }, chunk: { type: 'string', default: '8' } } });
const MB = 1024 * 1024;

async function main() {
  const { openMigratedDatabase, closeDatabase } = await import('../../db/client.ts');
  const { seedCompetition, DEMO_PASSWORD } = await import('../seed/generate.ts');
  const { createAppServer } = await import('../../server.ts');
  const { loadConfig } = await import('../../app/config.server.ts');
  const { createCompetition } = await import('../../app/models/competition-setup.server.ts');
  const { competitions, entryCategories, users } = await import('../../db/schema.ts');
  const { tinyMp4 } = await import('../../tests/helpers/works.ts');
  const { SYSTEM_ACTOR } = await import('../../app/domain/roles.ts');

  const dbPath = join(mkdtempSync(join(tmpdir(), 'chuyi-upload-')), 'app.db');
  const db = openMigratedDatabase(dbPath);
  await seedCompetition(db);
  const admin = db.select().from(users).where(eq(users.username, 'admin')).get()!;
  const { id } = createCompetition(db, { ...SYSTEM_ACTOR, userId: admin.id, role: 'admin' }, { name: '文明风采（基准）', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works', registrationOpensAt: null, registrationDeadline: null, announcementDays: 5, defaultAwardRatios: { first: 0.1, second: 0.2, third: 0.3 }, defaultTieAtBoundary: 'down', defaultLiveMode: 'anonymous', defaultAggregationMethod: 'mean', standardisedScores: false });
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
  const films = db.select().from(entryCategories).all().find((c) => c.competitionId === id && c.code === 'WDY')!.id;
  closeDatabase(db);

  const config = loadConfig({ DATABASE_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
  const base = `http://127.0.0.1:${server.port}`;
  const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'school', password: DEMO_PASSWORD }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { Cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'X-CSRF-Token': csrfToken };
  const entry = await fetch(`${base}/api/v1/entries`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ categoryId: films, title: '基准微电影' }) });
  const entryId = ((await entry.json()) as { id: number }).id;

  const size = Number(args.mb) * MB;
  const film = tinyMp4(540, size - 200);
  const options = { endpoint: `${base}/api/v1/uploads`, chunkSize: Number(args.chunk) * MB, headers, metadata: { entryId: String(entryId), filename: '微电影.mp4' }, retryDelays: [] };

  // First attempt: aborted once half is on the server, as a dropped connection leaves it.
  const started = performance.now();
  let url = '';
  let sentInAll = 0;
  await new Promise<void>((resolve, reject) => {
    const upload: Upload = new Upload(film, {
      ...options,
      onChunkComplete: (chunk, sent) => {
        sentInAll += chunk;
        if (sent >= size / 2) void upload.abort().then(resolve);
      },
      onUploadUrlAvailable: () => (url = upload.url!),
      onError: reject,
    });
    upload.start();
  });
  const head = await fetch(`${base}${new URL(url, base).pathname}`, { method: 'HEAD', headers: { ...headers, 'Tus-Resumable': '1.0.0' } });
  const kept = Number(head.headers.get('Upload-Offset'));

  // Second attempt: the same upload URL; tus asks the server where it stopped and goes on from there.
  const body = await new Promise<string>((resolve, reject) => {
    const upload = new Upload(film, {
      ...options,
      uploadUrl: new URL(url, base).href,
      onChunkComplete: (chunk) => void (sentInAll += chunk),
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getBody()),
      onError: reject,
    });
    upload.start();
  });
  const done = performance.now();
  const stored = JSON.parse(body) as { id: number; seconds: number; bytes: number };
  const seconds = (done - started) / 1000;
  console.log(`film: ${(size / MB).toFixed(0)} MiB in ${args.chunk} MiB parts, aborted at ${(kept / MB).toFixed(0)} MiB and resumed from the server's offset`);
  console.log(`stored: file ${stored.id}, ${(stored.bytes / MB).toFixed(1)} MiB, ${stored.seconds} s of video (read from its header)`);
  console.log(`throughput, begin to stored, including the abort and resume: ${(size / MB / seconds).toFixed(1)} MiB/s (${seconds.toFixed(2)} s)`);
  console.log(`bytes sent in all: ${(sentInAll / MB).toFixed(1)} MiB for the ${(size / MB).toFixed(0)} MiB film (ratio ${(sentInAll / size).toFixed(3)}: nothing before the break sent twice)`);
  await server.close();
}

await main();
