import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { name, signedInPage } from './session.ts';

/**
 * The staff half of every journey (PC, phone, kiosk), driven through the workbench exactly as staff would:
 * 综窗 clerk 受理 → department reviewer 补正告知 → (the applicant corrects) → reviewer 通过 → approver 准予 and
 * 办结 with the licence → clerk 送达 by express. One helper, so the three journeys differ only in the applicant's
 * channel. Each person works in a browser context of their own, signed in with their demo account.
 */
export interface StaffJourney {
  caseNo: string;
  /** Department prefix of the item's agency in the demo accounts: 'ga' → ga.reviewer, ga.approver. */
  dept: string;
  /** What the approver issues at 办结 (证照/批文名称). */
  licenceName: string;
  /** The material the reviewer asks to be corrected (its name as the guide lists it). */
  correctMaterial: string;
  /** Runs between 补正告知 and the review: the applicant sees the notice and resubmits. */
  applicantCorrects: (problem: string) => Promise<void>;
}

export interface Outcome {
  licenceName: string;
  licenceNo: string;
  trackingNo: string;
  correctionProblem: string;
}

export async function staffHandlesCase(browser: Browser, j: StaffJourney): Promise<Outcome> {
  const suffix = j.caseNo.slice(-6);
  const outcome: Outcome = {
    licenceName: j.licenceName,
    licenceNo: `E2E-${suffix}`,
    trackingNo: `SF${suffix}0001`,
    correctionProblem: `扫描件不清晰，请上传加盖公章的清晰件（${suffix}）`,
  };
  const clerk = await signedInPage(browser, 'clerk.zhou');
  const reviewer = await signedInPage(browser, `${j.dept}.reviewer`);
  const approver = await signedInPage(browser, `${j.dept}.approver`);
  try {
    // 综窗受理: the clerk finds the case in the inbox by its number and accepts it.
    await openFromInbox(clerk.page, j.caseNo);
    await runAction(clerk.page, '受理', (f) => f.getByLabel('意见（可选）').fill('材料齐全，符合受理条件'));

    // 审查: the reviewer lists what must be corrected (一次性告知), naming the material and the problem.
    await openFromInbox(reviewer.page, j.caseNo);
    await runAction(reviewer.page, '补正告知', async (f) => {
      const ref = f.getByRole('combobox', { name: '对应材料或字段 1' });
      await ref.click();
      await ref.fill(j.correctMaterial.slice(0, 4));
      await reviewer.page.locator('.ant-select-item-option', { hasText: j.correctMaterial }).click();
      await f.getByRole('textbox', { name: '问题说明 1' }).fill(outcome.correctionProblem);
      await f.getByLabel('补正告知书说明（可选）').fill('请在补正期限内一次性补齐。');
    });

    await j.applicantCorrects(outcome.correctionProblem);

    // The corrected case comes back to the reviewer, who passes it on.
    await openFromInbox(reviewer.page, j.caseNo);
    await expect(reviewer.page.getByRole('button', { name: name('通过') })).toBeVisible();
    await runAction(reviewer.page, '通过', (f) => f.getByLabel('意见（可选）').fill('补正后材料齐全，符合条件'));

    // 决定 and 办结 by the approver, with the licence issued.
    await openFromInbox(approver.page, j.caseNo);
    await runAction(approver.page, '准予', (f) => f.getByLabel('意见（可选）').fill('同意办理'));
    await expect(approver.page.getByRole('button', { name: name('办结') })).toBeVisible();
    await runAction(approver.page, '办结', async (f) => {
      await expect(f.getByRole('radio', { name: '准予许可' })).toBeChecked();
      await f.getByLabel('证照/批文名称').fill(outcome.licenceName);
      await f.getByLabel('证照编号').fill(outcome.licenceNo);
      await f.getByLabel('有效期自').fill(today());
      await f.getByLabel('有效期至').fill(today(1));
    });

    // 送达 by the window: express post with its tracking number.
    await openFromInbox(clerk.page, j.caseNo);
    await runAction(clerk.page, '送达', async (f) => {
      await f.getByRole('radio', { name: '快递寄送' }).check();
      await f.getByLabel('快递公司').fill('顺丰速运');
      await f.getByLabel('运单号').fill(outcome.trackingNo);
    });
    await expect(clerk.page.getByText('当前环节不由您办理，或办件已不在办理中。')).toBeVisible();
    return outcome;
  } finally {
    await Promise.all([clerk.context.close(), reviewer.context.close(), approver.context.close()]);
  }
}

/** Opens the case from 我的待办, searching by case number as a clerk would. */
export async function openFromInbox(page: Page, caseNo: string): Promise<void> {
  await page.goto('/workbench');
  await expect(page.getByRole('heading', { name: '我的待办', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: '办件编号' }).fill(caseNo);
  await page.getByRole('search').getByRole('button', { name: name('查询') }).click();
  await page.getByRole('link', { name: caseNo, exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`办件 ${caseNo}`), level: 1 })).toBeVisible();
}

/** Opens an action's form from the action panel, lets `fill` complete it, confirms, and waits for 已<action>. */
export async function runAction(page: Page, label: string, fill?: (form: Locator) => Promise<unknown>): Promise<void> {
  await page.getByRole('button', { name: name(label) }).click();
  const form = page.getByRole('form', { name: label });
  await expect(form).toBeVisible();
  await fill?.(form);
  await form.getByRole('button', { name: name(`确认${label}`) }).click();
  await expect(page.getByText(`已${label}`, { exact: true }).first()).toBeVisible();
  await expect(form).toBeHidden();
}

/** Today (or in `years` years) as YYYY-MM-DD in Shanghai. */
export function today(years = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
