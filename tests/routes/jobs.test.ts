/**
 * Long work over HTTP on a real server: a school's zip of certificates, the organiser's export and
 * an import run as jobs the page follows; only their owner sees them; nothing changes without CSRF.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress, JobStatus } from '#app/jobs/progress.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let school: Client;
let admin: Client;
beforeAll(async () => {
  server = await startServer();
  school = new Client(server.url);
  await school.login('school');
  admin = new Client(server.url);
  await admin.login('admin');
});
afterAll(() => server.stop());

/** Starts a job with the client's CSRF token; the answer is 202 with the job's id. */
async function start(client: Client, path: string, body?: FormData): Promise<string> {
  const res = await client.fetch(path, { method: 'POST', body, headers: { 'X-CSRF-Token': client.csrf, Accept: 'application/json' } });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { job: string }).job;
}

/** Follows the job as the page does, keeping every progress it saw. */
async function follow(client: Client, id: string): Promise<{ end: JobStatus; seen: JobProgress[] }> {
  const seen: JobProgress[] = [];
  for (;;) {
    const status = (await (await client.fetch(`/api/v1/jobs/${id}`)).json()) as JobStatus;
    if (status.state !== 'running') return { end: status, seen };
    if (status.progress) seen.push(status.progress);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Entries in a zip: its central directory has one record (PK\1\2) per file. */
const zipEntries = (bytes: Buffer) => bytes.toString('latin1').split('PK\x01\x02').length - 1;

describe('long work as jobs', () => {
  it('makes a school’s certificates one by one, says how far it is, and hands the zip to that school only', async () => {
    const schoolId = server.db.$client.prepare("select school_id from users where username = 'school'").pluck().get() as number;
    const count = server.db.$client.prepare('select count(*) from certificates where school_id = ?').pluck().get(schoolId) as number;
    expect(count).toBeGreaterThan(1);
    expect((await school.fetch('/school/certificates.zip', { method: 'POST', headers: { Accept: 'application/json' } })).status).toBe(403);

    const id = await start(school, '/school/certificates.zip');
    const { end, seen } = await follow(school, id);
    expect(end).toMatchObject({ state: 'file', href: `/api/v1/jobs/${id}/file` });
    // What the page showed only went forward, certificate by certificate, out of the school's total.
    for (const [a, b] of seen.slice(1).map((p, i) => [seen[i], p])) expect(b.done).toBeGreaterThanOrEqual(a.stage === b.stage ? a.done : 0);
    expect(seen.some((p) => p.stage === 'certificates' && p.total === count)).toBe(true);
    for (const p of seen.filter((p) => p.stage === 'certificates')) expect(p.total).toBe(count);

    const file = await school.fetch(`/api/v1/jobs/${id}/file`);
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect(file.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''.*%E8%AF%81%E4%B9%A6\.zip/);
    expect(zipEntries(Buffer.from(await file.arrayBuffer()))).toBe(count);

    // Another account (even the organiser) and a stranger get nothing, not even that it exists.
    expect((await admin.fetch(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await admin.fetch(`/api/v1/jobs/${id}/file`)).status).toBe(404);
    expect((await new Client(server.url).fetch(`/api/v1/jobs/${id}`)).status).toBe(401);
  });

  it('makes the PDFs on a work thread and answers everyone else meanwhile (regression: each held the server ~65 ms, a streamed zip all of them)', async () => {
    const before = server.work.completed;
    const id = await start(school, '/school/certificates.zip');
    expect((await admin.fetch('/healthz')).status).toBe(200);
    expect(((await (await school.fetch(`/api/v1/jobs/${id}`)).json()) as JobStatus).state).toBe('running');
    await follow(school, id);
    const schoolId = server.db.$client.prepare("select school_id from users where username = 'school'").pluck().get() as number;
    expect(server.work.completed - before).toBe(server.db.$client.prepare('select count(*) from certificates where school_id = ?').pluck().get(schoolId));
  });

  it('still streams the zip to a plain link (no scripts), the same files', async () => {
    const res = await school.fetch('/school/certificates.zip');
    expect(res.headers.get('content-type')).toBe('application/zip');
    const schoolId = server.db.$client.prepare("select school_id from users where username = 'school'").pluck().get() as number;
    expect(zipEntries(Buffer.from(await res.arrayBuffer()))).toBe(server.db.$client.prepare('select count(*) from certificates where school_id = ?').pluck().get(schoolId));
  });

  it('exports registrations on a work thread as a job, the same workbook as the direct download', async () => {
    const id = await start(admin, '/api/v1/exports/registrations.xlsx?groupBy=school');
    const { end, seen } = await follow(admin, id);
    expect(end).toMatchObject({ state: 'file', name: '已通过报名-按院校.xlsx' });
    expect(seen.every((p) => p.stage === 'rows' || p.stage === 'file')).toBe(true);
    const sheetsOf = async (res: Response) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      return wb.worksheets.map((s) => [s.name, s.rowCount]);
    };
    const viaJob = await sheetsOf(await admin.fetch(`/api/v1/jobs/${id}/file`));
    expect(viaJob.length).toBeGreaterThan(3);
    expect(viaJob).toEqual(await sheetsOf(await admin.fetch('/api/v1/exports/registrations.xlsx?groupBy=school')));
    // A school exports only its own: the thread checks the same permission as the request would.
    const mine = await start(school, '/api/v1/exports/registrations.xlsx?groupBy=school');
    await follow(school, mine);
    const own = await sheetsOf(await school.fetch(`/api/v1/jobs/${mine}/file`));
    expect(own).toHaveLength(1);
    const doc = (await (await admin.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/exports/registrations.xlsx'])).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/jobs/{id}'].get).toBeDefined();
    expect(doc.paths['/api/v1/jobs/{id}/file'].get).toBeDefined();
  });

  it('runs an import as a job: the upload, the check and each new account reported, then the page’s own answer', async () => {
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('院校');
      ws.addRow(['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话']);
      rows.forEach((r) => ws.addRow(r));
      return new Blob([await wb.xlsx.writeBuffer()]);
    };
    const form = async (rows: string[][]) => {
      const data = new FormData();
      data.set('_csrf', admin.csrf);
      data.set('_job', '1');
      data.set('file', await sheet(rows), '院校.xlsx');
      return data;
    };
    const before = server.db.$client.prepare('select count(*) from schools').pluck().get() as number;

    const bad = await follow(admin, await start(admin, '/admin/schools?_data=routes%2Fadmin.schools', await form([['9', '', '大学', '火星', '', '']])));
    expect(bad.end).toMatchObject({ state: 'done', status: 422, body: { ok: false, errors: expect.arrayContaining([expect.objectContaining({ column: '院校代码' })]) } });

    const rows = Array.from({ length: 12 }, (_, i) => [`JOB${String(i).padStart(2, '0')}`, `湖南作业测试职业学院${i}`, '高职专科', '益阳市', '周老师', '13700001111']);
    const good = await follow(admin, await start(admin, '/admin/schools?_data=routes%2Fadmin.schools', await form(rows)));
    expect(good.end).toMatchObject({ state: 'done', status: 200, body: { ok: true, rows: 12, created: 12 } });
    expect((good.end as { body: { accountsSheet: string } }).body.accountsSheet).toMatch(/^data:/);
    expect(server.db.$client.prepare('select count(*) from schools').pluck().get()).toBe(before + 12);

    // Without scripts the same form answers the page directly, as before.
    const direct = await admin.fetch('/admin/schools', { method: 'POST', body: await form([['9', '', '大学', '火星', '', '']]) });
    expect(direct.status).toBe(422);
    expect(await direct.text()).toContain('院校代码应为');
    // Without the token nothing starts and nothing is written.
    const forged = await form(rows.map((r) => [r[0].replace('JOB', 'BAD'), r[1] + '乙', ...r.slice(2)]));
    forged.delete('_csrf');
    expect((await admin.fetch('/admin/schools', { method: 'POST', body: forged })).status).toBe(403);
    expect(server.db.$client.prepare('select count(*) from schools').pluck().get()).toBe(before + 12);
  });
});
