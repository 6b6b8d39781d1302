/** What an uploaded file is, by its content (#16): the name is never believed, a cut-off PDF is refused. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fileProblem, WORKS_CATEGORIES } from '#app/domain/works.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectPath } from '#app/models/file-check.server.ts';
import { asyncRefusal } from '../helpers/refusal.ts';
import { tinyMp4 } from '../helpers/works.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-check-'));
let n = 0;
/** The file as an upload leaves it: on disk. */
function inspectFile(bytes: Uint8Array) {
  const path = join(dir, String(++n));
  writeFileSync(path, bytes);
  return inspectPath(path);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const plan = WORKS_CATEGORIES.find((c) => c.code === 'ZY')!;

async function pdf(pages: number) {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return doc.save();
}

describe('a file read by its content', () => {
  it('knows a PDF and counts its pages, and holds the category to them', async () => {
    expect(await inspectFile(await pdf(3))).toMatchObject({ kind: 'pdf', pages: 3 });
    expect(fileProblem(await inspectFile(await pdf(31)), plan)?.code).toBe('file_too_many_pages');
  });

  it('sees an image called “计划书.pdf” for what it is, and refuses it where a document is asked for', async () => {
    const facts = await inspectFile(PNG);
    expect(facts.kind).toBe('image');
    expect(fileProblem(facts, plan)?.code).toBe('file_type');
  });

  it('refuses a PDF cut off in transfer', async () => {
    const whole = await pdf(3);
    for (const cut of [0.9, 0.5, 0.2]) expect((await asyncRefusal(inspectFile(whole.slice(0, Math.floor(whole.length * cut))))).code).toBe('file_truncated');
  });

  it('takes UTF-8 prose as text, and calls a program or random bytes nothing it accepts', async () => {
    expect((await inspectFile(Buffer.from('楚怡精神，代代相传。\n第二段。'))).kind).toBe('text');
    expect((await inspectFile(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).kind).toBeNull();
    expect((await inspectFile(Buffer.from([0x00, 0x9f, 0x13, 0x80, 0xc3, 0x07]))).kind).toBeNull();
    expect(await inspectFile(new Uint8Array())).toMatchObject({ kind: null, bytes: 0 });
  });

  it('reads an MP4 film\'s duration from its header, past 20 MB of media, and holds the category to it', async () => {
    const film = WORKS_CATEGORIES.find((c) => c.code === 'CY')!; // 才艺展示: ≤ 300 s
    const short = await inspectFile(tinyMp4(240, 20 * 1024 * 1024));
    expect(short).toMatchObject({ kind: 'video', mime: 'video/mp4', seconds: 240 });
    expect(fileProblem(short, film)).toBeNull();
    const long = await inspectFile(tinyMp4(301));
    expect(fileProblem(long, film)).toMatchObject({ code: 'file_too_long', params: { max: 300, seconds: 301 } });
  });
});
