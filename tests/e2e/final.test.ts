/**
 * An 创新创业 final in the browser (#16): the online review locked, the best four advance to the live
 * final (a round of the category's event); the organiser draws the order; the chief judge calls the
 * first team to pitch and then to questions, the big screen's clock counting down; a judge scores on a
 * tablet as it happens, and the score reaches a phone in the audience.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { competitions, judges, reviewAssignments, teams, users } from '#db/schema.ts';
import { DEFAULT_ADVANCEMENT_RULE } from '#app/domain/advancement.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { recordCheckIn } from '#app/models/check-in.server.ts';
import { assignEntryReviewers, saveReview } from '#app/models/review.server.ts';
import { addRound, advance } from '#app/models/round.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { saveScheme } from '#app/models/scheme.server.ts';
import { actorOf } from '../helpers/db.ts';
import { createCompetition, submitProjects } from '../helpers/works.ts';
import { OUT } from '../../scripts/screens/shoot.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('an 创新创业 final in a browser', () => {
  it('draws the order, runs the pitch and question clock on the big screen, and carries a judge’s score to a phone', { timeout: 180_000 }, async () => {
    const db = e2e.server.db;
    const admin = actorOf(db, 'admin');
    const { id: competitionId } = createCompetition(db, admin, { name: '2026年湖南省职业院校创新创业大赛', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'innovation' });
    db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, competitionId)).run();
    const judgeIdOf = (username: string) => db.select({ id: judges.id }).from(judges).innerJoin(users, eq(users.id, judges.userId)).where(eq(users.username, username)).get()!.id;
    const panel = [judgeIdOf('judge'), ...db.select({ id: judges.id }).from(judges).all().map((j) => j.id).filter((id) => id !== judgeIdOf('judge') && id !== judgeIdOf('chief')).slice(0, 2)];
    // No team from a school of the final's panel (回避).
    const onPanel = [...panel, judgeIdOf('chief')];
    const panelSchools = db.select().from(judges).all().filter((j) => onPanel.includes(j.id)).map((j) => j.affiliationSchoolId).filter((s): s is number => s !== null);
    const { category } = await submitProjects(db, admin, competitionId, { count: 6, filesDir: `${e2e.server.dir}/files`, except: panelSchools });

    // The online review, done and locked through the models.
    const reviewers = db.select({ id: judges.id }).from(judges).all().map((j) => j.id).filter((id) => !onPanel.includes(id)).slice(0, 6);
    assignEntryReviewers(db, admin, competitionId, { judgeIds: reviewers, seed: 16 });
    const actorOfJudge = (judgeId: number) => loadActor(db, db.select().from(judges).where(eq(judges.id, judgeId)).get()!.userId!)!;
    for (const a of db.select().from(reviewAssignments).where(isNull(reviewAssignments.revokedAt)).all()) {
      const code = db.$client.prepare('select entry_code from entries where id = ?').pluck().get(a.entryId) as string;
      const level = 60 + (a.entryId % 6) * 5;
      saveReview(db, actorOfJudge(a.judgeId), code, { criteria: { innovation: (level * 30) / 100, value: (level * 25) / 100, feasibility: (level * 25) / 100, team: (level * 20) / 100 } });
    }
    const reviewEvent = category.eventId!;
    assignJudge(db, admin, { eventId: reviewEvent, judgeId: judgeIdOf('chief'), role: 'chief_judge' });
    lockEvent(db, actorOfJudge(judgeIdOf('chief')), reviewEvent);

    // The best four advance to the live final: its own scheme, panel and check-in.
    const finalId = addRound(db, admin, reviewEvent, { name: '现场决赛', rule: { ...DEFAULT_ADVANCEMENT_RULE, top: 4 }, basis: null });
    advance(db, admin, finalId);
    saveScheme(db, admin, finalId, { expectedTotal: 100, modules: [{ code: 'M1', name: '路演答辩', criteria: [{ code: 'A1', name: '项目路演', maxMarks: 60, decimals: 1, kind: 'judgement' }, { code: 'A2', name: '现场答辩', maxMarks: 40, decimals: 1, kind: 'judgement' }] }] });
    for (const judgeId of panel) assignJudge(db, admin, { eventId: finalId, judgeId, role: 'scoring_judge' });
    assignJudge(db, admin, { eventId: finalId, judgeId: judgeIdOf('chief'), role: 'chief_judge' });
    const finalists = db.select().from(teams).where(and(eq(teams.eventId, finalId), isNull(teams.withdrawnAt))).all();
    expect(finalists).toHaveLength(4);
    for (const t of finalists) recordCheckIn(db, admin, finalId, t.id, 'present');

    // The organiser draws the order in the page.
    const organiser = await logIn('admin', { width: 1366, height: 900 });
    await organiser.goto(`${e2e.server.url}/admin/events/${finalId}`);
    const draw = organiser.getByTestId('draw');
    await draw.getByRole('button', { name: '抽签' }).click();
    await expect.poll(() => organiser.getByTestId('event-status').textContent()).toBe('评分中');

    // The chief judge opens the stage: the drawn order, then the first team's pitch.
    const chief = await logIn('chief', { width: 1366, height: 900 });
    await chief.goto(`${e2e.server.url}/chief/events/${finalId}`);
    await chief.getByRole('link', { name: '决赛现场（路演计时）' }).click();
    await chief.getByRole('heading', { name: /决赛现场/ }).waitFor();
    const order = chief.locator('.stage-order li');
    expect(await order.count()).toBe(4);
    const first = (await order.first().locator('strong').textContent())!;

    const screen = await (await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(`${e2e.server.url}/screen?event=${finalId}`);
    await screen.getByTestId('ranking').waitFor();
    const phone = await (await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
    await phone.goto(`${e2e.server.url}/live/${finalId}`);
    await phone.getByTestId('event-status').waitFor();
    expect(await screen.getByTestId('stage-clock').count()).toBe(0);

    await chief.getByRole('button', { name: `${first} 开始路演` }).click();
    // The big screen and the phone show who is on and the clock, counting down from five minutes.
    await screen.getByTestId('stage-code').filter({ hasText: first }).waitFor();
    await screen.getByTestId('stage-clock').getByText('路演').waitFor();
    await expect.poll(() => screen.getByTestId('stage-time').textContent(), { timeout: 5000 }).toMatch(/^4:5\d$/);
    await phone.getByTestId('stage-code').filter({ hasText: first }).waitFor();
    await screen.screenshot({ path: `${OUT}/final-screen-projector.png` });

    // A judge scores the team on a tablet while it presents; the phone sees the score.
    const judge = await logIn('judge', { width: 1024, height: 768 });
    await judge.goto(`${e2e.server.url}/judge/events/${finalId}/sheets/${first}`);
    const inputs = judge.locator('.mark-row input');
    await inputs.nth(0).fill('50');
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill('35');
    await inputs.nth(1).press('Enter');
    await judge.getByText('已评 2 / 2 项').waitFor();
    await judge.screenshot({ path: `${OUT}/final-judge-tablet.png`, fullPage: true });
    await phone.locator('tr, li, .board-row', { hasText: first }).filter({ hasText: '85' }).first().waitFor({ timeout: 15_000 });

    // Questions follow the pitch, three minutes on the clock.
    await chief.getByRole('button', { name: `${first} 开始答辩` }).click();
    await screen.getByTestId('stage-clock').getByText('答辩').waitFor();
    await expect.poll(() => screen.getByTestId('stage-time').textContent(), { timeout: 5000 }).toMatch(/^(3:00|2:5\d)$/);
    await phone.getByTestId('stage-clock').getByText('答辩').waitFor();
    await phone.screenshot({ path: `${OUT}/final-live-phone.png`, fullPage: true });
    await chief.screenshot({ path: `${OUT}/final-stage-desktop.png`, fullPage: true });
  });
});
