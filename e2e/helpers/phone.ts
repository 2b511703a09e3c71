import { expect, type Page } from '@playwright/test';
import { fixturePath, type FixtureName } from './fixtures.ts';
import { materialCard } from './applicant.ts';

/**
 * The applicant's journey at phone width (/m, antd-mobile, native inputs): wangfang applies for 失业保险金申领,
 * logging in when the apply page asks, and follows the case on the phone.
 */
const ITEM = '失业保险金申领';

export async function applyOnPhone(page: Page): Promise<string> {
  await page.goto('/m');
  await page.getByRole('searchbox', { name: '搜索办事事项' }).fill('失业保险金');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/m\/search\?q=/);
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${ITEM}`) }).first().click();

  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: '申请材料' })).toBeVisible();
  await expect(page.getByText('如今天申请，预计最迟办结日期')).toBeVisible();
  await page.getByRole('button', { name: '在线办理' }).click();
  await page.getByRole('button', { name: '登录后办理' }).click();
  await page.getByRole('button', { name: /以 王芳 登录/ }).click();
  await expect(page).toHaveURL(/\/m\/apply\/unemployment-insurance-benefit/);

  await expect(page.getByRole('heading', { name: '填写申请表' })).toBeVisible();
  await expect(page.getByLabel(/申请人姓名/)).toHaveValue('王芳');
  await page.getByLabel(/原用人单位名称/).fill('上海虹桥智造科技有限公司');
  await page.getByLabel(/终止（解除）劳动合同日期/).fill('2026-10-31');
  await page.getByLabel(/中断就业原因/).selectOption('劳动合同期满终止');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { name: '上传材料' })).toBeVisible();
  await materialCard(page, '申请人居民身份证').getByRole('checkbox', { name: /申请免交此材料/ }).check();
  await uploadOnPhone(page, '终止或解除劳动合同证明（退工单）', 'employment-proof.pdf');
  await uploadOnPhone(page, '本人银行账户信息', 'bank-account.pdf');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { name: '确认提交' })).toBeVisible();
  await expect(page.getByText('劳动合同期满终止')).toBeVisible();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('申请已提交', { exact: true })).toBeVisible();
  return (await page.getByTestId('case-no').innerText()).trim();
}

export async function uploadOnPhone(page: Page, material: string, file: FixtureName): Promise<void> {
  const card = materialCard(page, material);
  await card.getByLabel(`上传“${material}”`).setInputFiles(fixturePath(file));
  await expect(card.getByText('已上传', { exact: true }).last()).toBeVisible();
}

async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.goto('/m/my/cases');
  await page.getByRole('link', { name: new RegExp(caseNo) }).click();
  await expect(page.getByText(caseNo)).toBeVisible();
}

export async function correctOnPhone(page: Page, caseNo: string, material: string, problem: string): Promise<void> {
  await openCase(page, caseNo);
  const notice = page.getByRole('region', { name: '需要补正' });
  await expect(notice).toContainText(problem);
  await notice.getByRole('button', { name: '开始补正' }).click();
  await uploadOnPhone(page, material, 'corrected.pdf');
  await notice.getByRole('button', { name: '提交补正' }).click();
  await expect(notice).toBeHidden();
}

export async function seeResultOnPhone(page: Page, caseNo: string, o: { licenceName: string; licenceNo: string; trackingNo: string }): Promise<void> {
  await openCase(page, caseNo);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: '办理结果' })).toBeVisible();
  for (const text of [o.licenceName, o.licenceNo, o.trackingNo]) await expect(main).toContainText(text);
}
