/**
 * Long work in the browser (#14): a school's zip of certificates and the organiser's export say
 * how far they are while they are made, then the file downloads by itself, named in words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserFixture } from './browser.ts';
import { OUT } from '../../scripts/screens/shoot.ts';

const e2e = browserFixture();
const { available, logIn } = e2e;

describe.skipIf(!available)('long work followed in the page', () => {
  it('a school downloads all its certificates on a phone, watching them being made', { timeout: 60_000 }, async () => {
    const page = await logIn('school', { width: 390, height: 844 });
    await page.goto(`${e2e.server.url}/school/results`);
    const status = page.getByRole('status').filter({ hasText: /正在|已生成/ });
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载本校全部证书（.zip）' }).click();
    // The page answers at once, before the first certificate is made.
    await expect.poll(() => status.first().textContent()).toMatch(/正在/);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-证书\.zip$/);
    expect(readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
    await expect.poll(() => status.first().textContent()).toMatch(/已生成“.*-证书\.zip”/);
    await page.screenshot({ path: `${OUT}/jobs-certificates-zip-phone.png`, fullPage: true });
  });

  it('the organiser exports the approved registrations with the page still there, then the workbook downloads', { timeout: 60_000 }, async () => {
    const page = await logIn('admin', { width: 1366, height: 768 });
    await page.goto(`${e2e.server.url}/admin/registrations`);
    const download = page.waitForEvent('download');
    await page.getByLabel('分表方式').selectOption('school');
    await page.getByRole('button', { name: '导出已通过报名（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('已通过报名-按院校.xlsx');
    expect(page.url()).toContain('/admin/registrations');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已生成' }).count()).toBe(1);
    await page.screenshot({ path: `${OUT}/jobs-export-desktop.png`, fullPage: false });
  });
});
