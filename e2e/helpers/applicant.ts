import { expect, type Locator, type Page } from '@playwright/test';
import { fixturePath, type FixtureName } from './fixtures.ts';
import { name } from './session.ts';

/**
 * The applicant's steps that the PC portal and the kiosk share (both render the antd application flow), and the
 * phone's equivalents. Role and label selectors only; the case number is read from its marked element.
 */

/** The demo item every journey applies for, and what its guide lists. */
export const RESIDENCE_PERMIT = {
  key: 'residence-permit',
  name: '上海市居住证办理（首次申领）',
  dept: 'ga',
  licenceName: '上海市居住证',
  materials: { idCard: '申请人居民身份证', photo: '本人近期免冠证件照片', residence: '合法稳定居住证明', job: '就业或就读证明' },
} as const;

export const UNEMPLOYMENT_BENEFIT = {
  key: 'unemployment-insurance-benefit',
  name: '失业保险金申领',
  dept: 'rsj',
  licenceName: '失业保险金核定通知书',
  materials: { idCard: '申请人居民身份证', separation: '终止或解除劳动合同证明（退工单）', bank: '本人银行账户信息' },
} as const;

/** The residence-permit form in the antd skin (PC and kiosk): checks the prefill, fills the rest. */
export async function fillResidencePermitForm(page: Page, who: { name: string; idCard: string }, address: string): Promise<void> {
  await expect(page.getByRole('textbox', { name: /申请人姓名/ })).toHaveValue(who.name);
  await expect(page.getByRole('textbox', { name: /公民身份号码/ })).toHaveValue(who.idCard);
  await page.getByRole('radiogroup', { name: /办理情形/ }).getByRole('radio', { name: '合法稳定就业' }).check();
  await page.getByRole('textbox', { name: /本市居住地址/ }).fill(address);
  await page.getByRole('radiogroup', { name: /申领依据/ }).getByRole('radio', { name: '合法稳定就业' }).check();
  await page.getByRole('textbox', { name: /就业单位或就读学校名称/ }).fill('上海闵味餐饮管理有限公司');
  await page.getByLabel(/在本市居住登记日期/).fill('2024-03-01');
}

/** One material card (role group named by the material). */
export const materialCard = (page: Page, material: string): Locator => page.getByRole('group', { name: new RegExp(`^${material}`) });

/** Uploads a fixture for a material through its labelled file input and waits for 已上传. */
export async function upload(page: Page, material: string, file: FixtureName): Promise<void> {
  const card = materialCard(page, material);
  await card.getByLabel(`上传“${material}”`).setInputFiles(fixturePath(file));
  await expect(card.getByText('已上传', { exact: true }).last()).toBeVisible();
}

/** The materials step of the residence permit: ID card from the e-licence, photo as PNG, proofs as PDF. */
export async function residencePermitMaterials(page: Page): Promise<void> {
  const m = RESIDENCE_PERMIT.materials;
  await materialCard(page, m.idCard).getByRole('checkbox', { name: /申请免交此材料/ }).check();
  await upload(page, m.photo, 'photo.png');
  await expect(materialCard(page, m.photo).getByRole('img', { name: /预览/ })).toBeVisible();
  await upload(page, m.residence, 'residence-proof.pdf');
  await upload(page, m.job, 'employment-proof.pdf');
}

/** From the form step to the confirmation (antd flow): materials, review, submit. Returns the case number. */
export async function completeAntdApplication(page: Page, fillForm: () => Promise<void>): Promise<string> {
  await expect(page.getByRole('heading', { name: '填写申请表' })).toBeVisible();
  await fillForm();
  await page.getByRole('button', { name: name('下一步') }).click();
  await expect(page.getByRole('heading', { name: '上传材料' })).toBeVisible();
  await residencePermitMaterials(page);
  await page.getByRole('button', { name: name('下一步') }).click();
  await expect(page.getByRole('heading', { name: '确认提交' })).toBeVisible();
  await expect(page.getByText('免交')).toBeVisible();
  await page.getByRole('button', { name: name('确认提交') }).click();
  await expect(page.getByRole('heading', { name: '申请已提交' })).toBeVisible();
  const caseNo = (await page.getByTestId('case-no').innerText()).trim();
  expect(caseNo).toMatch(/^\S{8,}$/);
  return caseNo;
}

/** The 补正 on the PC case page: sees the notice with the reviewer's words, re-uploads, resubmits. */
export async function correctOnPortal(page: Page, caseNo: string, material: string, problem: string): Promise<void> {
  await page.goto('/my/cases');
  await page.getByRole('link', { name: caseNo }).click();
  const notice = page.getByRole('region', { name: '需要补正' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: material })).toContainText(problem);
  await notice.getByRole('button', { name: '开始补正' }).click();
  await upload(page, material, 'corrected.pdf');
  await notice.getByRole('button', { name: '提交补正' }).click();
  await expect(notice).toBeHidden();
}

/** The result on the PC case page: outcome, licence and delivery as the staff recorded them. */
export async function seeResultOnPortal(page: Page, caseNo: string, o: { licenceName: string; licenceNo: string; trackingNo: string }): Promise<void> {
  await page.goto('/my/cases');
  await page.getByRole('link', { name: caseNo }).click();
  const result = page.getByRole('region', { name: '办理结果' });
  await expect(result).toContainText(o.licenceName);
  await expect(result).toContainText(o.licenceNo);
  await expect(result).toContainText(o.trackingNo);
  await expect(page.getByRole('region', { name: '办理进度' })).toContainText('送达');
}
