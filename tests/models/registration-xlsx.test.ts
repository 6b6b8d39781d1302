/** The Excel import and export, read and written with exceljs as a person's spreadsheet would be. */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { events, schools, teams } from '#db/schema.ts';
import { exportRegistrations, importRegistrations, registrationTemplate, COLUMNS, SHEET } from '#app/models/registration-xlsx.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { listRegistrations } from '#app/models/registration-review.server.ts';
import { listOpenEvents } from '#app/models/roster.server.ts';
import { actorOf, count, demoDb, TEST_NOW } from '../helpers/db.ts';
import { idNumber } from '../helpers/people.ts';

let db: Db;
beforeEach(async () => {
  db = await demoDb();
  pickSchool();
});

type Line = Partial<Record<(typeof COLUMNS)[number]['key'], string>>;

async function workbook(lines: Line[]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET);
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  for (const line of lines) sheet.addRow(line);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof ArrayBuffer ? buffer : new Uint8Array(buffer as Buffer).buffer;
}

let schoolUser = 'school';
/** A school account with at least two events still open to it. */
function pickSchool() {
  const names = (db.$client.prepare("select username from users where role = 'school' order by id").all() as { username: string }[]).map((u) => u.username);
  schoolUser = names.find((n) => listOpenEvents(db, actorOf(db, n), TEST_NOW).filter((e) => e.canEnter).length >= 2)!;
}
function openEvents() {
  return listOpenEvents(db, actorOf(db, schoolUser), TEST_NOW).filter((e) => e.canEnter);
}

function teamLines(eventCode: string, size: number, birth = '20050315'): Line[] {
  return [
    ...Array.from({ length: size }, (_, i) => ({ eventCode, role: '选手', name: `选手${i}`, idNumber: idNumber(birth), studentNumber: `S${i}`, major: '软件技术', phone: '13912340000' })),
    { eventCode, role: '指导教师', name: '周老师', phone: '13800138000', title: '副教授' },
  ];
}

const school = () => actorOf(db, schoolUser);
const importAs = (who: ReturnType<typeof actorOf>, file: ArrayBuffer) => importRegistrations(db, who, file, { now: TEST_NOW });

describe('the import', () => {
  it('imports a good file as draft teams of the school', async () => {
    const [a, b] = openEvents();
    const outcome = await importAs(school(), await workbook([...teamLines(a.code, a.minTeamSize), ...teamLines(b.code, b.minTeamSize)]));
    expect(outcome).toEqual({ ok: true, teams: 2, rows: a.minTeamSize + b.minTeamSize + 2 });
    const mine = listRegistrations(db, school(), {}, { limit: 500 }, TEST_NOW).teams.filter((t) => t.event.code === a.code || t.event.code === b.code);
    expect(mine.map((t) => t.status)).toEqual(['draft', 'draft']);
    expect(mine[0].contestants).toHaveLength(a.minTeamSize);
    expect(mine[0].advisors).toHaveLength(1);
  });

  it('imports nothing from a file with errors in several rows, and reports each with row and column', async () => {
    const [a] = openEvents();
    const lines = teamLines(a.code, a.maxTeamSize);
    lines[0].idNumber = lines[0].idNumber!.slice(0, 17) + (lines[0].idNumber!.endsWith('1') ? '2' : '1');
    lines.push({ eventCode: 'XX999', role: '选手', name: '无赛项', idNumber: idNumber('20050101') });
    lines.push({ eventCode: a.code, role: '裁判', name: '错角色', idNumber: idNumber('20050101') });
    lines.push({ eventCode: a.code, role: '指导教师', name: '坏电话', phone: '12345' });
    const before = [count(db, 'teams'), count(db, 'contestants'), count(db, 'audit_log')];
    const outcome = await importAs(school(), await workbook(lines));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const at = outcome.errors.map((e) => `${e.row}:${e.column}`);
    expect(at).toEqual(expect.arrayContaining(['2:身份证号', `${lines.length - 1}:赛项代码`, `${lines.length}:角色`, `${lines.length + 1}:手机号`]));
    expect(outcome.errors.every((e) => e.sheet === SHEET && e.message.length > 0)).toBe(true);
    expect([count(db, 'teams'), count(db, 'contestants'), count(db, 'audit_log')]).toEqual(before);
  });

  it('refuses the same person on two teams within one file', async () => {
    const [a, b] = openEvents();
    const first = teamLines(a.code, a.minTeamSize);
    const second = teamLines(b.code, b.minTeamSize);
    second[0].idNumber = first[0].idNumber;
    const outcome = await importAs(school(), await workbook([...first, ...second]));
    expect(outcome.ok).toBe(false);
  });

  it('refuses a file that is not a spreadsheet, and an empty one', async () => {
    const notXlsx = new TextEncoder().encode('name,idNumber\n张三,1').buffer as ArrayBuffer;
    await expect(importAs(school(), notXlsx)).rejects.toMatchObject({ status: 400, code: 'import_not_xlsx' });
    await expect(importAs(school(), await workbook([]))).rejects.toMatchObject({ status: 400, code: 'import_empty' });
    await expect(importAs(school(), new ArrayBuffer(0))).rejects.toBeInstanceOf(ModelError);
  });

  it('keeps a school to its own school code', async () => {
    const [a] = openEvents();
    const lines = teamLines(a.code, a.minTeamSize).map((l) => ({ ...l, schoolCode: '13001' }));
    const outcome = await importAs(school(), await workbook(lines));
    expect(outcome.ok).toBe(false);
  });

  it('imports 5,000 rows at once for the organiser', async () => {
    const admin = actorOf(db, 'admin');
    // Room for many teams per school: the organiser is loading a whole province's entries.
    db.update(events).set({ quotaPerSchool: 10, maxTeamSize: 4, minTeamSize: 1, maxAdvisors: 2 }).run();
    const allSchools = db.select().from(schools).all();
    const eventRows = db.select().from(events).all();
    const lines: Line[] = [];
    let pair = 0;
    while (lines.length < 5000) {
      const school = allSchools[pair % allSchools.length];
      const event = eventRows[Math.floor(pair / allSchools.length) % eventRows.length];
      pair++;
      const division = db.$client.prepare('select allowed_school_types a from divisions where id = ?').get(event.divisionId) as { a: string };
      if (!JSON.parse(division.a).includes(school.type)) continue;
      const teamName = `导入队${pair}`;
      for (let i = 0; i < 4; i++) lines.push({ schoolCode: school.code, eventCode: event.code, teamName, role: '选手', name: `选手${pair}-${i}`, idNumber: idNumber('20050315'), phone: '13912340000' });
      lines.push({ schoolCode: school.code, eventCode: event.code, teamName, role: '指导教师', name: `老师${pair}`, phone: '13800138000' });
    }
    const file = await workbook(lines.slice(0, 5000));
    const started = performance.now();
    const outcome = await importAs(admin, file);
    const ms = performance.now() - started;
    console.log(`import of 5,000 rows: ${Math.round(ms)} ms`);
    expect(outcome.ok ? outcome : outcome.errors.slice(0, 5)).toMatchObject({ ok: true, rows: 5000 });
  }, 120_000);
});

describe('the template and the export', () => {
  it('the template has the headers the import reads, and the events as a list', async () => {
    schoolUser = 'school';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(await registrationTemplate(db, school())));
    const sheet = wb.getWorksheet(SHEET)!;
    schoolUser = 'school';
    expect((sheet.getRow(1).values as string[]).filter(Boolean)).toEqual(COLUMNS.map((c) => c.header));
    expect(wb.getWorksheet('赛项')!.rowCount).toBe(16);
    expect(sheet.getCell('A2').text).toBe(db.select().from(schools).where(eq(schools.id, school().schoolId!)).get()!.code);
  });

  it('exports the approved registrations whole, and reads back equal to the database', async () => {
    const admin = actorOf(db, 'admin');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(await exportRegistrations(db, admin, {}, "event")));
    const exported = new Set<string>();
    let contestantRows = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const v = (i: number) => row.getCell(i).text;
        if (v(8) === '选手') {
          contestantRows++;
          exported.add(`${v(1)}|${v(5)}|${v(10)}|${v(13)}`);
        }
      });
    }
    const expected = db.$client
      .prepare(
        `select e.code, s.code school, c.name, c.id_number from teams t join events e on e.id = t.event_id join schools s on s.id = t.school_id
         join team_members m on m.team_id = t.id and m.removed_at is null join contestants c on c.id = m.contestant_id
         where t.status = 'approved' and t.withdrawn_at is null`,
      )
      .all() as { code: string; school: string; name: string; id_number: string }[];
    expect(contestantRows).toBe(expected.length);
    expect(exported).toEqual(new Set(expected.map((r) => `${r.code}|${r.school}|${r.name}|${r.id_number}`)));
    expect(wb.worksheets.length).toBe(new Set(expected.map((r) => r.code)).size);
  });

  it('a school exports only its own approved teams', async () => {
    schoolUser = 'school';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(await exportRegistrations(db, school(), { schoolId: 999 }, "school")));
    const names = wb.worksheets.map((s) => s.name);
    expect(names.every((n) => n.includes('湖南铁道职业技术学院'))).toBe(true);
    expect(db.select().from(teams).where(eq(teams.schoolId, school().schoolId!)).all().length).toBeGreaterThan(0);
  });
});

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
