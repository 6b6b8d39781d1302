/**
 * The awards API over HTTP, and the certificate PDF read back by a real PDF reader (pdftotext).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, contestants, publications } from '#db/schema.ts';
import { settleAnnouncements } from '#app/models/publication.server.ts';
import { lockedWithAnError } from '../helpers/awards.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
let server: TestServer;
let setup: ReturnType<typeof lockedWithAnError>;
beforeAll(async () => {
  server = await startServer();
  setup = lockedWithAnError(server.db);
});
afterAll(() => server.stop());

describe('the awards API', () => {
  it('publishes, takes and decides an appeal, and serves the awards, the register and certificates', async () => {
    const eventId = setup.ready.event.id;
    const anonymous = new Client(server.url);
    expect((await anonymous.json('GET', `/api/v1/events/${eventId}/awards`)).status).toBe(404);

    const school = new Client(server.url);
    await school.login('school');
    expect((await school.json('POST', `/api/v1/events/${eventId}/publish`)).status).toBe(403);
    const admin = new Client(server.url);
    await admin.login('admin');
    expect((await admin.fetch(`/api/v1/events/${eventId}/publish`, { method: 'POST' })).status).toBe(403); // no CSRF token
    const published = await admin.json('POST', `/api/v1/events/${eventId}/publish`);
    expect(published.status).toBe(200);
    expect((await admin.json('POST', `/api/v1/events/${eventId}/publish`)).status).toBe(409);

    const awards = (await (await anonymous.json('GET', `/api/v1/events/${eventId}/awards`)).json()) as { rows: { teamId: number; award: string | null }[]; explanation: string[] };
    expect(awards.rows.find((r) => r.teamId === setup.team.id)!.award).toBe('second');
    expect(awards.explanation.length).toBeGreaterThan(1);

    const bad = await school.json('POST', '/api/v1/appeals', { teamId: setup.team.id, reason: '录入错误', attachment: { name: 'x.exe', contentBase64: Buffer.from('MZ').toString('base64') } });
    expect([bad.status, ((await bad.json()) as { error: { code: string } }).error.code]).toEqual([422, 'attachment_type']);
    const filed = await school.json('POST', '/api/v1/appeals', { teamId: setup.team.id, reason: '录入错误', attachment: { name: '记录.pdf', contentBase64: Buffer.from('%PDF-1.4 test').toString('base64') } });
    expect(filed.status).toBe(201);
    const appeal = (await filed.json()) as { id: number; status: string };
    expect(appeal.status).toBe('filed');
    expect((await school.json('POST', `/api/v1/appeals/${appeal.id}/decide`, { decision: 'upheld', reason: '成立' })).status).toBe(403);
    const arbiter = new Client(server.url);
    await arbiter.login('arbiter');
    expect((await arbiter.json('POST', `/api/v1/appeals/${appeal.id}/decide`, { decision: 'maybe', reason: '' })).status).toBe(400);
    const decided = await arbiter.json('POST', `/api/v1/appeals/${appeal.id}/decide`, { decision: 'rejected', reason: '证据不足' });
    expect(((await decided.json()) as { status: string }).status).toBe('rejected');
    const mine = (await (await school.json('GET', '/api/v1/appeals')).json()) as { appeals: { id: number }[] };
    expect(mine.appeals.map((a) => a.id)).toEqual([appeal.id]);

    // The period ends: results final, nominations made, certificates issued.
    server.db.update(publications).set({ announcementEndsAt: new Date(Date.now() - 1000) }).where(eq(publications.eventId, eventId)).run();
    expect(settleAnnouncements(server.db)).toEqual([eventId]);
    const cert = server.db.select().from(certificates).where(eq(certificates.kind, 'award')).get()!;
    const verified = await anonymous.json('GET', `/api/v1/certificates/${cert.code}`);
    expect(verified.status).toBe(200);
    expect((await verified.json()) as object).toMatchObject({ code: cert.code, holderName: cert.holderName, valid: true });
    const altered = cert.code.slice(0, -1) + (cert.code.endsWith('0') ? '1' : '0');
    expect((await anonymous.json('GET', `/api/v1/certificates/${altered}`)).status).toBe(404);
    expect((await anonymous.fetch(`/verify/${altered}`)).status).toBe(404);
    expect((await anonymous.fetch(`/verify/${cert.code}`)).status).toBe(200);

    // This year's winners are not in the register until confirmed (the demo's earlier year is).
    const register = (await (await anonymous.json('GET', '/api/v1/inheritors?year=2026')).json()) as { total: number };
    expect(register.total).toBe(0);
    // Programs follow the register by cursor: every inheritor once.
    const earlier = (await (await anonymous.json('GET', '/api/v1/inheritors?year=2025')).json()) as { total: number };
    expect(earlier.total).toBeGreaterThan(5);
    const followed: number[] = [];
    for (let cursor: string | null = '0'; cursor !== null; ) {
      const slice = (await (await anonymous.json('GET', `/api/v1/inheritors?year=2025&limit=5&cursor=${cursor}`)).json()) as { rows: { id: number }[]; nextCursor: string | null };
      expect(slice.rows.length).toBeLessThanOrEqual(5);
      followed.push(...slice.rows.map((r) => r.id));
      cursor = slice.nextCursor;
    }
    expect(new Set(followed).size).toBe(earlier.total);

    // The certificate as PDF: only its school (or the organiser) downloads it.
    expect((await anonymous.fetch(`/certificates/${cert.code}.pdf`)).status).toBe(302);
    const other = new Client(server.url);
    await other.login('arbiter');
    expect((await other.fetch(`/certificates/${cert.code}.pdf`)).status).toBe(403);
    const pdf = await admin.fetch(`/certificates/${cert.code}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const file = join(mkdtempSync(join(tmpdir(), 'cert-')), 'c.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain(cert.holderName);
      expect(text).toMatch(/[一二三]等奖/);
      expect(text).toContain(cert.code);
      // Read as laid out: the event's name and the school each stand on one line, never broken.
      const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
      const event = server.db.$client.prepare('select code, name from events where id = ?').get(cert.eventId) as { code: string; name: string };
      expect(lines.some((l) => l.replace(/\s+/g, '').includes(`${event.code}${event.name}`))).toBe(true);
      const school = server.db.$client.prepare('select name from schools where id = ?').pluck().get(cert.schoolId) as string;
      expect(lines.some((l) => l.replace(/\s+/g, '') === school)).toBe(true);
    } else if (process.env.REQUIRE_E2E) {
      throw new Error('pdftotext (poppler-utils) is required in CI');
    }
    const zip = await admin.fetch(`/school/certificates.zip?schoolId=${cert.schoolId}`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // Nothing personal in what the public gets.
    const person = server.db.select().from(contestants).where(eq(contestants.id, cert.contestantId!)).get()!;
    const openDoc = await (await anonymous.fetch('/api/v1/openapi.json')).text();
    expect(openDoc).toContain('/api/v1/certificates/{code}');
    expect(JSON.stringify(awards)).not.toContain(person.idNumber);
  });
});
