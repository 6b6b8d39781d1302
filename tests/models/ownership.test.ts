/** A school account reads and changes only its own school's records; judges only their own events. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { schools, teams } from '#db/schema.ts';
import { ModelError } from '#app/models/errors.ts';
import { listOwnAssignments, listPanel } from '#app/models/judge.server.ts';
import { getSchoolProfile, listSchools, updateSchoolContact } from '#app/models/school.server.ts';
import { getTeam, listTeamsOfSchool } from '#app/models/team.server.ts';
import { listAudit } from '#app/models/audit.server.ts';
import { actorOf, count, demoDb } from '../helpers/db.ts';

let db: Db;
let ownSchoolId: number;
let otherSchoolId: number;
let otherTeamId: number;

beforeAll(async () => {
  db = await demoDb();
  const school = actorOf(db, 'school');
  ownSchoolId = school.schoolId!;
  const other = db.select().from(teams).all().find((t) => t.schoolId !== ownSchoolId)!;
  otherSchoolId = other.schoolId;
  otherTeamId = other.id;
});

function status(fn: () => unknown): number {
  try {
    fn();
    return 200;
  } catch (e) {
    if (e instanceof ModelError) return e.status;
    throw e;
  }
}

describe('school ownership', () => {
  it('reads its own school with the whole phone number', () => {
    const profile = getSchoolProfile(db, actorOf(db, 'school'), ownSchoolId);
    expect(profile.name).toBe('湖南铁道职业技术学院');
    expect(profile.contactPhone).toMatch(/^1\d{10}$/);
  });

  it('cannot read, list or change another school’s records, and nothing changes', () => {
    const school = actorOf(db, 'school');
    const before = db.select().from(schools).where(eq(schools.id, otherSchoolId)).get();
    const audits = count(db, 'audit_log');
    expect(status(() => getSchoolProfile(db, school, otherSchoolId))).toBe(403);
    expect(status(() => listTeamsOfSchool(db, school, otherSchoolId))).toBe(403);
    expect(status(() => getTeam(db, school, otherTeamId))).toBe(403);
    expect(status(() => updateSchoolContact(db, school, otherSchoolId, { contactName: '冒名', contactPhone: '13800000000' }))).toBe(403);
    expect(db.select().from(schools).where(eq(schools.id, otherSchoolId)).get()).toEqual(before);
    expect(count(db, 'audit_log')).toBe(audits);
  });

  it('lists only its own teams', () => {
    const own = listTeamsOfSchool(db, actorOf(db, 'school'), ownSchoolId);
    expect(own.length).toBeGreaterThanOrEqual(3);
    const ids = new Set(db.select().from(teams).where(eq(teams.schoolId, ownSchoolId)).all().map((t) => t.id));
    expect(own.every((t) => ids.has(t.id))).toBe(true);
  });

  it('changes its own contact, audited with before and after', () => {
    const school = actorOf(db, 'school');
    updateSchoolContact(db, school, ownSchoolId, { contactName: '王老师', contactPhone: '0731-22822222' });
    expect(getSchoolProfile(db, school, ownSchoolId).contactName).toBe('王老师');
    const [entry] = listAudit(db, actorOf(db, 'admin'), { action: 'school.update_contact' });
    expect(entry.after).toEqual({ contactName: '王老师', contactPhone: '0731-22822222' });
    expect(entry.before).toBeTruthy();
    expect(entry.actorUsername).toBe('school');
  });

  it('lets admins act for any school; judges and arbiters for none', () => {
    expect(status(() => getSchoolProfile(db, actorOf(db, 'admin'), otherSchoolId))).toBe(200);
    expect(status(() => getSchoolProfile(db, actorOf(db, 'judge'), ownSchoolId))).toBe(403);
    expect(status(() => getSchoolProfile(db, actorOf(db, 'arbiter'), ownSchoolId))).toBe(403);
    expect(status(() => listSchools(db, actorOf(db, 'school')))).toBe(403);
  });
});

describe('judge ownership', () => {
  it('sees only its own assignments', () => {
    const judge = actorOf(db, 'judge');
    const own = listOwnAssignments(db, judge);
    expect(own.map((a) => a.eventCode)).toEqual(['GZ012']);
    expect(own[0].role).toBe('scoring_judge');
    expect(status(() => listOwnAssignments(db, actorOf(db, 'school')))).toBe(403);
  });

  it('shows an event’s panel to its chief judge only', () => {
    const chief = actorOf(db, 'chief');
    const [eventId] = [...chief.assignments.keys()];
    expect(listPanel(db, chief, eventId)).toHaveLength(5);
    expect(status(() => listPanel(db, actorOf(db, 'judge'), eventId))).toBe(403);
    expect(status(() => listPanel(db, chief, eventId + 1))).toBe(403);
  });
});

describe('audit log', () => {
  it('is readable by admins only', () => {
    expect(status(() => listAudit(db, actorOf(db, 'school')))).toBe(403);
    expect(listAudit(db, actorOf(db, 'admin'), { entity: 'competition' }).every((e) => e.entity === 'competition')).toBe(true);
  });
});
