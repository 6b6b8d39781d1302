/** What an uploaded file is, by its content (#16): the name is never believed, a cut-off PDF is refused. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fileProblem, WORKS_CATEGORIES } from '#app/domain/works.ts';
import { inspectFile } from '#app/models/file-check.server.ts';
import { asyncRefusal } from '../helpers/refusal.ts';

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
});
