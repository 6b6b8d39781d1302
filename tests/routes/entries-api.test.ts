/**
 * Entries and their files over HTTP (#16): a 文明风采 year beside the skills competition; files read
 * by their content — a picture calling itself .pdf, one too large, a cut-off PDF refused with a 4xx
 * and nothing stored — and a file never reachable by another school or a stranger.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitions, entries, entryCategories, entryFiles, judges, reviewAssignments, schools, users } from '#db/schema.ts';
import { createAccount } from '#app/models/account.server.ts';
import { createCompetition, findCurrentCompetitionForTest } from '../helpers/works.ts';
import { actorOf, count } from '../helpers/db.ts';
import { idNumber } from '../helpers/people.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let school: Client;
let other: Client;
let admin: Client;
let essays: number;
const filesDir = () => join(server.dir, 'files');
const stored = () => {
  try {
    return readdirSync(filesDir(), { recursive: true }).filter((f) => String(f).length > 60).length;
  } catch {
    return 0;
  }
};

beforeAll(async () => {
  server = await startServer();
  const db = server.db;
  const skillsBefore = findCurrentCompetitionForTest(db);
  const { id } = createCompetition(db, actorOf(db, 'admin'), { name: '2026年湖南省职业院校“文明风采”活动', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' });
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
  // The skills pages still see the 楚怡杯 as the current competition.
  expect(findCurrentCompetitionForTest(db)).toBe(skillsBefore);
  essays = db.select().from(entryCategories).where(eq(entryCategories.competitionId, id)).all().find((c) => c.code === 'ZW')!.id;
  school = new Client(server.url);
  await school.login('school');
  admin = new Client(server.url);
  await admin.login('admin');
  // A second school's contact.
  const otherSchool = db.select().from(schools).all().find((s) => s.id !== db.select().from(users).where(eq(users.username, 'school')).get()!.schoolId)!;
  await createAccount(db, actorOf(db, 'admin'), { role: 'school', username: 'other-school', displayName: '另一所学校', password: '湘江北去-橘子洲头', schoolId: otherSchool.id });
  db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'other-school')).run();
  other = new Client(server.url);
  await other.login('other-school', '湘江北去-橘子洲头');
});
afterAll(() => server.stop());

const upload = (client: Client, entryId: number, bytes: Uint8Array, name: string, csrf = true) => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return client.fetch(`/api/v1/entries/${entryId}/files`, { method: 'POST', body: form, headers: csrf ? { 'X-CSRF-Token': client.csrf } : {} });
};
const code = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('entries and their files', () => {
  it('takes an essay’s text, refuses what its content is not, and stores nothing it refuses', async () => {
    const created = await school.json('POST', '/api/v1/entries', { categoryId: essays, title: '我心中的楚怡精神' });
    expect(created.status).toBe(201);
    const entryId = ((await created.json()) as { id: number }).id;
    expect((await school.json('POST', '/api/v1/entries', { categoryId: essays, title: '' })).status).toBe(400);

    // A picture named like a PDF: refused by what it is.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const disguised = await upload(school, entryId, png, '征文.pdf');
    expect(disguised.status).toBe(422);
    expect(await code(disguised)).toMatchObject({ code: 'file_type', message: expect.stringContaining('按文件内容识别') });
    // Over the category's 40 KB.
    const long = await upload(school, entryId, Buffer.from('楚'.repeat(15_000)), '征文.txt');
    expect([long.status, (await code(long)).code]).toEqual([413, 'file_too_large']);
    // A PDF cut off in transfer.
    const doc = await PDFDocument.create();
    doc.addPage();
    const whole = await doc.save();
    const cut = await upload(school, entryId, whole.slice(0, Math.floor(whole.length / 2)), '征文.pdf');
    expect([cut.status, (await code(cut)).code]).toEqual([422, 'file_truncated']);
    expect(stored()).toBe(0);
    expect(count(server.db, 'entry_files')).toBe(0);
    // Without the CSRF token, nothing.
    expect((await upload(school, entryId, Buffer.from('正文'), '征文.txt', false)).status).toBe(403);

    const essay = Buffer.from('楚怡精神，代代相传。\n这是我的征文。\n');
    const ok = await upload(school, entryId, essay, '征文.txt');
    expect(ok.status).toBe(201);
    const fileId = ((await ok.json()) as { id: number }).id;
    expect(stored()).toBe(1);

    // The school and the organiser read it back; another school and a stranger cannot reach it.
    const mine = await school.fetch(`/api/v1/files/${fileId}`);
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer()).equals(essay)).toBe(true);
    expect((await admin.fetch(`/api/v1/files/${fileId}`)).status).toBe(200);
    // Shown in this site's pages (the reviewer's viewer: framed by this site only, a PDF plugin allowed), in ranges for a film.
    const inline = await school.fetch(`/api/v1/files/${fileId}?inline=1`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(inline.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(inline.headers.get('content-security-policy')).toContain("object-src 'self'");
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment;/);
    const part = await school.fetch(`/api/v1/files/${fileId}`, { headers: { Range: 'bytes=3-8' } });
    expect([part.status, part.headers.get('content-range')]).toEqual([206, `bytes 3-8/${essay.length}`]);
    expect(Buffer.from(await part.arrayBuffer()).equals(essay.subarray(3, 9))).toBe(true);
    expect((await school.fetch(`/api/v1/files/${fileId}`, { headers: { Range: `bytes=${essay.length + 5}-` } })).status).toBe(416);
    // Pages keep their own policy: never framed.
    expect((await school.fetch('/school/entries')).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await other.fetch(`/api/v1/files/${fileId}`)).status).toBe(404);
    expect((await new Client(server.url).fetch(`/api/v1/files/${fileId}`)).status).toBe(401);
    expect((await upload(other, entryId, essay, '征文.txt')).status).toBe(404);
    const listed = (await (await school.fetch('/api/v1/entries')).json()) as { entries: { files: { name: string }[] }[] };
    expect(listed.entries[0].files.map((f) => f.name)).toEqual(['征文.txt']);
    expect(((await (await other.fetch('/api/v1/entries')).json()) as { entries: unknown[] }).entries).toEqual([]);
    // Kept once, under its content's hash.
    const sha = (await import('node:crypto')).createHash('sha256').update(essay).digest('hex');
    expect(readFileSync(join(filesDir(), sha.slice(0, 2), sha)).equals(essay)).toBe(true);
  });

  it('takes the entry’s student with a checked 身份证号 and its advisor, then submits it; a submitted entry’s files stay as they are', async () => {
    const entryId = server.db.select().from(entryFiles).get()!.entryId;
    const put = (client: Client, body: unknown) => client.json('PUT', `/api/v1/entries/${entryId}/people`, body);
    const wrongId = await put(school, { members: [{ name: '罗晓燕', idNumber: '430102200503150011' }], advisors: [] });
    expect(wrongId.status).toBe(422);
    expect((await code(wrongId)) as unknown).toMatchObject({ code: 'entry_people_invalid', fields: { 'members.0.idNumber': expect.stringContaining('身份证号') } });
    const two = await put(school, { members: [{ name: '罗晓燕', idNumber: idNumber('20050315', 'female') }, { name: '陈思远', idNumber: idNumber('20041101') }], advisors: [] });
    expect([two.status, (await code(two)).code]).toEqual([422, 'entry_members']);
    expect((await put(other, { members: [{ name: '罗晓燕', idNumber: idNumber('20050315', 'female') }], advisors: [] })).status).toBe(404);
    expect((await put(school, { members: [{ name: '罗晓燕', idNumber: idNumber('20050315', 'female') }], advisors: [{ name: '谭老师', phone: '13975112345', industry: false }] })).status).toBe(200);
    expect((await school.json('POST', `/api/v1/entries/${entryId}/submit`)).status).toBe(200);
    const again = await school.json('POST', `/api/v1/entries/${entryId}/submit`);
    expect([again.status, (await code(again)).code]).toEqual([409, 'entry_not_draft']);
    const late = await upload(school, entryId, Buffer.from('补充材料'), '补充.txt');
    expect([late.status, (await code(late)).code]).toEqual([409, 'entry_not_draft']);
  });

  it('holds a school to two entries per group', async () => {
    expect((await school.json('POST', '/api/v1/entries', { categoryId: essays, title: '第二篇' })).status).toBe(201);
    const third = await school.json('POST', '/api/v1/entries', { categoryId: essays, title: '第三篇' });
    expect([third.status, (await code(third)).code]).toEqual([409, 'entry_quota']);
    const doc = (await (await admin.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/entries'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/entries/{id}/files'].post).toBeDefined();
    expect(doc.paths['/api/v1/files/{id}'].get).toBeDefined();
  });

  it('assigns each entry to reviewers, who see its code and its files only; a judge not assigned cannot reach them', async () => {
    const db = server.db;
    const competitionId = db.select().from(entryCategories).where(eq(entryCategories.id, essays)).get()!.competitionId;
    const judgeIds = db.select({ id: judges.id }).from(judges).all().map((j) => j.id).slice(0, 12);
    const bad = await admin.json('POST', `/api/v1/competitions/${competitionId}/review-assignments`, { judgeIds: [judgeIds[0]], perEntry: 3 });
    expect([bad.status, (await code(bad)).code]).toEqual([422, 'review_too_few_reviewers']);
    expect((await school.json('POST', `/api/v1/competitions/${competitionId}/review-assignments`, { judgeIds })).status).toBe(403);
    const assigned = await admin.json('POST', `/api/v1/competitions/${competitionId}/review-assignments`, { judgeIds });
    expect(assigned.status).toBe(200);
    // Only the submitted entry is reviewed; the draft stays with its school.
    expect(await assigned.json()).toMatchObject({ entries: 1, reviewers: 12, short: [] });
    expect((await admin.json('POST', `/api/v1/competitions/${competitionId}/review-assignments`, { judgeIds })).status).toBe(409);

    // 回避: no reviewer from an entry's own school or prefecture.
    for (const row of db.select({ judgeSchool: judges.affiliationSchoolId, entrySchool: entries.schoolId }).from(reviewAssignments).innerJoin(judges, eq(judges.id, reviewAssignments.judgeId)).innerJoin(entries, eq(entries.id, reviewAssignments.entryId)).all()) {
      expect(row.judgeSchool).not.toBe(row.entrySchool);
      if (row.judgeSchool !== null) {
        const prefectureOf = (id: number) => db.select().from(schools).where(eq(schools.id, id)).get()!.prefectureId;
        expect(prefectureOf(row.judgeSchool)).not.toBe(prefectureOf(row.entrySchool));
      }
    }
    const entryId = db.select().from(entryFiles).get()!.entryId;
    const reviewerRows = db.select().from(reviewAssignments).where(eq(reviewAssignments.entryId, entryId)).all();
    expect(reviewerRows).toHaveLength(3);
    const accountOf = (judgeId: number) => db.select({ username: users.username }).from(judges).innerJoin(users, eq(users.id, judges.userId)).where(eq(judges.id, judgeId)).get()!.username;
    const reviewer = new Client(server.url);
    expect((await reviewer.login(accountOf(reviewerRows[0].judgeId))).status).toBe(200);
    const queue = await reviewer.fetch('/api/v1/reviews');
    const text = await queue.text();
    const { entries: mine } = JSON.parse(text) as { entries: { entryCode: string; files: { id: number }[] }[] };
    const essayEntry = mine.find((e) => e.files.length)!;
    expect(essayEntry.entryCode).toMatch(/^ZW\d{6}$/);
    // Codes and files only: no title, no school, no file name.
    const schoolName = db.select({ name: schools.name }).from(schools).innerJoin(users, eq(users.schoolId, schools.id)).where(eq(users.username, 'school')).get()!.name;
    for (const hidden of ['我心中的楚怡精神', schoolName, '征文.txt']) expect(text).not.toContain(hidden);
    const file = await reviewer.fetch(`/api/v1/files/${essayEntry.files[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`${essayEntry.entryCode}-`);
    expect(file.headers.get('content-disposition')).not.toContain(encodeURIComponent('征文'));

    const notAssigned = judgeIds.find((id) => !reviewerRows.some((r) => r.judgeId === id))!;
    const stranger = new Client(server.url);
    await stranger.login(accountOf(notAssigned));
    expect((await stranger.fetch(`/api/v1/files/${essayEntry.files[0].id}`)).status).toBe(404);

    // The three reviewers' totals; one corrects theirs (the newest counts); a stranger cannot score it.
    const clients = await Promise.all(reviewerRows.map(async (r) => {
      const c = new Client(server.url);
      await c.login(accountOf(r.judgeId));
      return c;
    }));
    const score = (c: Client, body: unknown) => c.json('PUT', `/api/v1/reviews/${essayEntry.entryCode}`, body);
    // Marks by the rubric (主题立意 30, 内容表达 30, 创意特色 20, 技术艺术 20): every criterion, within its maximum.
    const marks = (theme: number, content: number, creativity: number, craft: number) => ({ criteria: { theme, content, creativity, craft } });
    expect((await score(clients[0], { criteria: 'ninety' })).status).toBe(400);
    const missing = await score(clients[0], { criteria: { theme: 20 } });
    expect([missing.status, (await code(missing)) as unknown]).toMatchObject([422, { code: 'review_rubric_invalid', fields: { 'criteria.content': expect.stringMatching(/[\u4e00-\u9fff]/) } }]);
    expect((await score(clients[0], marks(31, 30, 20, 20))).status).toBe(422);
    expect((await score(clients[0], marks(28.555, 27, 19, 18))).status).toBe(422);
    expect((await score(stranger, marks(27, 27, 18, 18))).status).toBe(404);
    expect((await score(clients[0], marks(21, 21, 14, 14))).status).toBe(200);
    const saved = await score(clients[0], { ...marks(28, 27.5, 19, 18), namesInFiles: true });
    expect(await saved.json()).toMatchObject({ total: 92.5 });
    expect((await score(clients[1], marks(25.5, 25.5, 17, 17))).status).toBe(200);
    expect((await score(clients[2], marks(23.25, 23, 16, 16))).status).toBe(200);
    const scores = (await (await admin.fetch(`/api/v1/competitions/${competitionId}/entry-scores`)).json()) as { entries: { entryCode: string; total: number | null; reviewers: number; spread: number; flagged: boolean; namesInFiles: number }[] };
    // Newest totals 92.50, 85.00, 78.25: the highest and lowest dropped, 85.00 stands; 14.25 apart, under the 15-point flag.
    expect(scores.entries.find((e) => e.entryCode === essayEntry.entryCode)).toMatchObject({ total: 85, reviewers: 3, spread: 14.25, flagged: false, namesInFiles: 1 });
    expect((await reviewer.fetch(`/api/v1/competitions/${competitionId}/entry-scores`)).status).toBe(403);
  });
});

