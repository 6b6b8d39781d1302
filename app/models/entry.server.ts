/**
 * Entries of the works-based competitions (#16): a school's works per category, within the quota,
 * and their files — checked by their content against the category's limits, stored once by their
 * SHA-256 under FILES_DIR (written whole, then renamed into place: a refused or broken upload
 * leaves nothing behind), and never served to anyone who may not see them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { and, asc, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { atomically, type Db, type DbOrTx } from '#db/client.ts';
import { advisors, competitions, contestants, divisions, entries, schools, entryAdvisors, entryCategories, entryFiles, entryMembers, events, teamAdvisors, teamMembers, teams } from '#db/schema.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import type { Actor } from '#app/domain/roles.ts';
import { maskIdNumber, maskPhone, parseIdNumber } from '#app/domain/id-number.ts';
import { entryProblems, fileProblem, quotaForEnrolment, MAX_ENTRIES_PER_SCHOOL_GROUP, ONLINE_REVIEW_ROUND, PLATFORM_DIVISIONS, WORKS_AWARD_RATIOS, type Category, type CompetitionKind, type FileKind, INNOVATION_CATEGORIES, WORKS_CATEGORIES } from '#app/domain/works.ts';
import { defaultRubric } from '#app/domain/rubric.ts';
import { SCHOOL_TYPES } from '#app/domain/competition-setup.ts';
import { recordAudit } from './audit.server.ts';
import { inspectPath, sha256Of } from './file-check.server.ts';
import { conflict, invalid, ModelError, notFound } from './errors.ts';
import { reviewsEntry } from './review.server.ts';

/**
 * The default categories of a works-based competition's platform, in its own transaction
 * (creation): each with its rubric, and each an event of the platform's division — its online
 * review is that event's scoring, so lock, awards, publication, appeals, later rounds (the live
 * final), nominations and certificates are the ones every event has.
 */
export function insertDefaultCategories(tx: DbOrTx, competitionId: number, kind: CompetitionKind): number {
  if (kind === 'skills') return 0;
  const platform = PLATFORM_DIVISIONS[kind];
  const division = tx.insert(divisions).values({ competitionId, code: platform.code, name: platform.name, allowedSchoolTypes: [...SCHOOL_TYPES] }).returning({ id: divisions.id }).get();
  const defaults = kind === 'innovation' ? INNOVATION_CATEGORIES : WORKS_CATEGORIES;
  defaults.forEach(({ code, name, ...rules }, i) => {
    const event = tx
      .insert(events)
      .values({ competitionId, divisionId: division.id, code, name, minTeamSize: rules.minMembers, maxTeamSize: rules.maxMembers, maxAdvisors: rules.maxAdvisors, quotaPerSchool: MAX_ENTRIES_PER_SCHOOL_GROUP, awardRatios: { ...WORKS_AWARD_RATIOS }, roundName: ONLINE_REVIEW_ROUND })
      .returning({ id: events.id })
      .get();
    tx.insert(entryCategories).values({ competitionId, code, name, rules: { ...rules, rubric: defaultRubric(kind) }, sortOrder: i, eventId: event.id }).run();
  });
  return defaults.length;
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
    if (competition.phase !== 'registration') throw conflict('registration_closed', { phase: competition.phase });
    requireCategoryOpen(tx, category);
    const taken = tx.select({ n: count() }).from(entries).where(and(eq(entries.categoryId, category.id), eq(entries.schoolId, schoolId), isNull(entries.withdrawnAt))).get()!.n;
    if (taken >= MAX_ENTRIES_PER_SCHOOL_GROUP) throw conflict('entry_quota', { max: MAX_ENTRIES_PER_SCHOOL_GROUP, category: category.name });
    const quota = schoolQuota(tx, competition, schoolId);
    if (quota && quota.used >= quota.max) throw conflict('entry_quota_enrolment', { max: quota.max });
    const title = input.title.trim();
    if (!title) throw invalid('entry_title_required', {}, { title: 'errors.entry_title_required' });
    const row = tx.insert(entries).values({ competitionId: competition.id, categoryId: category.id, schoolId, title }).returning().get();
    recordAudit(tx, actor, { action: 'entry.create', entity: 'entry', entityId: row.id, after: row });
    return row.id;
  });
}

/**
 * A category takes new entries and submissions until its online review opens (its event leaves
 * `scheduled`): one coming later would never be coded or reviewed, yet stand in the results unranked.
 */
function requireCategoryOpen(db: DbOrTx, category: { name: string; eventId: number | null }) {
  if (category.eventId === null) return;
  const status = db.select({ status: events.status }).from(events).where(eq(events.id, category.eventId)).get()?.status;
  if (status !== undefined && status !== 'scheduled') throw conflict('category_review_started', { category: category.name });
}

/**
 * 创新创业's places for a school across its groups, by its enrolment band (under 2,000 students: 3;
 * 2,000–5,000: 4; more: 5; unknown: the smallest); null where the platform has no such quota.
 */
function schoolQuota(db: DbOrTx, competition: { id: number; kind: CompetitionKind }, schoolId: number): { used: number; max: number } | null {
  if (competition.kind !== 'innovation') return null;
  const enrolment = db.select({ enrolment: schools.enrolment }).from(schools).where(eq(schools.id, schoolId)).get()?.enrolment ?? 0;
  const used = db.select({ n: count() }).from(entries).where(and(eq(entries.competitionId, competition.id), eq(entries.schoolId, schoolId), isNull(entries.withdrawnAt))).get()!.n;
  return { used, max: quotaForEnrolment(enrolment) };
}

function entryOrThrow(db: Db, actor: Actor, entryId: number, action: 'entry:submit' | 'entry:read') {
  const entry = db.select().from(entries).where(eq(entries.id, entryId)).get();
  // Another school's entry is not found, as if it did not exist.
  if (!entry) throw notFound();
  if (!can(actor, action, { schoolId: entry.schoolId })) throw notFound();
  return entry;
}

/** The live files of these entries by entry, oldest first: one query for a whole list. Callers pick what their reader may see. */
export function filesOfEntries(db: DbOrTx, entryIds: readonly number[]) {
  const byEntry = new Map<number, { id: number; name: string; kind: FileKind; mime: string; bytes: number; pages: number | null; seconds: number | null }[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = db
    .select({ entryId: entryFiles.entryId, id: entryFiles.id, name: entryFiles.name, kind: entryFiles.kind, mime: entryFiles.mime, bytes: entryFiles.bytes, pages: entryFiles.pages, seconds: entryFiles.seconds })
    .from(entryFiles)
    .where(and(inArray(entryFiles.entryId, [...entryIds]), isNull(entryFiles.retiredAt)))
    .orderBy(asc(entryFiles.id))
    .all();
  for (const { entryId, ...file } of rows) (byEntry.get(entryId) ?? byEntry.set(entryId, []).get(entryId)!).push(file);
  return byEntry;
}

/** A school's entries (or, for the organiser, one school's), with their files' names and sizes. */
export function listEntries(db: Db, actor: Actor, schoolId = actor.schoolId ?? undefined) {
  if (schoolId === undefined) throw invalid('school_required');
  requirePermission(actor, 'entry:read', { schoolId });
  const rows = db.select({ entry: entries, category: entryCategories.name }).from(entries).innerJoin(entryCategories, eq(entryCategories.id, entries.categoryId)).where(eq(entries.schoolId, schoolId)).orderBy(asc(entries.id)).all();
  const files = filesOfEntries(db, rows.map((r) => r.entry.id));
  return rows.map(({ entry, category }) => ({ ...entry, category, files: (files.get(entry.id) ?? []).map(({ id, name, kind, bytes, pages }) => ({ id, name, kind, bytes, pages })) }));
}

const pathOf = (filesDir: string, sha: string) => join(filesDir, sha.slice(0, 2), sha);

/** Where uploads wait: inside FILES_DIR, so that placing a file is a rename, never a copy. */
export const pendingDir = (filesDir: string) => join(filesDir, '.pending');

/** A draft entry of the actor's school (or the organiser's) that may still take files; its category. */
export function entryTakingFiles(db: Db, actor: Actor, entryId: number) {
  const entry = entryOrThrow(db, actor, entryId, 'entry:submit');
  if (entry.status !== 'draft' || entry.withdrawnAt) throw conflict('entry_not_draft');
  const category = db.select().from(entryCategories).where(eq(entryCategories.id, entry.categoryId)).get()!;
  const present = db.select({ n: count() }).from(entryFiles).where(and(eq(entryFiles.entryId, entryId), isNull(entryFiles.retiredAt))).get()!.n;
  if (present >= category.rules.files.maxFiles) throw conflict('entry_files_full', { max: category.rules.files.maxFiles });
  return { entry, category: { code: category.code, name: category.name, ...category.rules } as Category };
}

/**
 * Adds the file waiting at `pending` (inside FILES_DIR) to a draft entry. It is read by its content
 * (kind, pages, duration; a cut-off PDF refused) and held to the category's limits; only then is
 * it moved, once per content, to its SHA-256 name and recorded. Refused, it is removed: nothing stays.
 */
export async function addEntryFileAt(db: Db, actor: Actor, entryId: number, pending: string, name: string, filesDir: string) {
  try {
    const { entry, category } = entryTakingFiles(db, actor, entryId);
    requirePermission(actor, 'entry:submit', { schoolId: entry.schoolId });
    const facts = await inspectPath(pending);
    const problem = fileProblem(facts, category);
    if (problem) throw new ModelError(problem.code === 'file_too_large' ? 413 : 422, problem.code, problem.params);
    const sha256 = await sha256Of(pending);
    // Checked again after the reads: the entry may have been submitted or filled meanwhile.
    entryTakingFiles(db, actor, entryId);
    const target = pathOf(filesDir, sha256);
    if (!existsSync(target)) {
      mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
      renameSync(pending, target);
    }
    return atomically(db, (tx) => {
      const row = tx.insert(entryFiles).values({ entryId, sha256, kind: facts.kind!, mime: facts.mime, bytes: facts.bytes, pages: facts.pages ?? null, seconds: facts.seconds == null ? null : Math.ceil(facts.seconds), name: name.slice(0, 200) || 'file', uploadedBy: actor.userId }).returning().get();
      recordAudit(tx, actor, { action: 'entry.file', entity: 'entry', entityId: entryId, after: { fileId: row.id, sha256, kind: row.kind, bytes: row.bytes, seconds: row.seconds } });
      return { id: row.id, kind: row.kind, bytes: row.bytes, pages: row.pages, seconds: row.seconds };
    });
  } finally {
    rmSync(pending, { force: true });
  }
}

/** A file sent whole (multipart): written to a pending file, then as `addEntryFileAt`. */
export async function addEntryFile(db: Db, actor: Actor, entryId: number, bytes: Uint8Array, name: string, filesDir: string) {
  entryTakingFiles(db, actor, entryId);
  mkdirSync(pendingDir(filesDir), { recursive: true });
  const pending = join(pendingDir(filesDir), randomBytes(12).toString('hex'));
  writeFileSync(pending, bytes, { mode: 0o600 });
  return addEntryFileAt(db, actor, entryId, pending, name, filesDir);
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
  requireCategoryOpen(db, category);
  const people = db.select({ industry: entryAdvisors.industry }).from(entryAdvisors).where(and(eq(entryAdvisors.entryId, entryId), isNull(entryAdvisors.removedAt))).all();
  const members = db.select({ n: count() }).from(entryMembers).where(and(eq(entryMembers.entryId, entryId), isNull(entryMembers.removedAt))).get()!.n;
  const problems = entryProblems({ members, advisors: people.length, industryAdvisors: people.filter((p) => p.industry).length }, { code: category.code, name: category.name, ...category.rules });
  if (problems.length) throw conflict(problems[0], { min: category.rules.minMembers, max: category.rules.maxMembers, advisors: category.rules.maxAdvisors });
  const files = db.select({ n: count() }).from(entryFiles).where(and(eq(entryFiles.entryId, entryId), isNull(entryFiles.retiredAt))).get()!.n;
  if (files === 0) throw conflict('entry_no_files');
  atomically(db, (tx) => {
    // The entry becomes a team of its category's event: members and advisors as the entry has them.
    const teamId = category.eventId === null ? null : entryTeam(tx, entry, category.eventId, now);
    tx.update(entries).set({ status: 'submitted', submittedAt: now, teamId }).where(eq(entries.id, entryId)).run();
    recordAudit(tx, actor, { action: 'entry.submit', entity: 'entry', entityId: entryId, after: { teamId } });
  });
}

function entryTeam(tx: DbOrTx, entry: typeof entries.$inferSelect, eventId: number, now: Date): number {
  const team = tx.insert(teams).values({ eventId, schoolId: entry.schoolId, name: entry.title, status: 'approved', submittedAt: now, reviewedAt: now }).returning({ id: teams.id }).get();
  for (const m of tx.select().from(entryMembers).where(and(eq(entryMembers.entryId, entry.id), isNull(entryMembers.removedAt))).all()) tx.insert(teamMembers).values({ teamId: team.id, contestantId: m.contestantId, position: m.position }).run();
  for (const a of tx.select().from(entryAdvisors).where(and(eq(entryAdvisors.entryId, entry.id), isNull(entryAdvisors.removedAt))).all()) tx.insert(teamAdvisors).values({ teamId: team.id, advisorId: a.advisorId, position: a.position }).run();
  return team.id;
}

/**
 * A school's desk for the works-based competitions: each year of 创新创业 or 文明风采 open for
 * entries, its categories with their limits and how many of its two places the school has used, and
 * the school's entries.
 */
export function entryDesk(db: Db, actor: Actor, schoolId = actor.schoolId ?? undefined) {
  if (schoolId === undefined) throw invalid('school_required');
  requirePermission(actor, 'entry:read', { schoolId });
  const years = db.select().from(competitions).where(and(ne(competitions.kind, 'skills'), eq(competitions.phase, 'registration'))).orderBy(desc(competitions.year)).all();
  const mine = listEntries(db, actor, schoolId);
  return {
    competitions: years.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      quota: schoolQuota(db, c, schoolId),
      categories: db
        .select()
        .from(entryCategories)
        .where(eq(entryCategories.competitionId, c.id))
        .orderBy(asc(entryCategories.sortOrder))
        .all()
        .map((k) => ({ id: k.id, code: k.code, name: k.name, rules: k.rules, taken: mine.filter((e) => e.categoryId === k.id && !e.withdrawnAt).length, max: MAX_ENTRIES_PER_SCHOOL_GROUP })),
    })),
    entries: mine,
  };
}

/** One of the school's entries with its category's rules, files and people (身份证号 masked). */
export function entryForSchool(db: Db, actor: Actor, entryId: number) {
  const entry = entryOrThrow(db, actor, entryId, 'entry:read');
  const category = db.select().from(entryCategories).where(eq(entryCategories.id, entry.categoryId)).get()!;
  const files = (filesOfEntries(db, [entryId]).get(entryId) ?? []).map(({ mime: _mime, ...file }) => file);
  const members = db.select({ name: contestants.name, idNumber: contestants.idNumber }).from(entryMembers).innerJoin(contestants, eq(contestants.id, entryMembers.contestantId)).where(and(eq(entryMembers.entryId, entryId), isNull(entryMembers.removedAt))).orderBy(asc(entryMembers.position)).all();
  const whole = can(actor, 'personal-data:read', { schoolId: entry.schoolId });
  const people = db.select({ name: advisors.name, phone: advisors.phone, industry: entryAdvisors.industry, organisation: entryAdvisors.organisation }).from(entryAdvisors).innerJoin(advisors, eq(advisors.id, entryAdvisors.advisorId)).where(and(eq(entryAdvisors.entryId, entryId), isNull(entryAdvisors.removedAt))).orderBy(asc(entryAdvisors.position)).all();
  return {
    entry: { id: entry.id, title: entry.title, status: entry.status, competitionId: entry.competitionId, withdrawn: entry.withdrawnAt !== null, inReview: entry.entryCode !== null },
    category: { id: category.id, code: category.code, name: category.name, rules: category.rules },
    files,
    // Whole for the school itself and the organiser, as everywhere (personal-data:read); masked for anyone else.
    members: members.map((m) => ({ name: m.name, idNumber: whole ? m.idNumber : maskIdNumber(m.idNumber) })),
    advisors: people.map((a) => ({ ...a, phone: whole ? a.phone : maskPhone(a.phone) })),
  };
}

/**
 * A school withdraws an entry it no longer sends (with a reason): a draft, or a submitted entry not
 * yet in reviewers' hands. Its place in the quota is free again; nothing is deleted.
 */
export function withdrawEntry(db: Db, actor: Actor, entryId: number, reason: string, now = new Date()): void {
  const entry = entryOrThrow(db, actor, entryId, 'entry:submit');
  requirePermission(actor, 'entry:submit', { schoolId: entry.schoolId });
  if (entry.withdrawnAt) throw conflict('entry_withdrawn');
  if (entry.entryCode !== null) throw conflict('entry_in_review');
  const why = reason.trim();
  if (!why) throw invalid('reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, (tx) => {
    tx.update(entries).set({ withdrawnAt: now }).where(eq(entries.id, entryId)).run();
    if (entry.teamId !== null) tx.update(teams).set({ withdrawnAt: now }).where(eq(teams.id, entry.teamId)).run();
    recordAudit(tx, actor, { action: 'entry.withdraw', entity: 'entry', entityId: entryId, before: { status: entry.status }, after: { withdrawn: true }, reason: why });
  });
}
