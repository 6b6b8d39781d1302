/**
 * The demo's 文明风采 year (#16): entries of other schools already submitted with their files
 * (essays as text, photographs as pictures), the online review assigned — the demo `judge` among
 * the reviewers, the demo `chief` as the essays' chief reviewer — and the year still taking entries,
 * so that the demo `school` can submit its own. Run through the models, as people would.
 */
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { eq } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { competitions, entryCategories, judges, schools, users } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { createCompetition } from '#app/models/competition-setup.server.ts';
import { addEntryFile, createEntry, saveEntryPeople, submitEntry } from '#app/models/entry.server.ts';
import { assignEntryReviewers } from '#app/models/review.server.ts';
import { idNumberCheckChar } from '#app/domain/id-number.ts';

const ESSAYS = ['我心中的楚怡精神', '匠心筑梦，技能报国', '从车间到赛场', '一颗螺丝钉的坚守', '湘江边的职业梦', '青春与工匠同行', '我的师傅', '传承'];
const PHOTOS = ['晨光中的实训楼', '焊花', '田野里的无人机', '老手艺新传人'];
/** A valid 身份证号 of a Changsha district for the n-th demo student, born in 2006; its gender in the 17th digit. */
function idNumberOf(n: number, gender: 'male' | 'female'): string {
  // Month, day and sequence repeat together every 2,100 students; the district (430102–430109) then changes.
  const district = `4301${String(2 + (Math.floor(n / 2100) % 8)).padStart(2, '0')}`;
  const first17 = `${district}${2006}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 100).padStart(2, '0')}${(n % 5) * 2 + (gender === 'male' ? 1 : 0)}`;
  return first17 + idNumberCheckChar(first17);
}
const NAMES = ['罗晓燕', '陈思远', '李雨涵', '王子轩', '张明轩', '刘芳菲', '周子杰', '吴敏慧', '郑洁如', '孙强', '何佳怡', '胡博文'];

function chunk(type: string, data: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([head, data, crc]);
}

/** A 320×200 PNG in two colours (sky over ground), a different picture for each photograph. */
export function demoPhoto(sky: [number, number, number], ground: [number, number, number]): Buffer {
  const width = 320;
  const height = 200;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const [r, g, b] = y < height * 0.6 ? sky : ground;
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The demo's 文明风采 year; at province scale every school sends its two essays and two photographs
 * (a few hundred entries, a hundred reviewers) so that the works pages are tried at size.
 */
/** A career plan of a few pages (pdf-lib's standard font: the words are in English, the structure real). */
async function careerPlan(title: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const headings = ['Self-assessment', 'Career goal', 'Three-year plan', 'Skills to build', 'Checkpoints'];
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Career plan ${title.length}-${p + 1}: ${headings[p % headings.length]}`, { x: 56, y: 770, size: 18, font });
    for (let line = 0; line < 20; line++) page.drawText(`${line + 1}. Practice, reflection and a workshop log kept week by week.`, { x: 56, y: 720 - line * 28, size: 11, font });
  }
  return Buffer.from(await doc.save());
}

export async function seedWorks(db: Db, { filesDir, now = new Date(), scale = 'demo' }: { filesDir: string; now?: Date; scale?: 'demo' | 'province' }) {
  const actorOf = (username: string) => loadActor(db, db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id)!;
  const admin = actorOf('admin');
  const year = now.getFullYear();
  const { id } = createCompetition(db, admin, {
    name: `${year}年湖南省职业院校“文明风采”活动`,
    year,
    kind: 'works',
    startsOn: `${year}-12-01`,
    endsOn: `${year}-12-31`,
    registrationOpensAt: null,
    registrationDeadline: null,
    announcementDays: 5,
    defaultAwardRatios: { first: 0.05, second: 0.15, third: 0.2 },
    defaultTieAtBoundary: 'down',
    defaultLiveMode: 'anonymous',
    defaultAggregationMethod: 'mean',
    standardisedScores: false,
  });
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
  const category = (code: string) => db.select().from(entryCategories).where(eq(entryCategories.competitionId, id)).all().find((c) => c.code === code)!;
  const demoSchool = db.select({ schoolId: users.schoolId }).from(users).where(eq(users.username, 'school')).get()!.schoolId;
  const others = db.select().from(schools).all().filter((s) => s.id !== demoSchool);
  let person = 0;
  const enter = async (categoryCode: string, title: string, schoolId: number, file: Buffer, fileName: string) => {
    const entryId = createEntry(db, admin, { categoryId: category(categoryCode).id, title, schoolId });
    await addEntryFile(db, admin, entryId, file, fileName, filesDir);
    const n = person++;
    saveEntryPeople(db, admin, entryId, { members: [{ name: NAMES[n % NAMES.length], idNumber: idNumberOf(n, n % 2 ? 'male' : 'female') }], advisors: [{ name: `${'谭李周陈'[n % 4]}老师`, phone: `139751${String(10000 + n).slice(-5)}`, industry: false }] }, now);
    submitEntry(db, admin, entryId, now);
  };
  const essays = scale === 'province' ? others.flatMap((s, k) => [0, 1].map((j) => ({ title: `${ESSAYS[(k + j) % ESSAYS.length]}（${s.name}${j + 1}）`, schoolId: s.id, i: (k + j) % ESSAYS.length }))) : ESSAYS.map((title, i) => ({ title, schoolId: others[i % others.length].id, i }));
  for (const { title, schoolId, i } of essays) {
    const text = `${title}\n\n${'楚怡精神，代代相传。我们在实训车间里学会了严谨，在一次次失败中懂得了坚持。'.repeat(6 + i)}\n`;
    await enter('ZW', title, schoolId, Buffer.from(text), `${title}.txt`);
  }
  const palette: [number, number, number][][] = [[[255, 196, 120], [90, 60, 40]], [[40, 40, 60], [250, 140, 20]], [[140, 200, 255], [60, 140, 60]], [[230, 220, 200], [150, 40, 40]]];
  const photos = scale === 'province' ? others.flatMap((s, k) => [0, 1].map((j) => ({ title: `${PHOTOS[(k + j) % PHOTOS.length]}（${s.name}${j + 1}）`, schoolId: s.id, i: (k + j) % PHOTOS.length }))) : PHOTOS.map((title, i) => ({ title, schoolId: others[(i + 3) % others.length].id, i }));
  for (const { title, schoolId, i } of photos) await enter('SY', title, schoolId, demoPhoto(palette[i][0], palette[i][1]), `${title}.png`);
  // Two career plans as PDFs, for the reviewer's PDF view.
  for (const [i, title] of ['我的数控之路', '从学徒到工匠'].entries()) await enter('ZY', title, others[(i + 7) % others.length].id, await careerPlan(title, 3 + i), `${title}.pdf`);

  // Reviewers: the demo judge and the pool's next five; the demo chief judges the essays' review.
  // The province seed has no demo judge or chief: the pool's first judges stand in.
  const judgeOf = (username: string) => db.select({ id: judges.id }).from(judges).innerJoin(users, eq(users.id, judges.userId)).where(eq(users.username, username)).get()?.id;
  const pool = db.select({ id: judges.id }).from(judges).all().map((j) => j.id);
  const chiefId = judgeOf('chief') ?? pool[0];
  const demoJudge = judgeOf('judge');
  const reviewers = [...new Set([...(demoJudge ? [demoJudge] : []), ...pool])].filter((j) => j !== chiefId).slice(0, scale === 'province' ? 100 : 6);
  assignEntryReviewers(db, admin, id, { judgeIds: reviewers, perEntry: 3, seed: 2026 });
  assignJudge(db, admin, { eventId: category('ZW').eventId!, judgeId: chiefId, role: 'chief_judge' });
  assignJudge(db, admin, { eventId: category('SY').eventId!, judgeId: chiefId, role: 'chief_judge' });
  return { competitionId: id, entries: essays.length + photos.length + 2, reviewers: reviewers.length };
}
