/**
 * Resumable uploads of entry files (#16, tus): a film sent in parts goes on after the connection
 * breaks mid-part; the declared size is held to the category before a byte is stored; a film
 * refused for its content leaves nothing behind; an upload is never seen or continued by another.
 */
import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitions, entries, entryCategories, entryFiles, schools, users } from '#db/schema.ts';
import { createAccount } from '#app/models/account.server.ts';
import { createCompetition, tinyMp4 } from '../helpers/works.ts';
import { actorOf } from '../helpers/db.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let school: Client;
let other: Client;
let talents: number;
let films: number;
const MB = 1024 * 1024;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const uploadsDir = () => join(server.dir, 'files', '.uploads');
const waiting = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()).length : 0);
const storedFiles = () => readdirSync(join(server.dir, 'files'), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length;

beforeAll(async () => {
  server = await startServer();
  const db = server.db;
  const { id } = createCompetition(db, actorOf(db, 'admin'), { name: '2026年湖南省职业院校“文明风采”活动', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' });
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
  const categories = db.select().from(entryCategories).where(eq(entryCategories.competitionId, id)).all();
  talents = categories.find((c) => c.code === 'CY')!.id;
  films = categories.find((c) => c.code === 'WDY')!.id;
  school = new Client(server.url);
  await school.login('school');
  const mine = db.select().from(users).where(eq(users.username, 'school')).get()!.schoolId;
  const otherSchool = db.select().from(schools).all().find((s) => s.id !== mine)!;
  await createAccount(db, actorOf(db, 'admin'), { role: 'school', username: 'other-school', displayName: '另一所学校', password: '湘江北去-橘子洲头', schoolId: otherSchool.id });
  db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'other-school')).run();
  other = new Client(server.url);
  await other.login('other-school', '湘江北去-橘子洲头');
});
afterAll(() => server.stop());

const tus = { 'Tus-Resumable': '1.0.0' };
async function newEntry(title: string, categoryId = talents) {
  const res = await school.json('POST', '/api/v1/entries', { categoryId, title });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}
function create(client: Client, entryId: number, length: number, csrf = true) {
  return client.fetch('/api/v1/uploads', {
    method: 'POST',
    headers: { ...tus, 'Upload-Length': String(length), 'Upload-Metadata': `entryId ${b64(String(entryId))},filename ${b64('才艺展示.mp4')}`, ...(csrf ? { 'X-CSRF-Token': client.csrf } : {}) },
  });
}
const patch = (client: Client, location: string, offset: number, bytes: Uint8Array) =>
  client.fetch(location, { method: 'PATCH', headers: { ...tus, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', 'X-CSRF-Token': client.csrf }, body: new Uint8Array(bytes) });
const offsetOf = async (client: Client, location: string) => {
  const res = await client.fetch(location, { method: 'HEAD', headers: tus });
  return { status: res.status, offset: Number(res.headers.get('Upload-Offset')) };
};

/** Sends `sent` bytes of a PATCH that declares `whole`, then drops the connection: a school's Wi-Fi going. */
function brokenPatch(client: Client, location: string, whole: Uint8Array, sent: number) {
  return new Promise<void>((resolve) => {
    const url = new URL(location, server.url);
    const req = httpRequest(url, {
      method: 'PATCH',
      headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(whole.length), 'X-CSRF-Token': client.csrf, Cookie: client.cookieHeader() },
    });
    req.on('error', () => resolve());
    req.write(whole.subarray(0, sent), () => setTimeout(() => (req.destroy(), resolve()), 300));
  });
}

describe('resumable uploads', () => {
  it('goes on from where a broken connection stopped, and the whole film is read and stored once', async () => {
    const entryId = await newEntry('湘绣·指尖上的非遗');
    const film = tinyMp4(240, 6 * MB);
    const created = await create(school, entryId, film.length);
    expect(created.status).toBe(201);
    const location = created.headers.get('Location')!;
    expect(location).toMatch(/^\/api\/v1\/uploads\/\w+/);

    await brokenPatch(school, location, film, 3 * MB);
    const { status, offset } = await offsetOf(school, location);
    expect(status).toBe(200);
    // What arrived is kept: the school goes on from there, not from the start.
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(film.length);

    const finished = await patch(school, location, offset, film.subarray(offset));
    expect(finished.status).toBe(200);
    const file = (await finished.json()) as { id: number; kind: string; seconds: number; bytes: number };
    expect(file).toMatchObject({ kind: 'video', seconds: 240, bytes: film.length });
    expect(server.db.select().from(entryFiles).where(eq(entryFiles.entryId, entryId)).all()).toHaveLength(1);
    // Placed under its hash, and nothing left waiting.
    expect(waiting()).toBe(0);
    const download = await school.fetch(`/api/v1/files/${file.id}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(film)).toBe(true);
  });

  it('is never seen or continued by another school', async () => {
    const entryId = await newEntry('浏阳河畔的鼓声');
    const film = tinyMp4(100, 2 * MB);
    const location = (await create(school, entryId, film.length)).headers.get('Location')!;
    expect((await offsetOf(other, location)).status).toBe(404);
    expect((await patch(other, location, 0, film)).status).toBe(404);
    // Nor may another school begin an upload to this school's entry.
    expect((await create(other, entryId, film.length)).status).toBe(404);
    expect((await patch(school, location, 0, film)).status).toBe(200);
  });

  it('refuses a declared size over the category, a missing CSRF token, and a film too long — storing nothing', async () => {
    const entryId = await newEntry('橘子洲头的青春', films);
    const before = { stored: storedFiles(), waiting: waiting() };
    const huge = await create(school, entryId, 201 * MB);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect((await create(school, entryId, 1000, false)).status).toBe(403);
    expect(waiting()).toBe(before.waiting);

    // Eleven minutes of 微电影 (at most ten): refused when whole, by what its header says.
    const long = tinyMp4(660, MB);
    const location = (await create(school, entryId, long.length)).headers.get('Location')!;
    const refused = await patch(school, location, 0, long);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('file_too_long');
    expect({ stored: storedFiles(), waiting: waiting() }).toEqual(before);
    expect(server.db.select().from(entryFiles).where(eq(entryFiles.entryId, entryId)).all()).toHaveLength(0);
    expect(server.db.select().from(entries).where(eq(entries.id, entryId)).get()!.status).toBe('draft');
  });
});
