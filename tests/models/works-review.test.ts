/**
 * A 文明风采 category's whole online review through the models (#16): entries submitted become
 * teams of the category's event; assigning reviewers opens its scoring; marks by the rubric; the lock
 * waits for every review and every disagreement, which only the chief reviewer resolves; the lock
 * stores results and awards by the category's shares; publication, the announcement period and the
 * register are the skills competition's own, and the winner is found under 文明风采.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/client.ts';
import { awards, certificates, competitions, entries, entryCategories, events, judges, nominations, results, reviewAssignments, schools, teamMembers } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { createEntry, entryForSchool } from '#app/models/entry.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { confirmNominations, inheritorRegister } from '#app/models/nomination.server.ts';
import { publishedYears } from '#app/models/award.server.ts';
import { findCurrentCompetition } from '#app/models/competition.server.ts';
import { verifyCertificate } from '#app/models/certificate.server.ts';
import { publishEvent, settleAnnouncements } from '#app/models/publication.server.ts';
import { assignEntryReviewers, saveReview } from '#app/models/review.server.ts';
import { resolveReviewFlag, reviewDesk } from '#app/models/review-results.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import type { Actor } from '#app/domain/roles.ts';
import { actorOf, demoDb } from '../helpers/db.ts';
import { createCompetition, submitEssays } from '../helpers/works.ts';
import { refusal } from '../helpers/refusal.ts';

let db: Db;
let admin: Actor;
let eventId: number;
let categoryId: number;
const filesDir = mkdtempSync(join(tmpdir(), 'works-review-'));

beforeAll(async () => {
  db = await demoDb();
  admin = actorOf(db, 'admin');
  const { id } = createCompetition(db, admin, { name: '2026年湖南省职业院校“文明风采”活动', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' });
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, id)).run();
  const category = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, id), eq(entryCategories.code, 'ZW'))).get()!;
  categoryId = category.id;
  eventId = category.eventId!;
  // Ten schools, an essay each, with its student.
  await submitEssays(db, admin, id, { count: 10, filesDir });
});

const judgeActor = (judgeId: number) => loadActor(db, db.select().from(judges).where(eq(judges.id, judgeId)).get()!.userId!)!;
const even = (total: number) => ({ theme: (total * 3) / 10, content: (total * 3) / 10, creativity: total / 5, craft: total / 5 });

describe('a 文明风采 category reviewed online', () => {
  it('makes each submitted entry a team of the category’s event, and assigning reviewers opens its scoring', () => {
    const teamIds = db.select({ teamId: entries.teamId }).from(entries).where(eq(entries.categoryId, categoryId)).all();
    expect(teamIds.every((t) => t.teamId !== null)).toBe(true);
    expect(db.select().from(teamMembers).where(eq(teamMembers.teamId, teamIds[0].teamId!)).all()).toHaveLength(1);
    const judgeIds = db.select({ id: judges.id }).from(judges).all().map((j) => j.id).slice(0, 9);
    assignEntryReviewers(db, admin, db.select().from(events).where(eq(events.id, eventId)).get()!.competitionId, { judgeIds, seed: 7 });
    expect(db.select().from(events).where(eq(events.id, eventId)).get()!.status).toBe('scoring');
    // Regression: an entry made or submitted after the review opened would never be coded or reviewed.
    const late = db.select().from(schools).all()[12].id;
    expect(refusal(() => createEntry(db, admin, { categoryId, title: '迟到的作品', schoolId: late })).code).toBe('category_review_started');
    // The organiser reads the students' 身份证号 whole, as on every registration page (personal-data:read).
    const someEntry = db.select().from(entries).where(eq(entries.categoryId, categoryId)).get()!;
    expect(entryForSchool(db, admin, someEntry.id).members[0].idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('locks only when every review is in and every disagreement is resolved by the chief reviewer', () => {
    const assigned = db.select({ entryId: reviewAssignments.entryId, judgeId: reviewAssignments.judgeId }).from(reviewAssignments).innerJoin(entries, eq(entries.id, reviewAssignments.entryId)).where(and(eq(entries.categoryId, categoryId), isNull(reviewAssignments.revokedAt))).all();
    const reviewerIds = new Set(assigned.map((a) => a.judgeId));
    const chiefJudgeId = db.select({ id: judges.id }).from(judges).all().map((j) => j.id).find((id) => !reviewerIds.has(id))!;
    assignJudge(db, admin, { eventId, judgeId: chiefJudgeId, role: 'chief_judge' });
    const chief = judgeActor(chiefJudgeId);

    const entryIds = [...new Set(assigned.map((a) => a.entryId))].sort((a, b) => a - b);
    const codeOf = (entryId: number) => db.select().from(entries).where(eq(entries.id, entryId)).get()!.entryCode!;
    // Entry k scores 60 + 3k with every reviewer, but the last: its reviewers are 30 points apart.
    const disputed = entryIds.at(-1)!;
    for (const { entryId, judgeId } of assigned.slice(0, -1)) {
      const k = entryIds.indexOf(entryId);
      const who = assigned.filter((a) => a.entryId === entryId).findIndex((a) => a.judgeId === judgeId);
      saveReview(db, judgeActor(judgeId), codeOf(entryId), { criteria: even(entryId === disputed ? [60, 90, 75][who] : 60 + 3 * k) });
    }
    expect(refusal(() => lockEvent(db, chief, eventId))).toMatchObject({ status: 409, code: 'reviews_outstanding', params: { count: 1 } });
    const last = assigned.at(-1)!;
    saveReview(db, judgeActor(last.judgeId), codeOf(last.entryId), { criteria: even(last.entryId === disputed ? 75 : 60 + 3 * entryIds.indexOf(last.entryId)) });
    expect(refusal(() => lockEvent(db, chief, eventId))).toMatchObject({ code: 'flags_open', params: { count: 1 } });

    // The desk shows codes, never titles, while sealed; the disputed entry flagged.
    const desk = reviewDesk(db, chief, eventId);
    expect(desk.entries.every((e) => e.title === null)).toBe(true);
    expect(desk.entries.find((e) => e.id === disputed)).toMatchObject({ flagged: true, resolved: false, spread: 30 });
    // A reviewer may not resolve; an entry its reviewers agree on needs no resolution; a reason is required.
    expect(refusal(() => resolveReviewFlag(db, judgeActor(last.judgeId), disputed, { total: 80, reason: '复议' })).status).toBe(403);
    expect(refusal(() => resolveReviewFlag(db, chief, entryIds[0], { total: 80, reason: '复议' })).code).toBe('review_not_flagged');
    expect(refusal(() => resolveReviewFlag(db, chief, disputed, { total: 80, reason: ' ' })).code).toBe('review_resolution_reason');
    resolveReviewFlag(db, chief, disputed, { total: 88.5, reason: '评审组复议：立意深刻，按 88.5 分计' });

    lockEvent(db, chief, eventId);
    expect(() => saveReview(db, judgeActor(last.judgeId), codeOf(last.entryId), { criteria: even(90) })).toThrow();
    const event = db.select().from(events).where(eq(events.id, eventId)).get()!;
    expect(event.status).toBe('locked');
    const ranked = db.select().from(results).all().filter((r) => db.select().from(entries).where(eq(entries.teamId, r.teamId)).get()?.categoryId === categoryId);
    const teamOf = (entryId: number) => db.select().from(entries).where(eq(entries.id, entryId)).get()!.teamId!;
    // The resolution stands: 88.50 is first; the others in order of their scores.
    expect(ranked.find((r) => r.teamId === teamOf(disputed))).toMatchObject({ rank: 1, totalHundredths: 8850 });
    // Ten entries: first prize 5 % → 1, second 15 % → 1 more (2 in all), third 20 % → 2 more (4 in all), 优秀奖 20 % → 2 more (6 in all).
    const drawn = db.select().from(awards).where(eq(awards.eventId, eventId)).all().filter((a) => a.kind !== 'outstanding_advisor');
    expect(drawn.map((a) => a.kind).sort()).toEqual(['first', 'merit', 'merit', 'second', 'third', 'third']);
    expect(drawn.find((a) => a.kind === 'first')!.teamId).toBe(teamOf(disputed));
    // The desk names the works once decrypted.
    expect(reviewDesk(db, chief, eventId).entries.every((e) => e.title !== null)).toBe(true);
  });

  it('publishes as the skills events do, and the winner joins the one register under 文明风采', () => {
    const published = publishEvent(db, admin, eventId);
    // Regression: the results index kept only its first year when empty, so a newer 文明风采 year pushed out the current 楚怡杯 year.
    const current = findCurrentCompetition(db)!;
    const years = publishedYears(db, current.id);
    expect(years[0].id).toBe(current.id);
    expect(years.some((y) => y.kind === 'works' && y.events.some((e) => e.id === eventId))).toBe(true);
    settleAnnouncements(db, new Date(published.announcementEndsAt.getTime() + 1000));
    // Certificates as for skills: one per prize winner (members of the team) and per outstanding advisor, each verifiable.
    const issued = db.select().from(certificates).where(eq(certificates.eventId, eventId)).all();
    const prizes = db.select().from(awards).where(eq(awards.eventId, eventId)).all();
    expect(issued.filter((c) => c.kind === 'award')).toHaveLength(prizes.filter((a) => a.kind !== 'outstanding_advisor').length);
    expect(issued.some((c) => c.kind === 'outstanding_advisor')).toBe(true);
    expect(verifyCertificate(db, issued[0].code)).toMatchObject({ code: issued[0].code, eventName: '征文演讲' });
    const nominated = db.select().from(nominations).where(eq(nominations.eventId, eventId)).all();
    expect(nominated).toHaveLength(1);
    confirmNominations(db, admin, nominated.map((n) => n.id));
    const works = inheritorRegister(db, { platform: 'works' });
    expect(works.rows).toHaveLength(1);
    expect(works.rows[0]).toMatchObject({ eventName: '征文演讲', division: '文明风采', platform: 'works', award: 'first' });
    expect(inheritorRegister(db, { platform: 'skills' }).rows.some((r) => r.id === works.rows[0].id)).toBe(false);
  });
});
