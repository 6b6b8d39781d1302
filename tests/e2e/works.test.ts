/**
 * A whole 文明风采 round in the browser (#16): two schools submit essays with their files — a
 * picture calling itself .txt refused by its content — beside eight more; the organiser names the
 * reviewers; a reviewer marks by the rubric on a tablet, offline and back; the chief reviewer resolves
 * the disagreement and locks; the organiser publishes; when the announcement is over and the
 * nomination confirmed, the winner is found in the register under 文明风采.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { competitions, entries, entryCategories, judges, reviewAssignments, schools, users } from '#db/schema.ts';
import { loadActor } from '#app/models/account.server.ts';
import { assignJudge } from '#app/models/assignment.server.ts';
import { createAccount } from '#app/models/account.server.ts';
import { settleAnnouncements } from '#app/models/publication.server.ts';
import { saveReview } from '#app/models/review.server.ts';
import type { Page } from 'playwright-core';
import { actorOf } from '../helpers/db.ts';
import { idNumber } from '../helpers/people.ts';
import { createCompetition, submitEssays } from '../helpers/works.ts';
import { OUT } from '../../scripts/screens/shoot.ts';
import { browserFixture } from './browser.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const DAY = 24 * 60 * 60 * 1000;

/** A school enters an essay through its pages: the entry, its file (sent resumably), its student and advisor, the submission. */
async function enterEssay(page: Page, title: string, student: { name: string; idNumber: string }, { disguised = false } = {}) {
  await page.goto(`${e2e.server.url}/school/entries`);
  await page.getByLabel('类别').selectOption({ label: '征文演讲' });
  await page.getByLabel('作品名称').fill(title);
  await page.getByRole('button', { name: '新建作品' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  const upload = page.getByRole('form', { name: '选择文件' });
  if (disguised) {
    // A picture named like an essay: refused by what it is, and nothing kept.
    await upload.getByLabel('选择文件').setInputFiles({ name: '征文.txt', mimeType: 'text/plain', buffer: PNG });
    await upload.getByRole('button', { name: '上传' }).click();
    await page.getByRole('alert').filter({ hasText: '按文件内容识别' }).waitFor();
    await page.getByText('尚未上传文件。').waitFor();
    await page.screenshot({ path: `${OUT}/works-refused-file-phone.png`, fullPage: true });
  }
  await upload.getByLabel('选择文件').setInputFiles({ name: `${title}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${title}\n\n楚怡精神，代代相传。我们在实训车间里学会了严谨。`) });
  await upload.getByRole('button', { name: '上传' }).click();
  await page.getByRole('link', { name: `${title}.txt` }).waitFor();
  const people = page.getByRole('form', { name: '学生与指导教师' });
  await people.getByLabel('学生 1 姓名').fill(student.name);
  await people.getByLabel('身份证号').fill(student.idNumber);
  await people.getByLabel('指导教师 1 姓名').fill('谭建国');
  await people.getByLabel('手机').fill('13975112345');
  await people.getByRole('button', { name: '保存人员' }).click();
  await page.getByText('人员已保存。').waitFor();
  await page.getByRole('button', { name: '提交作品' }).click();
  await page.getByText('作品已提交，等待网评。').waitFor();
}

describe.skipIf(!available)('a 文明风采 round in a browser', () => {
  it('goes from two schools’ entries to a winner in the register under 文明风采', { timeout: 180_000 }, async () => {
    const db = e2e.server.db;
    const admin = actorOf(db, 'admin');
    const { id: competitionId } = createCompetition(db, admin, { name: '2026年湖南省职业院校“文明风采”活动', year: 2026, startsOn: '2026-12-01', endsOn: '2026-12-31', kind: 'works' });
    db.update(competitions).set({ phase: 'registration' }).where(eq(competitions.id, competitionId)).run();
    const demoSchool = db.select().from(users).where(eq(users.username, 'school')).get()!.schoolId!;
    const otherSchool = db.select().from(schools).all().find((s) => s.id !== demoSchool)!;
    await createAccount(db, admin, { role: 'school', username: 'other-school', displayName: '另一所学校联系人', password: '湘江北去-橘子洲头', schoolId: otherSchool.id });
    db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'other-school')).run();

    // Two schools in the browser (one on a phone); eight more through the models.
    const school = await logIn('school', { width: 390, height: 844 });
    await enterEssay(school, '我心中的楚怡精神', { name: '欧阳晓燕', idNumber: idNumber('20050315', 'female') }, { disguised: true });
    await school.screenshot({ path: `${OUT}/works-entry-phone.png`, fullPage: true });
    const other = await logIn('other-school', { width: 1366, height: 900 }, '湘江北去-橘子洲头');
    await enterEssay(other, '匠心筑梦', { name: '陈思远', idNumber: idNumber('20041101') });
    await submitEssays(db, admin, competitionId, { count: 8, filesDir: `${e2e.server.dir}/files`, except: [demoSchool, otherSchool.id] });

    // The organiser names the reviewers (the pool, three per entry).
    const organiser = await logIn('admin', { width: 1366, height: 900 });
    await organiser.goto(`${e2e.server.url}/admin/works`);
    await organiser.getByRole('button', { name: '分配评审' }).click();
    await organiser.getByText(/已分配：10 件作品/).waitFor();
    await organiser.screenshot({ path: `${OUT}/works-organiser-desktop.png`, fullPage: true });

    // The demo school's essay: its reviewers, one of them in the browser on a tablet.
    const essay = db.select().from(entries).where(eq(entries.title, '我心中的楚怡精神')).get()!;
    const reviewerIds = db.select({ judgeId: reviewAssignments.judgeId }).from(reviewAssignments).where(and(eq(reviewAssignments.entryId, essay.id), isNull(reviewAssignments.revokedAt))).all().map((r) => r.judgeId);
    const accountOf = (judgeId: number) => db.select({ userId: judges.userId, username: users.username }).from(judges).innerJoin(users, eq(users.id, judges.userId)).where(eq(judges.id, judgeId)).get()!;
    const reviewer = await logIn(accountOf(reviewerIds[0]).username, { width: 1024, height: 768 });
    await reviewer.goto(`${e2e.server.url}/review`);
    await reviewer.getByTestId('review-progress').waitFor();
    await reviewer.getByRole('link', { name: essay.entryCode!, exact: true }).click();
    await reviewer.getByTestId('entry-code').filter({ hasText: essay.entryCode! }).waitFor();
    // Codes and files only: the title and the school are nowhere on the page.
    expect(await reviewer.content()).not.toContain('我心中的楚怡精神');
    await reviewer.frameLocator('iframe').getByText('楚怡精神，代代相传').waitFor();
    // Offline: the marks stay on the tablet and go when the connection returns.
    await reviewer.context().setOffline(true);
    for (const [label, value] of [['主题立意', '28'], ['内容表达', '27.5'], ['创意特色', '19'], ['技术艺术', '18.5']] as const) {
      await reviewer.getByLabel(label).fill(value);
      await reviewer.getByLabel(label).press('Enter');
    }
    await reviewer.getByTestId('review-state').filter({ hasText: '合计 93.00' }).waitFor();
    await reviewer.getByTestId('review-state').filter({ hasText: '待上传' }).waitFor();
    await reviewer.screenshot({ path: `${OUT}/works-review-offline-tablet.png`, fullPage: true });
    await reviewer.context().setOffline(false);
    await reviewer.getByTestId('review-state').filter({ hasText: '已保存' }).waitFor({ timeout: 15_000 });
    await reviewer.getByText('主题鲜明，立意深刻').waitFor();
    await reviewer.screenshot({ path: `${OUT}/works-review-tablet.png`, fullPage: true });

    // Every other review through the models: the essay's other two reviewers disagree sharply.
    const codes = db.select().from(entries).where(eq(entries.competitionId, competitionId)).all();
    const marks = (total: number) => ({ theme: (total * 3) / 10, content: (total * 3) / 10, creativity: total / 5, craft: total / 5 });
    for (const a of db.select().from(reviewAssignments).where(isNull(reviewAssignments.revokedAt)).all()) {
      if (a.entryId === essay.id && a.judgeId === reviewerIds[0]) continue;
      const entry = codes.find((e) => e.id === a.entryId)!;
      const total = a.entryId === essay.id ? (a.judgeId === reviewerIds[1] ? 60 : 75) : 70 + (entry.id % 7);
      saveReview(db, loadActor(db, accountOf(a.judgeId).userId)!, entry.entryCode!, { criteria: marks(total) });
    }

    // The chief reviewer resolves the disagreement, then locks.
    const category = db.select().from(entryCategories).where(and(eq(entryCategories.competitionId, competitionId), eq(entryCategories.code, 'ZW'))).get()!;
    const chiefJudge = db.select({ id: judges.id }).from(judges).all().find((j) => !db.select().from(reviewAssignments).where(eq(reviewAssignments.judgeId, j.id)).get())!;
    assignJudge(db, admin, { eventId: category.eventId!, judgeId: chiefJudge.id, role: 'chief_judge' });
    const chief = await logIn(accountOf(chiefJudge.id).username, { width: 1366, height: 900 });
    await chief.goto(`${e2e.server.url}/chief`);
    await chief.getByRole('link', { name: /征文演讲/ }).first().click();
    await chief.getByRole('heading', { name: /网评 · 征文演讲/ }).waitFor();
    await chief.getByText('1 件作品评审分歧待裁定').waitFor();
    const flag = chief.getByRole('form', { name: essay.entryCode! });
    await flag.getByLabel('裁定分').fill('95');
    await flag.getByLabel('原因').fill('评审组复议：立意深刻，按 95 分计');
    await flag.getByRole('button', { name: '裁定' }).click();
    await chief.getByText('已裁定。').waitFor();
    await chief.screenshot({ path: `${OUT}/works-chief-desktop.png`, fullPage: true });
    await chief.getByRole('button', { name: '锁定并解密（生成成绩与奖项）' }).click();
    await chief.getByText('已锁定：成绩与奖项已生成，作品已解密。').waitFor();
    await chief.getByRole('cell', { name: '我心中的楚怡精神', exact: true }).waitFor();

    // The organiser publishes the category's results; the public sees them.
    await organiser.goto(`${e2e.server.url}/admin/publication?competition=${competitionId}`);
    await organiser.locator('tr', { hasText: '征文演讲' }).getByRole('button', { name: '发布' }).click();
    await organiser.getByText(/已发布/).first().waitFor();
    const visitor = await (await e2e.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await visitor.goto(`${e2e.server.url}/results/${category.eventId}`);
    await visitor.getByText('我心中的楚怡精神').first().waitFor();
    await visitor.screenshot({ path: `${OUT}/works-results-phone.png`, fullPage: true });

    // The announcement period over, the organiser confirms the nomination; the register shows the winner under 文明风采.
    settleAnnouncements(db, new Date(Date.now() + 6 * DAY));
    await organiser.goto(`${e2e.server.url}/admin/nominations?competitionId=${competitionId}`);
    await organiser.locator('tr', { hasText: '欧阳晓燕' }).getByRole('button', { name: '确认', exact: true }).click();
    await organiser.getByText('审核结果已保存。').waitFor();
    await visitor.goto(`${e2e.server.url}/inheritors?platform=works`);
    await visitor.locator('tr', { hasText: '欧阳晓燕' }).getByText('文明风采').first().waitFor();
    await visitor.screenshot({ path: `${OUT}/works-register-phone.png`, fullPage: true });
    await visitor.goto(`${e2e.server.url}/inheritors?platform=skills`);
    expect(await visitor.locator('tr', { hasText: '欧阳晓燕' }).count()).toBe(0);
  });
});
