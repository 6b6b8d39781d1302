/** 创新创业's places by enrolment (under 2,000 students: 3; 2,000–5,000: 4; more: 5), beside the two per group. */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { competitions, entries, entryCategories } from '#db/schema.ts';
import { createEntry, entryDesk, withdrawEntry } from '#app/models/entry.server.ts';
import { updateSchoolContact } from '#app/models/school.server.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { refusal } from '../helpers/refusal.ts';
import { createCompetition } from '../helpers/works.ts';

let db: Db;
let competitionId: number;
const category = (code: string) => db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, code))).get()!.id;

beforeAll(async () => {
  db = await demoDb();
  ({ id: competitionId } = createCompetition(db, actorOf(db, 'admin'), { name: '2026年湖南省职业院校创新创业大赛', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'innovation' }));
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, competitionId)).run();
});

describe('创新创业 quota by enrolment', () => {
  it('holds a school of unknown or small enrolment to three entries, and one of 2,000 or more to four', () => {
    const school = actorOf(db, 'school');
    createEntry(db, school, { categoryId: category('CX'), title: '智慧农机' });
    createEntry(db, school, { categoryId: category('CX'), title: '湘绣数字化' });
    createEntry(db, school, { categoryId: category('CY'), title: '乡村直播' });
    expect(entryDesk(db, school).competitions.find((c) => c.id === competitionId)!.quota).toEqual({ used: 3, max: 3 });
    expect(refusal(() => createEntry(db, school, { categoryId: category('CY'), title: '社区养老' }))).toMatchObject({ code: 'entry_quota_enrolment', params: { max: 3 } });
    updateSchoolContact(db, school, school.schoolId!, { contactName: '李老师', contactPhone: '13975112345', enrolment: 2500 });
    createEntry(db, school, { categoryId: category('CY'), title: '社区养老' });
    // Two per group still holds.
    expect(refusal(() => createEntry(db, school, { categoryId: category('CY'), title: '第五个' })).code).toBe('entry_quota');
  });

  it('leaves 文明风采 to its two per category', () => {
    const { id } = createCompetition(db, actorOf(db, 'admin'), { name: '文明风采', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' });
    db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
    expect(entryDesk(db, actorOf(db, 'school')).competitions.find((c) => c.id === id)!.quota).toBeNull();
  });

  it('frees a place when the school withdraws an entry (with a reason); never another school’s, never one in review', () => {
    const school = actorOf(db, 'school');
    const mine = entryDesk(db, school).entries.filter((e) => e.competitionId === competitionId && !e.withdrawnAt);
    expect(refusal(() => createEntry(db, school, { categoryId: category('CX'), title: '第三个创新项目' })).code).toBe('entry_quota');
    expect(refusal(() => withdrawEntry(db, school, mine[0].id, ' ')).code).toBe('reason_required');
    expect(refusal(() => withdrawEntry(db, actorOf(db, 's13001'), mine[0].id, '误报')).status).toBe(404);
    withdrawEntry(db, school, mine[0].id, '项目合并，另报一项');
    expect(refusal(() => withdrawEntry(db, school, mine[0].id, '再撤一次')).code).toBe('entry_withdrawn');
    createEntry(db, school, { categoryId: category('CX'), title: '第三个创新项目' });
    // Once coded for review, it stays.
    db.update(entries).set({ entryCode: 'CX000001' }).where(eq(entries.id, mine[1].id)).run();
    expect(refusal(() => withdrawEntry(db, school, mine[1].id, '太晚了')).code).toBe('entry_in_review');
  });
});
