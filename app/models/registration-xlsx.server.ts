/**
 * Registrations in Excel: the import template, the all-or-nothing import, and the export of
 * approved registrations. The rules are the same ones the forms and the API go through.
 */
import type { JobProgress } from '#app/jobs/progress.ts';
import ExcelJS from 'exceljs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '#db/client.ts';
import { divisions, events, schools, teams } from '#db/schema.ts';
import { checkQuota, checkRoster, type Violation } from '#app/domain/registration.ts';
import { parseIdNumber } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { columns, headersOf, sheetRows, templateSheet, uploadedSheet, validateRange } from './workbook.server.ts';
import { ModelError } from './errors.ts';
import { registrationRows } from './registration-review.server.ts';
import { currentRoster, rosterContext, saveImportedRosters, type Roster } from './roster.server.ts';

export const SHEET = '报名表';
const ROLE_CONTESTANT = '选手';
const ROLE_ADVISOR = '指导教师';

/** The template's columns: header, key, width. The headers are what the import looks for. */
export const COLUMNS = columns({
  schoolCode: ['院校代码', 12], eventCode: ['赛项代码', 12], teamName: ['队名', 28],
  role: ['角色', 10], name: ['姓名', 12], idNumber: ['身份证号', 22],
  studentNumber: ['学号', 14], major: ['专业', 18], phone: ['手机号', 14],
  title: ['职称', 12],
});
type Key = (typeof COLUMNS)[number]['key'];
const HEADER_OF = headersOf(COLUMNS);

export type ImportError = { sheet: string; row: number; column: string; message: string };
export type ImportOutcome = { ok: true; teams: number; rows: number } | { ok: false; errors: ImportError[] };

/** The template, with the events of the current competition as a drop-down list. */
export async function registrationTemplate(db: Db, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'registration:import');
  const competition = findCurrentCompetition(db);
  const eventRows = competition
    ? db.select({ code: events.code, name: events.name, division: divisions.name }).from(events).innerJoin(divisions, eq(divisions.id, events.divisionId)).where(and(eq(events.competitionId, competition.id), isNull(events.firstRoundId))).orderBy(asc(events.code)).all()
    : [];
  const ownCode = actor.schoolId ? db.select({ code: schools.code }).from(schools).where(eq(schools.id, actor.schoolId)).get()?.code : undefined;

  // 身份证号, 学号 and phone numbers are text: as numbers Excel would round an 18-digit ID.
  const { workbook: wb, sheet } = templateSheet(SHEET, COLUMNS, ['schoolCode', 'idNumber', 'studentNumber', 'phone']);
  const list = wb.addWorksheet('赛项', { state: 'visible' });
  list.columns = [{ header: '赛项代码', key: 'code', width: 12 }, { header: '赛项名称', key: 'name', width: 30 }, { header: '组别', key: 'division', width: 10 }];
  eventRows.forEach((e) => list.addRow(e));
  const last = Math.max(eventRows.length + 1, 2);
  validateRange(sheet, 'B2:B5001', { type: 'list', allowBlank: false, formulae: [`'赛项'!$A$2:$A$${last}`], showErrorMessage: true, errorTitle: '赛项代码', error: '请从列表中选择赛项代码' });
  validateRange(sheet, 'D2:D5001', { type: 'list', allowBlank: false, formulae: [`"${ROLE_CONTESTANT},${ROLE_ADVISOR}"`], showErrorMessage: true });
  if (ownCode) sheet.getCell('A2').value = ownCode;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Row = { row: number } & Record<Key, string>;
type Group = { schoolCode: string; eventCode: string; teamName: string; rows: Row[]; contestantRows: Row[]; advisorRows: Row[] };

/**
 * Reads, checks every row against every rule, and imports all rows or none. `describe` words a
 * rule violation in the reader's language (the sheet's own problems are worded in Chinese, as
 * its headers are).
 */
export async function importRegistrations(
  db: Db,
  actor: Actor,
  file: ArrayBuffer,
  { now = new Date(), describe = (v: Violation) => v.code, report }: { now?: Date; describe?: (v: Violation) => string; report?: (progress: JobProgress) => void } = {},
): Promise<ImportOutcome> {
  requirePermission(actor, 'registration:import');
  report?.({ stage: 'read', done: 0, total: 0 });
  const { sheet } = await uploadedSheet(file, SHEET, 'import_empty');
  const errors: ImportError[] = [];
  const fail = (row: number, key: Key, message: string) => errors.push({ sheet: sheet.name, row, column: HEADER_OF[key], message });
  const rows: Row[] = sheetRows(sheet, COLUMNS, ['schoolCode', 'teamName'], 'import_headers').map(({ row, text }) => ({ row, ...text }));
  if (rows.length === 0) throw new ModelError(400, 'import_empty');
  report?.({ stage: 'check', done: 0, total: rows.length });

  const competition = findCurrentCompetition(db);
  if (!competition) throw new ModelError(404, 'competition_not_found');
  const eventByCode = new Map(db.select().from(events).where(and(eq(events.competitionId, competition.id), isNull(events.firstRoundId))).all().map((e) => [e.code, e]));
  const schoolByCode = new Map(db.select().from(schools).all().map((s) => [s.code, s]));
  // A school account imports for its own school only.
  const ownSchool = actor.schoolId !== null ? db.select().from(schools).where(eq(schools.id, actor.schoolId)).get() : undefined;

  // 1. Each row on its own.
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let ok = true;
    const refuse = (key: Key, message: string) => {
      fail(row.row, key, message);
      ok = false;
    };
    const school = ownSchool ?? schoolByCode.get(row.schoolCode);
    if (ownSchool && row.schoolCode && row.schoolCode !== ownSchool.code) refuse('schoolCode', `只能导入本校（${ownSchool.code}）的报名`);
    if (!school) refuse('schoolCode', row.schoolCode ? `找不到院校代码 ${row.schoolCode}` : '请填写院校代码');
    if (!eventByCode.has(row.eventCode)) refuse('eventCode', row.eventCode ? `本届没有赛项 ${row.eventCode}` : '请填写赛项代码');
    if (row.role !== ROLE_CONTESTANT && row.role !== ROLE_ADVISOR) refuse('role', `角色只能是“${ROLE_CONTESTANT}”或“${ROLE_ADVISOR}”`);
    if (!row.name) refuse('name', '请填写姓名');
    if (row.name.length > 40) refuse('name', '姓名过长');
    if (row.role === ROLE_ADVISOR && !row.phone) refuse('phone', '请填写指导教师手机号');
    if (row.role === ROLE_CONTESTANT && !row.idNumber) refuse('idNumber', '请填写身份证号');
    if (!ok || !school) continue;
    const key = `${school.code}|${row.eventCode}|${row.teamName}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { schoolCode: school.code, eventCode: row.eventCode, teamName: row.teamName, rows: [], contestantRows: [], advisorRows: [] }));
    group.rows.push(row);
    (row.role === ROLE_CONTESTANT ? group.contestantRows : group.advisorRows).push(row);
  }

  // 2. Each team against the rules, and the file against itself (one person, one team).
  const plans: { group: Group; teamId: number | null; schoolId: number; eventId: number; individual: boolean; roster: Roster }[] = [];
  const personRow = new Map<string, Row>();
  const newTeamsPerPair = new Map<string, number>();
  for (const group of groups.values()) {
    const school = schoolByCode.get(group.schoolCode)!;
    const event = eventByCode.get(group.eventCode)!;
    const existing = db
      .select()
      .from(teams)
      .where(and(eq(teams.eventId, event.id), eq(teams.schoolId, school.id), isNull(teams.withdrawnAt), group.teamName ? eq(teams.name, group.teamName) : undefined))
      .all();
    const target = existing.length === 1 || (existing.length > 0 && !group.teamName) ? existing[0] : undefined;
    if (target && target.status !== 'draft' && target.status !== 'returned') {
      fail(group.rows[0].row, 'eventCode', `${school.name}在 ${event.code} 的参赛队已提交，不能再导入修改`);
      continue;
    }
    const roster: Roster = {
      contestants: group.contestantRows.map((r) => ({ name: r.name, idNumber: r.idNumber, studentNumber: r.studentNumber || null, major: r.major || null, phone: r.phone || null })),
      advisors: group.advisorRows.map((r) => ({ name: r.name, title: r.title || null, phone: r.phone })),
    };
    const ctx = rosterContext(db, event.id, school.id, target?.id ?? null, roster.contestants.map((c) => c.idNumber), now);
    const pair = `${school.id}|${event.id}`;
    const violations: Violation[] = [...checkRoster(ctx, roster, 'save')];
    if (!target) {
      // New teams of the same school and event within this file count against the quota too.
      const earlier = newTeamsPerPair.get(pair) ?? 0;
      newTeamsPerPair.set(pair, earlier + 1);
      violations.push(...checkQuota({ ...ctx, otherTeamsOfSchool: ctx.otherTeamsOfSchool + earlier }));
    }
    const unique = new Map<string, Violation>();
    for (const v of violations) unique.set(`${v.code}|${v.field ?? ''}`, v);
    for (const v of unique.values()) {
      if (v.code === 'quota_exceeded' && target) continue;
      const [kind, index, field] = (v.field ?? '').split('.');
      const list = kind === 'contestants' ? group.contestantRows : kind === 'advisors' ? group.advisorRows : [];
      const row = list[Number(index)] ?? group.rows[0];
      const key: Key = field === 'idNumber' ? 'idNumber' : field === 'phone' ? 'phone' : field === 'name' ? 'name' : 'eventCode';
      errors.push({ sheet: sheet.name, row: row.row, column: HEADER_OF[key], message: describe(v) });
    }
    group.contestantRows.forEach((r) => {
      const id = parseIdNumber(r.idNumber, now);
      if (!id.ok) return;
      const seen = personRow.get(id.info.idNumber);
      if (seen && seen.eventCode !== r.eventCode && !event.allowMultiTeamContestants) {
        fail(r.row, 'idNumber', `与第 ${seen.row} 行是同一人，同一选手只能参加一支队伍`);
      }
      personRow.set(id.info.idNumber, r);
    });
    plans.push({ group, teamId: target?.id ?? null, schoolId: school.id, eventId: event.id, individual: event.maxTeamSize === 1, roster });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  // 3. All of it, or nothing: the rosters are checked again as they are written.
  report?.({ stage: 'write', done: 0, total: rows.length });
  saveImportedRosters(db, actor, plans.map((p) => ({ eventId: p.eventId, schoolId: p.schoolId, teamId: p.teamId, name: p.group.teamName || undefined, roster: p.roster })), now);
  return { ok: true, teams: plans.length, rows: rows.length };
}

export type ExportGrouping = 'event' | 'school' | 'prefecture';
export type ExportFilter = { eventId?: number; prefectureId?: number; schoolId?: number; divisionId?: number };

/**
 * Approved registrations, whole (the export is for the organiser, or a school's own), one sheet per
 * group; `report` hears how many teams are written, then that the file is being packed.
 */
export async function exportRegistrations(db: Db, actor: Actor, filter: ExportFilter, groupBy: ExportGrouping, report?: (progress: JobProgress) => void): Promise<Buffer> {
  requirePermission(actor, 'team:list');
  const rows = registrationRows(db, actor, { ...filter, status: 'approved' });
  const wb = new ExcelJS.Workbook();
  wb.creator = '楚怡杯竞赛系统';
  const columns = [
    { header: '赛项代码', key: 'eventCode', width: 10 },
    { header: '赛项名称', key: 'eventName', width: 22 },
    { header: '组别', key: 'division', width: 8 },
    { header: '市州', key: 'prefecture', width: 12 },
    { header: '院校代码', key: 'schoolCode', width: 10 },
    { header: '院校', key: 'school', width: 26 },
    { header: '队名', key: 'teamName', width: 28 },
    { header: '角色', key: 'role', width: 10 },
    { header: '序号', key: 'position', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '学号', key: 'studentNumber', width: 14 },
    { header: '专业', key: 'major', width: 16 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '职称', key: 'title', width: 12 },
  ];
  const sheets = new Map<string, ExcelJS.Worksheet>();
  const sheetFor = (name: string) => {
    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    const safe = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    let sheet = sheets.get(safe);
    if (!sheet) {
      sheet = wb.addWorksheet(safe, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns;
      sheet.getRow(1).font = { bold: true };
      sheets.set(safe, sheet);
    }
    return sheet;
  };
  if (rows.length === 0) sheetFor('已通过报名');
  const teamIds = rows.map((r) => r.team.id);
  const rosters = new Map(teamIds.map((id) => [id, currentRoster(db, id)]));
  for (const [i, r] of rows.entries()) {
    if (i % 200 === 0) report?.({ stage: 'rows', done: i, total: rows.length });
    const sheet = sheetFor(groupBy === 'event' ? `${r.event.code} ${r.event.name}` : groupBy === 'school' ? `${r.school.code} ${r.school.name}` : r.prefecture);
    const base = { eventCode: r.event.code, eventName: r.event.name, division: r.division, prefecture: r.prefecture, schoolCode: r.school.code, school: r.school.name, teamName: r.team.name };
    const roster = rosters.get(r.team.id)!;
    roster.contestants.forEach((c, i) =>
      sheet.addRow({ ...base, role: ROLE_CONTESTANT, position: i + 1, name: c.name, gender: c.gender === 'male' ? '男' : '女', birthDate: c.birthDate, idNumber: c.idNumber, studentNumber: c.studentNumber ?? '', major: c.major ?? '', phone: c.phone ?? '' }),
    );
    roster.advisors.forEach((a, i) => sheet.addRow({ ...base, role: ROLE_ADVISOR, position: i + 1, name: a.name, phone: a.phone, title: a.title ?? '' }));
  }
  report?.({ stage: 'file', done: rows.length, total: rows.length });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

