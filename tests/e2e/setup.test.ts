/**
 * A real year from an empty database, in a browser (#12): the first administrator, the year and a
 * division, schools and judges from sheets, an event with its scheme, registration opened; a school
 * logs in with its one-time password, changes it and registers a team; the organiser approves it,
 * assigns judges from the pool, checks in and draws.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contestant } from '../helpers/people.ts';
import { browserFixture, fillAndSubmitTeam } from './browser.ts';

const e2e = browserFixture({ env: { SEED_DEMO: 'false' } });
const PASSWORD = '湘江北去-橘子洲头';

async function workbook(sheet: string, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The one-time password of `username` from the accounts sheet the page offers once. */
async function passwordFromSheet(href: string, username: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(href.split(',')[1], 'base64') as unknown as ArrayBuffer);
  let found = '';
  wb.worksheets[0].eachRow((row) => {
    if (row.getCell(3).text === username) found = row.getCell(4).text;
  });
  return found;
}

describe.skipIf(!e2e.available)('a year from an empty database, in a browser', () => {
  it('sets up, registers, approves, assigns, checks in and draws', async () => {
    const base = e2e.server.url;
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const admin = await context.newPage();

    // The first administrator.
    await admin.goto(`${base}/setup`);
    await admin.getByLabel('用户名').fill('office');
    await admin.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await admin.getByLabel('确认新密码').fill(PASSWORD);
    await admin.getByRole('button', { name: '创建管理员并登录' }).click();
    await admin.waitForURL(`${base}/admin`);

    // The year and its division.
    await admin.goto(`${base}/admin/competitions`);
    await admin.getByLabel('年份').fill('2027');
    await admin.getByLabel('比赛开始日期').fill('2027-03-01');
    await admin.getByLabel('比赛结束日期').fill('2027-05-31');
    await admin.getByLabel('报名截止（北京时间）').fill('2027-02-20T17:00');
    await admin.getByRole('button', { name: '新建', exact: true }).click();
    await admin.waitForURL(/\/admin\/competitions\/\d+$/);
    const yearUrl = admin.url();
    const division = admin.locator('form').filter({ has: admin.locator('input[value="division"]') });
    await division.getByLabel('代码').fill('GZ');
    await division.getByLabel('名称').fill('高职组');
    await division.getByLabel('职业本科').check();
    await division.getByLabel('高职专科').check();
    await division.getByLabel('年龄上限（周岁，留空为不限）').fill('25');
    await division.getByRole('button', { name: '添加组别' }).click();
    await admin.getByRole('cell', { name: '高职组' }).waitFor();

    // Schools and judges from sheets; the accounts sheet is offered once.
    await admin.goto(`${base}/admin/schools`);
    await admin.locator('#file').setInputFiles({
      name: '院校.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook('院校', [
        ['院校代码', '院校名称', '类型', '市州', '联系人', '联系电话'],
        ['13001', '长沙航空职业技术学院', '高职专科', '长沙市', '王老师', '13811112222'],
        ['13002', '湖南汽车工程职业大学', '职业本科', '株洲市', '', ''],
        ['13003', '湖南铁道职业技术学院', '高职专科', '省直', '', ''],
      ]),
    });
    await admin.getByRole('button', { name: '上传并导入' }).click();
    await admin.getByText('已导入 3 行：新建 3 所，更新 0 所。').waitFor();
    const schoolPassword = await passwordFromSheet((await admin.getByRole('link', { name: '下载账号与密码表' }).getAttribute('href'))!, 's13001');
    expect(schoolPassword).toMatch(/^[a-zA-Z2-9]{10}$/);
    await admin.goto(`${base}/admin/judges`);
    await admin.locator('#file').setInputFiles({
      name: '裁判.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook('裁判', [
        ['姓名', '工作单位', '所在院校代码', '职称', '手机号', '赛项代码', '角色'],
        ['周建国', '三一重工股份有限公司', '', '高级工程师', '13600000001', '', ''],
        ['吴丽华', '中车株洲电力机车有限公司', '', '教授级高工', '13600000002', '', ''],
        ['陈志远', '', '13002', '教授', '13600000003', '', ''],
      ]),
    });
    await admin.getByRole('button', { name: '上传并导入' }).click();
    await admin.getByText('已导入 3 行：新建 3 名').waitFor();

    // A venue and an event, then its scheme.
    await admin.goto(yearUrl);
    const venue = admin.locator('form').filter({ has: admin.locator('input[value="venue"]') });
    await venue.getByLabel('名称').fill('湖南汽车工程职业大学赛点');
    await venue.getByLabel('承办院校').selectOption({ label: '13002 湖南汽车工程职业大学' });
    await venue.getByRole('button', { name: '添加赛点' }).click();
    await admin.getByRole('cell', { name: '湖南汽车工程职业大学赛点' }).first().waitFor();
    const event = admin.locator('form').filter({ has: admin.locator('input[value="event"]') });
    await event.getByLabel('代码').fill('GZ012');
    await event.getByLabel('名称').fill('工业机器人技术应用');
    await event.getByLabel('组别').selectOption({ label: 'GZ 高职组' });
    await event.getByLabel('赛点').selectOption({ label: '湖南汽车工程职业大学赛点' });
    await event.getByLabel('每队最少人数').fill('2');
    await event.getByLabel('每队最多人数').fill('2');
    await event.getByLabel('比赛日期').fill('2027-03-10');
    await event.getByRole('button', { name: '添加赛项' }).click();
    await admin.getByRole('link', { name: 'GZ012' }).click();
    await admin.waitForURL(/\/admin\/events\/\d+$/);
    const eventUrl = admin.url();
    const scheme = admin.locator('form').filter({ has: admin.locator('input[value="scheme"]') });
    await scheme.getByLabel('应得总分').fill('100');
    const row = async (i: number, values: string[]) => {
      for (const [k, f] of ['moduleCode', 'moduleName', 'code', 'name', 'maxMarks', 'decimals'].entries()) await scheme.locator(`[name="rows.${i}.${f}"]`).fill(values[k]);
    };
    await row(0, ['A', '工作站安装', 'A1', '安装规范', '60', '1']);
    await scheme.locator('[name="rows.0.kind"]').selectOption('measurement');
    await row(1, ['B', '职业素养', 'B1', '团队协作', '40', '1']);
    await scheme.locator('[name="rows.1.kind"]').selectOption('judgement');
    await scheme.getByRole('button', { name: '保存评分标准' }).click();
    await admin.getByText('已保存。').first().waitFor();

    // Registration opens.
    await admin.goto(`${base}/admin`);
    await admin.getByRole('button', { name: '切换到“报名”' }).click();
    await admin.getByTestId('phase').filter({ hasText: '报名' }).waitFor();

    // The school logs in with its one-time password, must change it, and registers a team.
    const school = await e2e.logIn('s13001', { width: 390, height: 844 }, schoolPassword);
    expect(school.url()).toContain('/account/password');
    await school.getByLabel('当前密码').fill(schoolPassword);
    await school.getByLabel('新密码', { exact: true }).fill('岳麓山下-爱晚亭前');
    await school.getByLabel('确认新密码').fill('岳麓山下-爱晚亭前');
    await school.getByRole('button', { name: '保存' }).click();
    await school.waitForURL(/\/school/);
    await school.goto(`${base}/registration`);
    await school.getByRole('button', { name: '报名该赛项 GZ012' }).click();
    await school.waitForURL(/\/teams\/\d+$/);
    const teamUrl = school.url();
    const [a, b] = [contestant('欧阳明'), contestant('李晓彤', '20040620', 'female')];
    await fillAndSubmitTeam(school, [a, b]);

    // The organiser approves, assigns judges from the pool, checks the team in and draws.
    await admin.goto(teamUrl);
    await admin.getByRole('button', { name: '通过' }).click();
    await admin.getByText('已通过。').waitFor();
    await admin.goto(eventUrl);
    const assign = admin.locator('form').filter({ has: admin.locator('input[value="assign"]') });
    await assign.getByLabel('裁判', { exact: true }).selectOption({ label: '周建国（三一重工股份有限公司）' });
    await assign.getByLabel('角色').selectOption('chief_judge');
    await assign.getByRole('button', { name: '分配' }).click();
    await admin.getByText('周建国（三一重工股份有限公司）· 裁判长').waitFor();
    await assign.getByLabel('裁判', { exact: true }).selectOption({ label: '吴丽华（中车株洲电力机车有限公司）' });
    await assign.getByLabel('角色').selectOption('scoring_judge');
    await assign.getByRole('button', { name: '分配' }).click();
    await admin.getByText('吴丽华（中车株洲电力机车有限公司）· 评分裁判').waitFor();
    await admin.getByRole('button', { name: '到场 长沙航空职业技术学院' }).click();
    await admin.getByRole('button', { name: '抽签' }).waitFor();
    await admin.getByRole('button', { name: '抽签' }).click();
    await admin.getByTestId('event-status').filter({ hasText: '评分中' }).waitFor();
    await admin.getByTestId('sealed').waitFor();
    await context.close();
  }, 180_000);
});
