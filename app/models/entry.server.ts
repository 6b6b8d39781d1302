/**
 * Entries of the works-based competitions (#16): a school's works per category, within the quota,
 * and their files — checked by their content against the category's limits, stored once by their
 * SHA-256 under FILES_DIR (written whole, then renamed into place: a refused or broken upload
 * leaves nothing behind), and never served to anyone who may not see them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { advisors, competitions, contestants, entries, entryAdvisors, entryCategories, entryFiles, entryMembers } from '#db/schema.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { parseIdNumber } from '#app/domain/id-number.ts';
import { entryProblems, fileProblem, MAX_ENTRIES_PER_SCHOOL_GROUP, type Category, type CompetitionKind, INNOVATION_CATEGORIES, WORKS_CATEGORIES } from '#app/domain/works.ts';
import { recordAudit } from './audit.server.ts';
import { inspectFile } from './file-check.server.ts';
import { conflict, invalid, ModelError, notFound } from './errors.ts';
import { reviewsEntry } from './review.server.ts';

/** The default categories of a works-based competition's platform, in its own transaction (creation). */
export function insertDefaultCategories(tx: DbOrTx, competitionId: number, kind: CompetitionKind): number {
  const defaults: Record<CompetitionKind, readonly Category[]> = { skills: [], innovation: INNOVATION_CATEGORIES, works: WORKS_CATEGORIES };
  defaults[kind].forEach(({ code, name, ...rules }, i) => tx.insert(entryCategories).values({ competitionId, code, name, rules, sortOrder: i }).run());
  return defaults[kind].length;
}

/** A new entry of the school in a category, within the quota; refused outside registration. */
export function createEntry(db: Db, actor: Actor, input: { categoryId: number; title: string; schoolId?: number }): number {
  const schoolId = actor.schoolId ?? input.schoolId;
  if (schoolId == null) throw invalid('school_required', {}, { schoolId: 'errors.school_required' });
  requirePermission(actor, 'entry:submit', { schoolId });
  return atomically(db, (tx) => {
    const category = tx.select().from(entryCategories).where(eq(entryCategories.id, input.categoryId)).get();
    if (!category) throw notFound('category_not_found');
    const competition = tx.select().from(competitions).where(eq(competitions.id, category.competitionId)).get()!;
    if (competition.phase !== 'registration') throw conflict('registration_closed');
    const taken = tx.select({ n: count() }).from(entries).where(and(eq(entries.categoryId, category.id), eq(entries.schoolId, schoolId), isNull(entries.withdrawnAt))).get()!.n;
    if (taken >= MAX_ENTRIES_PER_SCHOOL_GROUP) throw conflict('entry_quota', { max: MAX_ENTRIES_PER_SCHOOL_GROUP, category: category.name });
    const title = input.title.trim();
    if (!title) throw invalid('entry_title_required', {}, { title: 'errors.entry_title_required' });
    const row = tx.insert(entries).values({ competitionId: competition.id, categoryId: category.id, schoolId, title }).returning().get();
    recordAudit(tx, actor, { action: 'entry.create', entity: 'entry', entityId: row.id, after: row });
    return row.id;
  });
}

function entryOrThrow(db: Db, actor: Actor, entryId: number, action: 'entry:submit' | 'entry:read') {
  const entry = db.select().from(entries).where(eq(entries.id, entryId)).get();
  // Another school's entry is not found, as if it did not exist.
  if (!entry) throw notFound();
  if (!can(actor, action, { schoolId: entry.schoolId })) throw notFound();
  return entry;
}

/** A school's entries (or, for the organiser, one school's), with their files' names and sizes. */
export function listEntries(db: Db, actor: Actor, schoolId = actor.schoolId ?? undefined) {
  if (schoolId === undefined) throw invalid('school_required');
  requirePermission(actor, 'entry:read', { schoolId });
  const rows = db.select({ entry: entries, category: entryCategories.name }).from(entries).innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId)).where(eq(entries.schoolId, schoolId)).orderBy(asc(entries.id)).all();
  return rows.map(({ entry, category }) => ({
    ...entry,
    category,
    files: db.select({ id: entryFiles.id, name: entryFiles.name, kind: entryFiles.kind, bytes: entryFiles.bytes, pages: entryFiles.pages }).from(entryFiles).where(and(eq(entryFiles.entryId, entry.id), isNull(entryFiles.retiredAt))).orderBy(asc(entryFiles.id)).all(),
  }));
}

const pathOf = (filesDir: string, sha: string) => join(filesDir, sha.slice(0, 2), sha);

/**
 * Adds a file to a draft entry. It is read by its content (kind, pages; a cut-off PDF refused) and
 * held to the category's limits; only then is it written, once per content, and recorded.
 */
export async function addEntryFile(db: Db, actor: Actor, entryId: number, bytes: Uint8Array, name: string, filesDir: string) {
  const entry = entryOrThrow(db, actor, entryId, 'entry:submit');
  if (entry.status !== 'draft' || entry.withdrawnAt) throw conflict('entry_not_draft');
  const category = db.select().from(entryCategories).where(eq(entryCategories.id, entry.categoryId)).get()!;
  const facts = await inspectFile(bytes);
  const problem = fileProblem(facts, { code: category.code, name: category.name, ...category.rules });
  if (problem) throw new ModelError(problem.code === 'file_too_large' ? 413 : 422, problem.code, problem.params);
  const present = db.select({ n: count() }).from(entryFiles).where(and(eq(entryFiles.entryId, entryId), isNull(entryFiles.retiredAt))).get()!.n;
  if (present >= category.rules.files.maxFiles) throw conflict('entry_files_full', { max: category.rules.files.maxFiles });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = pathOf(filesDir, sha256);
  if (!existsSync(target)) {
    mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
    const partial = join(filesDir, `.part-${randomBytes(8).toString('hex')}`);
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, target);
  }
  return atomically(db, (tx) => {
    const row = tx.insert(entryFiles).values({ entryId, sha256, kind: facts.kind!, mime: facts.mime, bytes: facts.bytes, pages: facts.pages ?? null, name: name.slice(0, 200) || 'file', uploadedBy: actor.userId }).returning().get();
    recordAudit(tx, actor, { action: 'entry.file', entity: 'entry', entityId: entryId, after: { fileId: row.id, sha256, kind: row.kind, bytes: row.bytes } });
    return { id: row.id, kind: row.kind, bytes: row.bytes, pages: row.pages };
  });
}

/** A file for its school and the organiser; anyone else is told it does not exist. */
export function entryFileForDownload(db: Db, actor: Actor, fileId: number, filesDir: string) {
  const file = db.select().from(entryFiles).where(eq(entryFiles.id, fileId)).get();
  if (!file || file.retiredAt) throw notFound();
  const served = { path: pathOf(filesDir, file.sha256), mime: file.mime, bytes: file.bytes };
  // An assigned reviewer gets the file under the entry's code: the school's file name may name it.
  if (reviewsEntry(db, actor, file.entryId)) {
    const code = db.select({ code: entries.entryCode }).from(entries).where(eq(entries.id, file.entryId)).get()!.code;
    return { ...served, name: `${code}-${file.id}.${extname(file.name).slice(1) || file.kind}` };
  }
  entryOrThrow(db, actor, file.entryId, 'entry:read');
  return { ...served, name: file.name };
}

export type EntryPeopleInput = {
  members: { name: string; idNumber: string; studentNumber?: string; phone?: string }[];
  advisors: { name: string; title?: string; phone: string; industry: boolean; organisation?: string }[];
};

/**
 * An entry's students and advisors, replacing those before (retired, never deleted). Each
 * 身份证号 is checked as a contestant's is; a student already entered by another school is refused;
 * the category's group sizes and industry mentor hold.
 */
export function saveEntryPeople(db: Db, actor: Actor, entryId: number, input: EntryPeopleInput, now = new Date()): void {
  const entry = entryOrThrow(db, actor, entryId, 'entry:submit');
  if (entry.status !== 'draft' || entry.withdrawnAt) throw conflict('entry_not_draft');
  const checked = input.members.map((m, i) => ({ ...m, i, check: parseIdNumber(m.idNumber, now) }));
  const fields = Object.fromEntries(checked.filter((m) => !m.check.ok).map((m) => [`members.${m.i}.idNumber`, `errors.id_number.${(m.check as { problem: string }).problem}`]));
  if (Object.keys(fields).length) throw invalid('entry_people_invalid', { count: Object.keys(fields).length }, fields);
  const category = db.select().from(entryCategories).where(eq(entryCategories.id, entry.categoryId)).get()!;
  const problems = entryProblems({ members: input.members.length, advisors: input.advisors.length, industryAdvisors: input.advisors.filter((a) => a.industry).length }, { code: category.code, name: category.name, ...category.rules });
  if (problems.length) throw invalid(problems[0], { min: category.rules.minMembers, max: category.rules.maxMembers, advisors: category.rules.maxAdvisors });
  atomically(db, (tx) => {
    tx.update(entryMembers).set({ removedAt: now }).where(and(eq(entryMembers.entryId, entryId), isNull(entryMembers.removedAt))).run();
    tx.update(entryAdvisors).set({ removedAt: now }).where(and(eq(entryAdvisors.entryId, entryId), isNull(entryAdvisors.removedAt))).run();
    checked.forEach((m, position) => {
      const info = (m.check as { ok: true; info: { idNumber: string; birthDate: string; gender: 'male' | 'female' } }).info;
      const existing = tx.select().from(contestants).where(and(eq(contestants.competitionId, entry.competitionId), eq(contestants.idNumber, info.idNumber))).get();
      if (existing && existing.schoolId !== entry.schoolId) throw conflict('contestant_other_school', { name: m.name }, { [`members.${m.i}.idNumber`]: 'errors.contestant_other_school' });
      const contestantId =
        existing?.id ??
        tx.insert(contestants).values({ competitionId: entry.competitionId, schoolId: entry.schoolId, name: m.name.trim(), gender: info.gender, idNumber: info.idNumber, birthDate: info.birthDate, studentNumber: m.studentNumber?.trim() || null, phone: m.phone?.trim() || null }).returning({ id: contestants.id }).get().id;
      tx.insert(entryMembers).values({ entryId, contestantId, position: position + 1 }).run();
    });
    input.advisors.forEach((a, position) => {
      const advisor = tx.insert(advisors).values({ competitionId: entry.competitionId, schoolId: entry.schoolId, name: a.name.trim(), title: a.title?.trim() || null, phone: a.phone.trim() }).returning({ id: advisors.id }).get();
      tx.insert(entryAdvisors).values({ entryId, advisorId: advisor.id, industry: a.industry, organisation: a.organisation?.trim() || null, position: position + 1 }).run();
    });
    recordAudit(tx, actor, { action: 'entry.people', entity: 'entry', entityId: entryId, after: { members: input.members.length, advisors: input.advisors.length } });
  });
}

/** Submits a draft entry: its people fit the category and it has at least one file. */
export function submitEntry(db: Db, actor: Actor, entryId: number, now = new Date()): void {
  const entry = entryOrThrow(db, actor, entryId, 'entry:submit');
  if (entry.status !== 'draft' || entry.withdrawnAt) throw conflict('entry_not_draft');
  const category = db.select().from(entryCategories).where(eq(entryCategories.id, entry.categoryId)).get()!;
  const people = db.select({ industry: entryAdvisors.industry }).from(entryAdvisors).where(and(eq(entryAdvisors.entryId, entryId), isNull(entryAdvisors.removedAt))).all();
  const members = db.select({ n: count() }).from(entryMembers).where(and(eq(entryMembers.entryId, entryId), isNull(entryMembers.removedAt))).get()!.n;
  const problems = entryProblems({ members, advisors: people.length, industryAdvisors: people.filter((p) => p.industry).length }, { code: category.code, name: category.name, ...category.rules });
  if (problems.length) throw conflict(problems[0], { min: category.rules.minMembers, max: category.rules.maxMembers, advisors: category.rules.maxAdvisors });
  const files = db.select({ n: count() }).from(entryFiles).where(and(eq(entryFiles.entryId, entryId), isNull(entryFiles.retiredAt))).get()!.n;
  if (files === 0) throw conflict('entry_no_files');
  atomically(db, (tx) => {
    tx.update(entries).set({ status: 'submitted', submittedAt: now }).where(eq(entries.id, entryId)).run();
    recordAudit(tx, actor, { action: 'entry.submit', entity: 'entry', entityId: entryId });
  });
}
