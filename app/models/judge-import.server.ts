/**
 * Judges from a sheet (姓名, 工作单位, 所在院校代码, 职称, 手机号, and optionally 赛项代码 and 角色):
 * all rows or none, a judge matched by phone (so the same file twice creates nobody), each new
 * judge's account with a one-time password; the events on the sheet are assigned at once, and
 * every 回避 conflict is reported on its row. The file is kept and the import audited.
 */
import { and, asc, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { atomically, type Db } from '#db/client.ts';
import { events, judgeAssignments, judges, schools, users } from '#db/schema.ts';
import { generateOneTimePassword, hashOneTimePasswords } from '#app/auth/one-time-password.server.ts';
import type { JobReport } from '#app/jobs/jobs.server.ts';
import { findConflicts } from '#app/domain/conflict.ts';
import { isValidPhone } from '#app/domain/id-number.ts';
import { requirePermission } from '#app/domain/permissions.ts';
import type { Actor, AssignmentRole } from '#app/domain/roles.ts';
import { addAssignment } from './assignment.server.ts';
import { recordAudit } from './audit.server.ts';
import { findCurrentCompetition } from './competition.server.ts';
import { competingSchools } from './conflict.server.ts';
import { ModelError } from './errors.ts';
import { keepImport } from './kept-import.server.ts';
import type { ImportError } from './registration-xlsx.server.ts';
import { contains, pageWindow } from './search.server.ts';
import type { JudgeSort } from '#app/domain/list-orders.ts';
import type { IssuedAccount } from './school-import.server.ts';
import { columns, headersOf, sheetRows, templateSheet, uploadedSheet, validateRange } from './workbook.server.ts';

export const JUDGE_SHEET = '裁判';
const COLUMNS = columns({
  name: ['姓名', 12], affiliation: ['工作单位', 30], schoolCode: ['所在院校代码', 14],
  title: ['职称', 14], phone: ['手机号', 16], eventCode: ['赛项代码', 10],
  role: ['角色', 10],
});
type Key = (typeof COLUMNS)[number]['key'];
const HEADER = headersOf(COLUMNS);
const ROLE_WORDS: Record<string, AssignmentRole> = { 裁判长: 'chief_judge', 评分裁判: 'scoring_judge', 裁判: 'scoring_judge' };

export type JudgeImportOutcome = { ok: true; rows: number; created: number; updated: number; assigned: number; accounts: IssuedAccount[] } | { ok: false; errors: ImportError[] };

export async function judgeTemplate(db: Db, actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'judge:list');
  const { workbook: wb, sheet } = templateSheet(JUDGE_SHEET, COLUMNS, ['schoolCode', 'phone']);
  validateRange(sheet, 'G2:G5001', { type: 'list', allowBlank: true, formulae: ['"裁判长,评分裁判"'], showErrorMessage: true });
  sheet.addRow({ name: '张三', affiliation: '中车株洲电力机车有限公司', schoolCode: '', title: '高级工程师', phone: '13800000001', eventCode: '', role: '' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The next free `j0001`-style username numbers, continuing the existing ones. */
function nextJudgeNumbers(db: Db, count: number): string[] {
  const last = db
    .select({ n: sql<number>`max(cast(substr(${users.username}, 2) as integer))` })
    .from(users)
    .where(and(eq(users.role, 'judge'), like(users.username, 'j%')))
    .get()?.n ?? 0;
  return Array.from({ length: count }, (_, i) => `j${String(last + i + 1).padStart(4, '0')}`);
}

export async function importJudges(db: Db, actor: Actor, file: ArrayBuffer, fileName = 'judges.xlsx', report?: JobReport): Promise<JudgeImportOutcome> {
  requirePermission(actor, 'judge:list');
  requirePermission(actor, 'event:manage');
  report?.({ stage: 'read', done: 0, total: 0 });
  const { sheet } = await uploadedSheet(file, JUDGE_SHEET, 'import_empty');
  const rows = sheetRows(sheet, COLUMNS, ['schoolCode', 'title', 'eventCode', 'role'], 'import_headers');
  report?.({ stage: 'check', done: 0, total: rows.length });
  if (rows.length === 0) throw new ModelError(400, 'import_empty');
  const competition = findCurrentCompetition(db, actor);
  const schoolByCode = new Map(db.select().from(schools).all().map((s) => [s.code, s]));
  const eventByCode = new Map(competition ? db.select().from(events).where(eq(events.competitionId, competition.id)).all().map((e) => [e.code, e]) : []);
  const judgeByPhone = new Map(db.select().from(judges).all().filter((j) => j.phone).map((j) => [j.phone!, j]));
  const errors: ImportError[] = [];
  const fail = (row: number, key: Key, message: string) => errors.push({ sheet: sheet.name, row, column: HEADER[key], message });
  type Plan = { row: number; name: string; affiliation: string; affiliationSchoolId: number | null; title: string | null; phone: string; event?: typeof events.$inferSelect; role?: AssignmentRole };
  const plans: Plan[] = [];
  const chiefRow = new Map<number, number>();
  const competingOf = new Map<number, ReturnType<typeof competingSchools>>();
  const competing = (eventId: number) => competingOf.get(eventId) ?? competingOf.set(eventId, competingSchools(db, eventId)).get(eventId)!;
  const seenPair = new Set<string>();
  for (const { row, text } of rows) {
    let ok = true;
    const refuse = (key: Key, message: string) => ((ok = false), fail(row, key, message));
    if (!text.name) refuse('name', '请填写姓名');
    if (!isValidPhone(text.phone)) refuse('phone', '手机号无效（用于识别裁判，必填）');
    const school = text.schoolCode ? schoolByCode.get(text.schoolCode) : undefined;
    if (text.schoolCode && !school) refuse('schoolCode', '没有这个院校代码');
    const affiliation = text.affiliation || school?.name || '';
    if (!affiliation) refuse('affiliation', '请填写工作单位');
    const event = text.eventCode ? eventByCode.get(text.eventCode) : undefined;
    if (text.eventCode && !event) refuse('eventCode', '本届竞赛没有这个赛项代码');
    const role = text.role ? ROLE_WORDS[text.role] : text.eventCode ? 'scoring_judge' : undefined;
    if (text.role && !role) refuse('role', '角色只能是“裁判长”或“评分裁判”');
    if (text.role && !text.eventCode) refuse('eventCode', '填写了角色，请同时填写赛项代码');
    if (event && role) {
      const pair = `${event.id}|${text.phone}`;
      if (seenPair.has(pair)) refuse('eventCode', '同一裁判在同一赛项重复');
      seenPair.add(pair);
      // 回避: the judge's own school may not have a team in the event.
      const conflict = findConflicts([{ judgeId: 0, name: text.name, affiliationSchoolId: school?.id ?? null }], competing(event.id))[0];
      if (conflict) refuse('eventCode', `须回避：${conflict.school}在 ${event.code} 有参赛队`);
      if (role === 'chief_judge') {
        const other = db
          .select({ judgeId: judgeAssignments.judgeId })
          .from(judgeAssignments)
          .where(and(eq(judgeAssignments.eventId, event.id), eq(judgeAssignments.role, 'chief_judge'), isNull(judgeAssignments.revokedAt)))
          .get();
        if ((other && other.judgeId !== judgeByPhone.get(text.phone)?.id) || chiefRow.has(event.id)) refuse('role', `${event.code} 已有裁判长${chiefRow.has(event.id) ? `（第 ${chiefRow.get(event.id)} 行）` : ''}`);
        chiefRow.set(event.id, row);
      }
    }
    if (ok) plans.push({ row, name: text.name, affiliation, affiliationSchoolId: school?.id ?? null, title: text.title || null, phone: text.phone, event, role });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  // One account per new person (a person on several rows is one judge).
  const newPhones = [...new Set(plans.map((p) => p.phone).filter((phone) => !judgeByPhone.has(phone)))];
  const usernames = nextJudgeNumbers(db, newPhones.length);
  const accounts: IssuedAccount[] = newPhones.map((phone, i) => {
    const p = plans.find((x) => x.phone === phone)!;
    return { code: phone, school: `${p.name}（${p.affiliation}）`, username: usernames[i], password: generateOneTimePassword() };
  });
  const hashes = await hashOneTimePasswords(accounts.map((a) => a.password), report);
  report?.({ stage: 'write', done: 0, total: plans.length });
  let updated = 0;
  let assigned = 0;
  atomically(db, (tx) => {
    const judgeOfPhone = new Map(judgeByPhone);
    for (const p of plans) {
      const values = { name: p.name, affiliation: p.affiliation, affiliationSchoolId: p.affiliationSchoolId, title: p.title, phone: p.phone };
      let judge = judgeOfPhone.get(p.phone);
      if (!judge) {
        const i = accounts.findIndex((a) => a.code === p.phone);
        const user = tx.insert(users).values({ username: accounts[i].username, displayName: p.name, passwordHash: hashes[i], role: 'judge', mustChangePassword: true }).returning({ id: users.id }).get();
        judge = tx.insert(judges).values({ ...values, userId: user.id }).returning().get();
        recordAudit(tx, actor, { action: 'judge.create', entity: 'judge', entityId: judge.id, after: { ...judge, account: accounts[i].username } });
        judgeOfPhone.set(p.phone, judge);
      } else if ((Object.keys(values) as (keyof typeof values)[]).some((k) => judge![k] !== values[k])) {
        tx.update(judges).set(values).where(eq(judges.id, judge.id)).run();
        recordAudit(tx, actor, { action: 'judge.update', entity: 'judge', entityId: judge.id, before: judge, after: values });
        judgeOfPhone.set(p.phone, (judge = { ...judge, ...values }));
        updated++;
      }
      if (p.event && p.role) {
        // A row already on the panel (the same file again) is left as it is.
        const live = tx.select({ id: judgeAssignments.id }).from(judgeAssignments).where(and(eq(judgeAssignments.eventId, p.event.id), eq(judgeAssignments.judgeId, judge.id), isNull(judgeAssignments.revokedAt))).get();
        if (live) continue;
        addAssignment(tx, actor, judge, p.event, p.role, '导入裁判表 (judge sheet)');
        assigned++;
      }
    }
    keepImport(tx, actor, 'judges', fileName, file, { rows: plans.length, created: accounts.length, updated, assigned });
  });
  return { ok: true, rows: plans.length, created: accounts.length, updated, assigned, accounts };
}

/** The judge pool: search by name, affiliation or phone; each judge with its live assignments. */
export function judgePool(db: Db, actor: Actor, filter: { q?: string; page?: number; sort?: JudgeSort } = {}) {
  requirePermission(actor, 'judge:list');
  const size = 50;
  const q = filter.q?.trim();
  const where = q ? or(contains(judges.name, q), contains(judges.affiliation, q), contains(judges.phone, q)) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(judges).where(where).get()!.n;
  const { page, pages, offset } = pageWindow(total, filter.page ?? 1, size);
  const order = { name: [asc(judges.name), asc(judges.id)], affiliation: [asc(judges.affiliation), asc(judges.name), asc(judges.id)], newest: [desc(judges.id)] }[filter.sort ?? 'name'];
  const rows = db
    .select({ id: judges.id, name: judges.name, affiliation: judges.affiliation, title: judges.title, username: users.username })
    .from(judges)
    .innerJoin(users, eq(users.id, judges.userId))
    .where(where)
    .orderBy(...order)
    .limit(size)
    .offset(offset)
    .all();
  const ids = rows.map((r) => r.id);
  // This year's assignments: a judge's events of earlier years are history, not the organiser's work now.
  const competition = findCurrentCompetition(db, actor);
  const assignments = ids.length && competition
    ? db
        .select({ judgeId: judgeAssignments.judgeId, role: judgeAssignments.role, code: events.code })
        .from(judgeAssignments)
        .innerJoin(events, eq(events.id, judgeAssignments.eventId))
        .where(and(inArray(judgeAssignments.judgeId, ids), isNull(judgeAssignments.revokedAt), eq(events.competitionId, competition.id)))
        .orderBy(asc(events.code))
        .all()
    : [];
  return { total, page, pages, rows: rows.map((r) => ({ ...r, events: assignments.filter((a) => a.judgeId === r.id).map((a) => ({ code: a.code, role: a.role })) })) };
}
