/** Schools (院校): a school account sees and changes only its own; personal data is masked for others. */
import { and, asc, count, eq, inArray, isNull, or } from 'drizzle-orm';
import type { SchoolSort } from '#app/domain/list-orders.ts';
import { atomically, type Db } from '#db/client.ts';
import { prefectures, schools, sessions, users } from '#db/schema.ts';
import { maskPhone } from '#app/domain/id-number.ts';
import { type Actor } from '#app/domain/roles.ts';
import { can, requirePermission } from '#app/domain/permissions.ts';
import { contains, pageWindow } from './search.server.ts';
import { recordAudit } from './audit.server.ts';
import { ModelError, notFound } from './errors.ts';

function requireOwnSchool(actor: Actor, schoolId: number) {
  requirePermission(actor, 'school:read', { schoolId }, 'not_own_school');
}

export function getSchoolProfile(db: Db, actor: Actor, schoolId: number) {
  requireOwnSchool(actor, schoolId);
  const row = db
    .select({
      id: schools.id,
      code: schools.code,
      name: schools.name,
      type: schools.type,
      prefecture: prefectures.name,
      contactName: schools.contactName,
      contactPhone: schools.contactPhone,
      enrolment: schools.enrolment,
    })
    .from(schools)
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(eq(schools.id, schoolId))
    .get();
  if (!row) throw notFound('school_not_found');
  const whole = can(actor, 'personal-data:read', { schoolId });
  return { ...row, contactPhone: row.contactPhone && !whole ? maskPhone(row.contactPhone) : row.contactPhone };
}

export function updateSchoolContact(
  db: Db,
  actor: Actor,
  schoolId: number,
  input: { contactName?: string; contactPhone?: string; enrolment?: number | null },
): void {
  requireOwnSchool(actor, schoolId);
  const before = db.select().from(schools).where(eq(schools.id, schoolId)).get();
  if (!before) throw notFound('school_not_found');
  // Enrolment changes only when the form sends it (创新创业's quota follows it).
  const patch = { contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null, ...(input.enrolment !== undefined ? { enrolment: input.enrolment } : {}) };
  atomically(db, (tx) => {
    tx.update(schools).set(patch).where(eq(schools.id, schoolId)).run();
    recordAudit(tx, actor, {
      action: 'school.update_contact',
      entity: 'school',
      entityId: schoolId,
      before: { contactName: before.contactName, contactPhone: before.contactPhone, enrolment: before.enrolment },
      after: patch,
    });
  });
}

/** Every school with its prefecture: the organiser's reference list (no personal data in it). */
export const SCHOOLS_PAGE_SIZE = 50;

function schoolOrder(sort: SchoolSort) {
  switch (sort) {
    case 'code':
      return [asc(schools.code), asc(schools.id)];
    case 'name':
      return [asc(schools.name), asc(schools.id)];
    case 'prefecture':
      return [asc(prefectures.sortOrder), asc(schools.code), asc(schools.id)];
  }
}

/** One page of the schools (by prefecture and code unless asked otherwise), searched by name or code, with the total. */
export function pageOfSchools(db: Db, actor: Actor, filter: { q?: string; prefectureId?: number; sort?: SchoolSort } = {}, { page = 1, limit = SCHOOLS_PAGE_SIZE } = {}) {
  requirePermission(actor, 'school:list');
  const q = filter.q?.trim();
  const where = and(filter.prefectureId ? eq(schools.prefectureId, filter.prefectureId) : undefined, q ? or(contains(schools.name, q), contains(schools.code, q)) : undefined);
  const total = db.select({ n: count() }).from(schools).where(where).get()?.n ?? 0;
  const { page: current, pages, offset } = pageWindow(total, page, limit);
  const rows = db
    .select({ id: schools.id, code: schools.code, name: schools.name, type: schools.type, prefecture: prefectures.name, disabledAt: schools.disabledAt })
    .from(schools)
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .where(where)
    .orderBy(...schoolOrder(filter.sort ?? 'prefecture'))
    .limit(limit)
    .offset(offset)
    .all();
  return { schools: rows, total, page: current, pages };
}

/** Hunan's prefectures in their customary order, for a list's filter (public reference data). */
export function prefectureChoices(db: Db) {
  return db.select({ id: prefectures.id, label: prefectures.name }).from(prefectures).orderBy(asc(prefectures.sortOrder)).all();
}

/** Every school, for a form's choice of school. */
export function listSchools(db: Db, actor: Actor) {
  requirePermission(actor, 'school:list');
  return db
    .select({ id: schools.id, code: schools.code, name: schools.name, type: schools.type, prefecture: prefectures.name, disabledAt: schools.disabledAt })
    .from(schools)
    .innerJoin(prefectures, eq(prefectures.id, schools.prefectureId))
    .orderBy(asc(prefectures.sortOrder), asc(schools.code))
    .all();
}

/**
 * The organiser disables a school (closed, merged) or enables it again, with a reason: its accounts
 * stop or resume logging in, and a disabled school cannot enter an event. Nothing is deleted.
 */
export function setSchoolDisabled(db: Db, actor: Actor, schoolId: number, disabled: boolean, reason: string, now = new Date()): void {
  requirePermission(actor, 'school:list');
  if (!reason.trim()) throw new ModelError(422, 'reason_required', {}, { reason: 'errors.reason_required' });
  atomically(db, (tx) => {
    const school = tx.select().from(schools).where(eq(schools.id, schoolId)).get();
    if (!school) throw notFound('school_not_found');
    if (!!school.disabledAt === disabled) return;
    tx.update(schools).set({ disabledAt: disabled ? now : null }).where(eq(schools.id, schoolId)).run();
    tx.update(users).set({ disabledAt: disabled ? now : null }).where(and(eq(users.schoolId, schoolId), eq(users.role, 'school'))).run();
    if (disabled) tx.update(sessions).set({ revokedAt: now }).where(and(isNull(sessions.revokedAt), inArray(sessions.userId, tx.select({ id: users.id }).from(users).where(eq(users.schoolId, schoolId))))).run();
    recordAudit(tx, actor, { action: disabled ? 'school.disable' : 'school.enable', entity: 'school', entityId: schoolId, before: { disabledAt: school.disabledAt }, after: { disabledAt: disabled ? now : null }, reason: reason.trim() });
  });
}
