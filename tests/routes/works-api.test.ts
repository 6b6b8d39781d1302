/**
 * The works-based competitions' API beyond entries (#16): the chief reviewer's resolution, the lock
 * through the events' lock, 组织奖 (its rule and its public standings), a final's stage, and every
 * path in the OpenAPI document.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitions, entries, entryCategories, judges, reviewAssignments, users } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { assignEntryReviewers, saveReview } from '#app/models/review.server.ts';
import { actorOf } from '../helpers/db.ts';
import { createCompetition, submitEssays } from '../helpers/works.ts';
import { Client, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Client;
let chief: Client;
let competitionId: number;
let eventId: number;
let disputed: number;

beforeAll(async () => {
  server = await startServer();
  const db = server.db;
  const organiser = actorOf(db, 'admin');
  ({ id: competitionId } = createCompetition(db, organiser, { name: '2026年湖南省职业院校“文明风采”活动', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' }));
  db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, competitionId)).run();
  const { category, entryIds } = await submitEssays(db, organiser, competitionId, { count: 6, filesDir: `${server.dir}/files` });
  eventId = category.eventId!;
  const chiefJudge = db.select({ id: judges.id }).from(judges).innerJoin(users, eq(users.id, judges.userId)).where(eq(users.username, 'chief')).get()!.id;
  const pool = db.select({ id: judges.id }).from(judges).all().map((j) => j.id).filter((id) => id !== chiefJudge).slice(0, 6);
  assignEntryReviewers(db, organiser, competitionId, { judgeIds: pool, seed: 3 });
  assignJudge(db, organiser, { eventId, judgeId: chiefJudge, role: 'chief_judge' });
  disputed = entryIds[0];
  const marks = (total: number) => ({ theme: (total * 3) / 10, content: (total * 3) / 10, creativity: total / 5, craft: total / 5 });
  const assigned = db.select().from(reviewAssignments).where(isNull(reviewAssignments.revokedAt)).all();
  for (const a of assigned) {
    const code = db.select().from(entries).where(eq(entries.id, a.entryId)).get()!.entryCode!;
    const k = assigned.filter((b) => b.entryId === a.entryId).indexOf(a);
    saveReview(db, loadActor(db, db.select().from(judges).where(eq(judges.id, a.judgeId)).get()!.userId!)!, code, { criteria: marks(a.entryId === disputed ? [60, 90, 80][k] : 60 + (a.entryId % 5) * 5) });
  }
  admin = new Client(server.url);
  await admin.login('admin');
  chief = new Client(server.url);
  await chief.login('chief');
});
afterAll(() => server.stop());

describe('the works-based API', () => {
  it('resolves a disagreement (the chief reviewer only, with a reason), then locks through the events’ lock', async () => {
    expect((await chief.json('POST', `/api/v1/events/${eventId}/lock`)).status).toBe(409);
    const noReason = await chief.json('POST', `/api/v1/entries/${disputed}/resolution`, { total: 85, reason: '' });
    expect(noReason.status).toBe(400);
    expect((await admin.json('POST', `/api/v1/entries/${disputed}/resolution`, { total: 85, reason: '复议' })).status).toBe(403);
    const resolved = await chief.json('POST', `/api/v1/entries/${disputed}/resolution`, { total: 85, reason: '评审组复议' });
    expect(resolved.status).toBe(201);
    expect(await resolved.json()).toMatchObject({ total: 85 });
    const locked = await chief.json('POST', `/api/v1/events/${eventId}/lock`);
    expect(locked.status).toBe(200);
    const results = (await locked.json()) as { results: { total: number | null; rank: number | null }[] };
    expect(JSON.stringify(results)).toContain('85');
  });

  it('declares 组织奖’s rule (the organiser only) and shows the standings of published categories to anyone', async () => {
    const anyone = new Client(server.url);
    const before = (await (await anyone.fetch(`/api/v1/competitions/${competitionId}/organisation-awards`)).json()) as { schools: unknown[]; categories: number };
    expect(before).toMatchObject({ schools: [], categories: 0 });
    publishEvent(server.db, actorOf(server.db, 'admin'), eventId);
    expect((await chief.json('PUT', `/api/v1/competitions/${competitionId}/organisation-rule`, { points: { first: 7, second: 4, third: 2, merit: 1 }, schools: 2, prefectures: 1 })).status).toBe(403);
    expect((await admin.json('PUT', `/api/v1/competitions/${competitionId}/organisation-rule`, { points: { first: 7, second: 4, third: 2, merit: 1.5 }, schools: 2, prefectures: 1 })).status).toBe(400);
    expect((await admin.json('PUT', `/api/v1/competitions/${competitionId}/organisation-rule`, { points: { first: 7, second: 4, third: 2, merit: 1 }, schools: 2, prefectures: 1 })).status).toBe(200);
    const after = (await (await anyone.fetch(`/api/v1/competitions/${competitionId}/organisation-awards`)).json()) as { rule: { points: { first: number } }; schools: { points: number; awarded: boolean }[]; categories: number };
    expect(after.rule.points.first).toBe(7);
    expect(after.categories).toBe(1);
    // Six essays: no first prize (5 % of 6 rounds to none), one second (4 points), one third, two 优秀奖.
    expect(after.schools[0]).toMatchObject({ points: 4, awarded: true });
    expect(after.schools.filter((s) => s.awarded).length).toBeGreaterThanOrEqual(2);
    // A skills year has none.
    const skills = server.db.select().from(competitions).where(and(eq(competitions.kind, 'skills'))).get()!;
    expect((await anyone.fetch(`/api/v1/competitions/${skills.id}/organisation-awards`)).status).toBe(404);
  });

  it('sets a category’s awards by fixed count instead of ratio, refusing what is not a whole count', async () => {
    const photos = server.db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'SY'))).get()!.eventId!;
    expect((await admin.json('PATCH', `/api/v1/events/${photos}/settings`, { awardCounts: { first: -1, second: 2, third: 3 } })).status).toBe(400);
    const set = await admin.json('PATCH', `/api/v1/events/${photos}/settings`, { awardCounts: { first: 1, second: 2, third: 3, merit: 4 } });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ awardCounts: { first: 1, second: 2, third: 3, merit: 4 } });
    expect(await (await admin.json('PATCH', `/api/v1/events/${photos}/settings`, { awardCounts: null })).json()).toMatchObject({ awardCounts: null });
  });

  it('sets a category’s review rules until its lock: method, z-score normalisation, the disagreement spread', async () => {
    const db = server.db;
    const photos = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'SY'))).get()!;
    const essays = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'ZW'))).get()!;
    expect((await admin.json('PUT', `/api/v1/categories/${photos.id}/review-rules`, { method: 'mode', normalise: true, flagSpread: 10 })).status).toBe(400);
    expect((await chief.json('PUT', `/api/v1/categories/${photos.id}/review-rules`, { method: 'median', normalise: true, flagSpread: 10 })).status).toBe(403);
    expect((await admin.json('PUT', `/api/v1/categories/${photos.id}/review-rules`, { method: 'median', normalise: true, flagSpread: 12.5 })).status).toBe(200);
    expect(db.select().from(entryCategories).where(eq(entryCategories.id, photos.id)).get()!.rules.review).toEqual({ method: 'median', normalise: true, flagSpread: 1250 });
    // The essays are locked: their rules stay as they were scored.
    const locked = await admin.json('PUT', `/api/v1/categories/${essays.id}/review-rules`, { method: 'mean', normalise: false, flagSpread: 15 });
    expect([locked.status, ((await locked.json()) as { error: { code: string } }).error.code]).toEqual([409, 'review_closed']);
  });

  it('documents the uploads, the resolution, the stage and 组织奖 in the OpenAPI document', async () => {
    const doc = (await (await admin.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/uploads'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/uploads/{id}']).sort()).toEqual(['head', 'patch']);
    expect(doc.paths['/api/v1/entries/{id}/resolution'].post).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/events/{id}/stage']).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/v1/competitions/{id}/organisation-rule'].put).toBeDefined();
    expect(doc.paths['/api/v1/competitions/{id}/organisation-awards'].get).toBeDefined();
  });
});
