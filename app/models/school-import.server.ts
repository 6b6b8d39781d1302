/**
 * Schools from the province's sheet (院校代码, name, type, prefecture, contact): all rows or none,
 * each error with its row and column; a school is matched by its code, so the same file twice
 * updates and creates nothing. Each new school gets its account (`s` + code) with a one-time
 * password, returned once in an accounts sheet for the organiser to hand out; the file is kept.
 */
import { and, eq } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { delegations, prefectures, schools, users } from '#db/schema.ts';
import { generateOneTimePassword, hashOneTimePasswords } from '#app/auth/one-time-password.server.ts';
import type { JobReport } from '#app/jobs/jobs.server.ts';
import { SCHOOL_CODE, SCHOOL_TYPE_WORDS, schoolTypeOfWord, schoolUsername } from '#app/domain/competition-setup.ts';
import { isValidPhone } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { recordAudit } from './audit.server.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { ModelError } from './errors.ts';
import { keepImport } from './kept-import.server.ts';
import type { ImportError } from './registration-xlsx.server.ts';
import { columns, headersOf, sheetRows, templateSheet, uploadedSheet, validateRange } from './workbook.server.ts';

export const SCHOOL_SHEET = '院校';
const COLUMNS = columns({
  code: ['院校代码', 12], name: ['院校名称', 30], type: ['类型', 12],
  prefecture: ['市州', 20], contactName: ['联系人', 12], contactPhone: ['联系电话', 16],
  delegation: ['代表团', 24],
});
type Key = (typeof COLUMNS)[number]['key'];
const HEADER = headersOf(COLUMNS);

export type IssuedAccount = { code: string; school: string; username: string; password: string };
export type SchoolImportOutcome = { ok: true; rows: number; created: number; updated: number; accounts: IssuedAccount[] } | { ok: false; errors: ImportError[] };

/** The template: the columns, a drop-down of the types and of Hunan's prefectures. */
export async function schoolTemplate(db: Db, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'school:list');
  const { workbook: wb, sheet } = templateSheet(SCHOOL_SHEET, COLUMNS, ['code', 'contactPhone']);
  const names = db.select({ name: prefectures.name }).from(prefectures).orderBy(prefectures.sortOrder).all().map((p) => p.name);
  validateRange(sheet, 'C2:C5001', { type: 'list', allowBlank: false, formulae: [`"${Object.values(SCHOOL_TYPE_WORDS).join(',')}"`], showErrorMessage: true });
  validateRange(sheet, 'D2:D5001', { type: 'list', allowBlank: false, formulae: [`"${names.join(',')}"`], showErrorMessage: true });
  sheet.addRow({ code: '10001', name: '示例职业技术学院', type: '高职专科', prefecture: '长沙市', contactName: '张老师', contactPhone: '13800000000' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads, checks every row, and writes all of it or nothing. */
export async function importSchools(db: Db, actor: Actor, file: ArrayBuffer, fileName = 'schools.xlsx', report?: JobReport): Promise<SchoolImportOutcome> {
  requirePermission(actor, 'school:list');
  report?.({ stage: 'read', done: 0, total: 0 });
  const { sheet } = await uploadedSheet(file, SCHOOL_SHEET, 'import_empty');
  const rows = sheetRows(sheet, COLUMNS, ['contactName', 'contactPhone', 'delegation'], 'import_headers');
  report?.({ stage: 'check', done: 0, total: rows.length });
  const competition = findCurrentCompetition(db, actor);
  if (rows.length === 0) throw new ModelError(400, 'import_empty');
  const prefectureOf = new Map(db.select().from(prefectures).all().map((p) => [p.name, p.id]));
  const existing = new Map(db.select().from(schools).all().map((s) => [s.code, s]));
  const codeOfName = new Map([...existing.values()].map((s) => [s.name, s.code]));
  const errors: ImportError[] = [];
  const fail = (row: number, key: Key, message: string) => errors.push({ sheet: sheet.name, row, column: HEADER[key], message });
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  const plans: { row: number; code: string; name: string; type: NonNullable<ReturnType<typeof schoolTypeOfWord>>; prefectureId: number; contactName: string | null; contactPhone: string | null; delegation: string | null }[] = [];
  for (const { row, text } of rows) {
    let ok = true;
    const refuse = (key: Key, message: string) => ((ok = false), fail(row, key, message));
    if (!SCHOOL_CODE.test(text.code)) refuse('code', '院校代码应为 4–10 位数字或字母');
    else if (seenCode.has(text.code)) refuse('code', `与第 ${seenCode.get(text.code)} 行的院校代码重复`);
    if (!text.name) refuse('name', '请填写院校名称');
    else if (seenName.has(text.name)) refuse('name', `与第 ${seenName.get(text.name)} 行的院校名称重复`);
    else if (codeOfName.has(text.name) && codeOfName.get(text.name) !== text.code) refuse('name', `该名称已属于院校代码 ${codeOfName.get(text.name)}`);
    const type = schoolTypeOfWord(text.type);
    if (!type) refuse('type', `类型只能是：${Object.values(SCHOOL_TYPE_WORDS).join('、')}`);
    const prefectureId = prefectureOf.get(text.prefecture);
    if (!prefectureId) refuse('prefecture', '市州须为湖南 14 个市州之一或“省直”');
    if (text.contactPhone && !isValidPhone(text.contactPhone)) refuse('contactPhone', '联系电话不是有效的手机号');
    seenCode.set(text.code, row);
    seenName.set(text.name, row);
    if (text.delegation && !competition) refuse('delegation', '还没有当前竞赛：代表团属于某一届竞赛，请先新建一届');
    if (ok) plans.push({ row, code: text.code, name: text.name, type: type!, prefectureId: prefectureId!, contactName: text.contactName || null, contactPhone: text.contactPhone || null, delegation: text.delegation || null });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  // New schools get their accounts; the one-time passwords are hashed before the transaction.
  const fresh = plans.filter((p) => !existing.has(p.code));
  const accounts: IssuedAccount[] = fresh.map((p) => ({ code: p.code, school: p.name, username: schoolUsername(p.code), password: generateOneTimePassword() }));
  const hashes = await hashOneTimePasswords(accounts.map((a) => a.password), report);
  let updated = 0;
  report?.({ stage: 'write', done: 0, total: plans.length });
  atomically(db, (tx) => {
    const takenNames = new Set(tx.select({ username: users.username }).from(users).all().map((u) => u.username.toLowerCase()));
    for (const a of accounts) if (takenNames.has(a.username.toLowerCase())) throw new ModelError(409, 'username_taken', { username: a.username });
    for (const p of plans) {
      const { row: _row, delegation, ...values } = p;
      const before = existing.get(p.code);
      if (before) {
        const changed = (['name', 'type', 'prefectureId', 'contactName', 'contactPhone'] as const).some((k) => before[k] !== values[k]);
        if (delegation && competition) ensureDelegation(tx, competition.id, delegation, before);
        if (!changed) continue;
        tx.update(schools).set(values).where(eq(schools.id, before.id)).run();
        recordAudit(tx, actor, { action: 'school.update', entity: 'school', entityId: before.id, before, after: values });
        updated++;
        continue;
      }
      const school = tx.insert(schools).values(values).returning().get();
      if (delegation && competition) ensureDelegation(tx, competition.id, delegation, school);
      const i = accounts.findIndex((a) => a.code === p.code);
      const user = tx
        .insert(users)
        .values({ username: accounts[i].username, displayName: `${p.name}联系人`, passwordHash: hashes[i], role: 'school', schoolId: school.id, mustChangePassword: true })
        .returning({ id: users.id })
        .get();
      recordAudit(tx, actor, { action: 'school.create', entity: 'school', entityId: school.id, after: { ...school, account: accounts[i].username, userId: user.id } });
    }
    keepImport(tx, actor, 'schools', fileName, file, { rows: plans.length, created: fresh.length, updated });
  });
  return { ok: true, rows: plans.length, created: fresh.length, updated, accounts };
}

/**
 * The delegation (代表团) a school enters through, in the current year: a school's own (高职, named
 * after it) or its prefecture's (中职); created on first mention, found by name after.
 */
function ensureDelegation(tx: Db, competitionId: number, name: string, school: { id: number; name: string; prefectureId: number }) {
  if (tx.select({ id: delegations.id }).from(delegations).where(and(eq(delegations.competitionId, competitionId), eq(delegations.name, name))).get()) return;
  const own = name.startsWith(school.name);
  tx.insert(delegations).values({ competitionId, name, kind: own ? 'school' : 'prefecture', schoolId: own ? school.id : null, prefectureId: own ? null : school.prefectureId }).run();
}

/** The sheet of new accounts and their one-time passwords, for the organiser to hand out (shown once). */
export async function accountsWorkbook(accounts: readonly IssuedAccount[]): Promise<Buffer> {
  const columns = [
    { header: '代码 / 手机号', key: 'code', width: 14 },
    { header: '名称', key: 'school', width: 30 },
    { header: '用户名', key: 'username', width: 14 },
    { header: '一次性密码（首次登录后须修改）', key: 'password', width: 30 },
  ] as const;
  const { workbook, sheet } = templateSheet('账号', columns, ['code', 'username', 'password']);
  for (const a of accounts) sheet.addRow(a);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The accounts sheet as a link a page can offer for download, or null when no account is new. */
export async function accountsSheetHref(accounts: readonly IssuedAccount[]): Promise<string | null> {
  if (accounts.length === 0) return null;
  return `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${(await accountsWorkbook(accounts)).toString('base64')}`;
}
