/**
 * Rounds in the browser (#15): the provincial round locked and published → the organiser declares a
 * selection round and makes the cut → a withdrawal is replaced → the selection round, with its own
 * scheme, is marked and locked → the 国赛推荐名单 (30 % 省赛 + 70 % 选拔赛) is made, published and
 * downloaded by anyone.
 */
import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, judgeAssignments, teams } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { drawStations, recordCheckIn } from '#app/models/check-in.server.ts';
import { resolveFlag } from '#app/models/mark.server.ts';
import { publishEvent } from '#app/models/publication.server.ts';
import { openFlags } from '#app/models/result.server.ts';
import { lockEvent } from '#app/models/run.server.ts';
import { loadScheme, saveScheme } from '#app/models/scheme.server.ts';
import { actorOf } from '../helpers/db.ts';
import { chiefOf, drawnCodes, markAll, readyToScore, scoringJudges, share } from '../helpers/judging.ts';
import { OUT } from '../../scripts/screens/shoot.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

function markAndLock(db: typeof e2e.server.db, ready: ReturnType<typeof readyToScore>, levelOf: (i: number) => number) {
  const present = ready.desk.filter((d) => d.status === 'present');
  const level = new Map(present.map((d, i) => [d.workCode!, levelOf(i)]));
  markAll(db, ready, (_j, code, c) => share(c, level.get(code)!));
  for (const f of openFlags(db, ready.chief, ready.event.id)) resolveFlag(db, ready.chief, f.id, '维持');
  lockEvent(db, ready.chief, ready.event.id);
}

describe.skipIf(!available)('rounds and the recommendation list in a browser', () => {
  it('takes an event from its provincial round to a published, downloaded 国赛推荐名单', { timeout: 120_000 }, async () => {
    const db = e2e.server.db;
    const admin = actorOf(db, 'admin');
    const provincial = readyToScore(db, 'GZ012');
    markAndLock(db, provincial, (i) => 0.95 - 0.02 * i);
    publishEvent(db, admin, provincial.event.id);

    const page = await logIn('admin', { width: 1366, height: 900 });
    await page.goto(`${e2e.server.url}/admin/events/${provincial.event.id}`);
    await page.getByRole('link', { name: '轮次' }).click();
    await page.getByRole('heading', { name: /轮次与晋级/ }).waitFor();

    // A selection round: the top 4, one a school, at least 3.
    const add = page.locator('section[aria-labelledby="add-round"]');
    await add.getByLabel('轮次名称').fill('选拔赛第一阶段');
    await add.getByLabel('前 N 名').fill('4');
    await add.getByLabel('每校至多').fill('1');
    await add.getByLabel('下一轮至少').fill('3');
    await add.getByRole('button', { name: '增加一轮' }).click();
    await page.getByText('已增加轮次。').waitFor();
    const round = db.select().from(events).where(and(eq(events.code, 'GZ012'), eq(events.roundNo, 2))).get()!;

    // The cut as it will be, then made.
    const cut = page.locator(`section[aria-labelledby="round-${round.id}"]`);
    await cut.getByText('晋级名额 4 队').waitFor();
    await page.screenshot({ path: `${OUT}/rounds-preview-desktop.png`, fullPage: true });
    await cut.getByRole('button', { name: '产生晋级名单：4 队（人）进入选拔赛第一阶段' }).click();
    await page.getByText('晋级名单已产生，规则已冻结。').first().waitFor();
    expect(db.select().from(teams).where(eq(teams.eventId, round.id)).all()).toHaveLength(4);

    // The second withdraws; the fifth takes the place.
    const second = cut.locator('tr', { hasText: '第 2 名' });
    await second.getByText('退出').first().click();
    await second.getByPlaceholder('原因').fill('选手因伤退出');
    await second.getByRole('button', { name: '退出' }).click();
    await page.getByText(/已退出，由 .+ 递补。/).waitFor();
    await cut.locator('tr', { hasText: '第 5 名' }).getByText('递补').waitFor();

    // The selection round runs with its own scheme and the same panel.
    saveScheme(db, admin, round.id, { expectedTotal: 100, modules: [{ code: 'M1', name: '综合实操', criteria: [{ code: 'A1', name: '工艺', maxMarks: 60, decimals: 1, kind: 'measurement' }, { code: 'A2', name: '职业素养', maxMarks: 40, decimals: 1, kind: 'judgement' }] }] });
    for (const a of db.select().from(judgeAssignments).where(and(eq(judgeAssignments.eventId, provincial.event.id), isNull(judgeAssignments.revokedAt))).all()) assignJudge(db, admin, { eventId: round.id, judgeId: a.judgeId, role: a.role });
    for (const t of db.select().from(teams).where(and(eq(teams.eventId, round.id), isNull(teams.withdrawnAt))).all()) recordCheckIn(db, admin, round.id, t.id, 'present');
    drawStations(db, admin, round.id, { seed: 'e2e-round' });
    const selection = { event: db.select().from(events).where(eq(events.id, round.id)).get()!, admin, draw: null as never, desk: drawnCodes(db, round.id), scheme: loadScheme(db, round.id)!, judges: scoringJudges(db, round.id).map((j) => loadActor(db, j.userId)!), chief: chiefOf(db, round.id), absentTeamId: 0 };
    markAndLock(db, selection, (i) => 0.7 + 0.05 * i);

    // The recommendation: two, by 30 % 省赛 + 70 % 选拔赛.
    await page.reload();
    const rec = page.locator('section[aria-labelledby="recommendation"]');
    await rec.getByLabel('前 N 名').fill('2');
    await rec.getByLabel('省赛 权重（%）').fill('30');
    await rec.getByLabel('选拔赛第一阶段 权重（%）').fill('70');
    await rec.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('规则已保存。').waitFor();
    await rec.getByText('按 省赛 30% + 选拔赛第一阶段 70% 的加权总分排名。').waitFor();
    await rec.getByRole('button', { name: '从“选拔赛第一阶段”产生国赛推荐名单' }).click();
    await page.getByText('国赛推荐名单已产生。').waitFor();
    await page.screenshot({ path: `${OUT}/rounds-done-desktop.png`, fullPage: true });

    // Anyone sees and downloads it once the selection round is published.
    const visitor = await (await e2e.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const url = `${e2e.server.url}/results/${provincial.event.id}/recommendation`;
    expect((await visitor.goto(url))!.status()).toBe(404);
    publishEvent(db, admin, round.id);
    await visitor.goto(url);
    await visitor.getByRole('heading', { name: /国赛推荐名单/ }).waitFor();
    expect(await visitor.locator('tbody tr').count()).toBe(2);
    await visitor.getByText('按 省赛 30% + 选拔赛第一阶段 70% 的加权总分排名。').waitFor();
    await visitor.screenshot({ path: `${OUT}/rounds-recommendation-phone.png`, fullPage: true });
    // The provincial results lead to the selection round's and to the list.
    await visitor.goto(`${e2e.server.url}/results/${provincial.event.id}`);
    await visitor.getByRole('link', { name: '选拔赛第一阶段' }).click();
    await visitor.waitForURL(`**/results/${round.id}`);
    await visitor.getByRole('heading', { name: /选拔赛第一阶段/ }).waitFor();
    await visitor.getByRole('link', { name: '国赛推荐名单' }).click();
    await visitor.waitForURL('**/recommendation');
    const download = visitor.waitForEvent('download');
    await visitor.getByRole('link', { name: '下载推荐名单（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^GZ012-.*-国赛推荐名单\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await file.path())!);
    const sheet = book.getWorksheet('国赛推荐名单')!;
    expect(sheet.getRow(3).getCell(1).value).toBe(1);
    expect(sheet.getRow(5).getCell(1).value).toBeNull();
  });
});
