/** Test-side helpers for a works-based year beside the demo. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { entryCategories, schools } from '#db/schema.ts';
import { addEntryFile, createEntry, saveEntryPeople, submitEntry } from '#app/models/entry.server.ts';
import { idNumber } from './people.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { createCompetition as create, type NewCompetition } from '#app/models/competition-setup.server.ts';
import type { Actor } from '#app/domain/roles.ts';

export const findCurrentCompetitionForTest = (db: Db) => findCurrentCompetition(db)?.id;
export const createCompetition = (db: Db, actor: Actor, input: Pick<NewCompetition, 'name' | 'year' | 'startsOn' | 'endsOn' | 'kind'>) =>
  create(db, actor, { registrationOpensAt: null, registrationDeadline: null, announcementDays: 5, defaultAwardRatios: { first: 0.1, second: 0.2, third: 0.3 }, defaultTieAtBoundary: 'down', defaultLiveMode: 'anonymous', defaultAggregationMethod: 'mean', standardisedScores: false, ...input });

function box(type: string, body: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/**
 * A minimal MP4 that says it lasts `seconds`: ftyp, then `padding` bytes of media data, then the
 * movie header at the end (as many cameras write it), so a reader must skip the media to find it.
 */
export function tinyMp4(seconds: number, padding = 1000): Buffer {
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')]));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale: milliseconds
  mvhd.writeUInt32BE(seconds * 1000, 16);
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  for (const [at, v] of [[36, 0x00010000], [52, 0x00010000], [68, 0x40000000], [96, 2]] as const) mvhd.writeUInt32BE(v, at);
  return Buffer.concat([ftyp, box('mdat', Buffer.alloc(padding)), box('moov', box('mvhd', mvhd))]);
}

const NAMES = ['罗晓燕', '陈思远', '李雨涵', '王子轩', '张明', '刘芳', '周杰', '吴敏', '郑洁', '孙强', '何佳', '胡博'];

/** Essays (征文演讲) submitted by `count` schools other than `except`, each with its text, student and advisor — through the models. */
export async function submitEssays(db: Db, actor: Actor, competitionId: number, { count, filesDir, except = [] }: { count: number; filesDir: string; except?: number[] }) {
  const category = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'ZW'))).get()!;
  const chosen = db.select().from(schools).all().filter((s) => !except.includes(s.id)).slice(0, count);
  const ids: number[] = [];
  for (const [i, school] of chosen.entries()) {
    const entryId = createEntry(db, actor, { categoryId: category.id, title: `我心中的楚怡精神（${i + 1}）`, schoolId: school.id });
    await addEntryFile(db, actor, entryId, Buffer.from(`楚怡精神，代代相传。第 ${i + 1} 篇。`), '征文.txt', filesDir);
    saveEntryPeople(db, actor, entryId, { members: [{ name: NAMES[i % NAMES.length], idNumber: idNumber(`2005031${i % 10}`, i % 2 ? 'male' : 'female') }], advisors: [{ name: `谭老师${i}`, phone: '13975112345', industry: false }] });
    submitEntry(db, actor, entryId);
    ids.push(entryId);
  }
  return { category, entryIds: ids };
}

/** A business plan as a PDF of `pages` pages (pdf-lib). */
export async function planPdf(pages = 3): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Business plan, page ${i + 1}`, { x: 50, y: 700 });
  return Buffer.from(await doc.save());
}

/** 创新组 projects submitted by `count` schools (three students and an industry mentor each, a PDF plan) — through the models. */
export async function submitProjects(db: Db, actor: Actor, competitionId: number, { count, filesDir, except = [] }: { count: number; filesDir: string; except?: number[] }) {
  const category = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'CX'))).get()!;
  const chosen = db.select().from(schools).all().filter((s) => !except.includes(s.id)).slice(0, count);
  const plan = await planPdf();
  const ids: number[] = [];
  for (const [i, school] of chosen.entries()) {
    const entryId = createEntry(db, actor, { categoryId: category.id, title: `智慧农机项目（${i + 1}）`, schoolId: school.id });
    await addEntryFile(db, actor, entryId, plan, '商业计划书.pdf', filesDir);
    const members = [0, 1, 2].map((k) => ({ name: `${NAMES[(i + k) % NAMES.length]}${k}`, idNumber: idNumber(`2004${String(1 + i).padStart(2, '0')}1${k}`, k % 2 ? 'female' : 'male') }));
    saveEntryPeople(db, actor, entryId, { members, advisors: [{ name: `企业导师${i}`, phone: '13975112345', industry: true, organisation: '三一重工' }] });
    submitEntry(db, actor, entryId);
    ids.push(entryId);
  }
  return { category, entryIds: ids };
}
