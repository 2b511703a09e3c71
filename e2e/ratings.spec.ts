import { expect, test, type Page } from '@playwright/test';
import { apiAs, completeCertificateCase, submitCertificateCase } from './helpers/api.ts';
import { name, signedInPage } from './helpers/session.ts';
import { today } from './helpers/staff.ts';

/**
 * Issue 5's closed loop in the browser: a resident rates a completed case 非常不满意 with a comment; the bad
 * rating opens a work order for the agency that handled the case (谁办理谁负责); the agency signs it, verifies,
 * rectifies and calls the resident back; the supervisor closes it; the indicators page shows the new 差评 and
 * its rectification.
 */
interface Figure { key: string; name: string; numerator: number; denominator: number; value: number | null }

async function figures(): Promise<Record<string, Figure>> {
  const sup = await apiAs('sup.zheng');
  try {
    const r = await sup.get<{ figures: Figure[] }>(`/analytics/indicators?from=${today().slice(0, 4)}-01-01&to=${today()}`);
    return Object.fromEntries(r.figures.map((f) => [f.key, f]));
  } finally {
    await sup.dispose();
  }
}

/** The work order the bad rating of this case opened (a background job creates it; wait for it). */
async function orderOpenedFor(caseId: string): Promise<string> {
  const unit = await apiAs('ga.reviewer');
  try {
    let found: { orderNo: string } | undefined;
    await expect.poll(async () => {
      const list = await unit.get<{ items: { orderNo: string; caseId: string | null }[] }>('/workorders?source=bad_rating');
      found = list.items.find((o) => o.caseId === caseId);
      return !!found;
    }, { timeout: 30_000, message: 'a work order opened by the bad rating' }).toBe(true);
    return found!.orderNo;
  } finally {
    await unit.dispose();
  }
}

/** The value shown for one figure on /admin/indicators (its aria-label is "<name> <value>"). */
const shownFigure = (page: Page, figureName: string) => page.getByLabel(new RegExp(`^${figureName} `));
const percent = (f: Figure) => (f.value === null ? '—' : `${Math.round(f.value * 1000) / 10}%`);

/** Opens a work-order transition form, lets `fill` complete it, confirms and waits for 已<transition>. */
async function transition(page: Page, label: string, fill?: () => Promise<unknown>): Promise<void> {
  await page.getByRole('button', { name: name(label) }).click();
  const form = page.getByRole('form', { name: label });
  await expect(form).toBeVisible();
  await fill?.();
  await form.getByRole('button', { name: name(`确认${label}`) }).or(form.getByRole('button', { name: name(label) })).first().click();
  await expect(page.getByText(`已${label}`, { exact: true }).first()).toBeVisible();
}

test('a bad rating of a completed case opens a work order that the agency verifies, rectifies and calls back until the supervisor closes it; the indicators follow', async ({ browser }) => {
  const before = await figures();
  const c = await submitCertificateCase('lina', { name: '李娜', idCard: '310112199007080045', phone: '13916620002' });
  await completeCertificateCase(c.id);

  // The resident rates the delivered case on the portal: 非常不满意, with what went wrong.
  const resident = await signedInPage(browser, 'lina');
  await resident.page.goto(`/my/cases/${c.id}`);
  // antd's button-style radios hide the input; the person clicks its visible label.
  await resident.page.getByText('非常不满意', { exact: true }).click();
  await expect(resident.page.getByRole('radio', { name: '非常不满意' })).toBeChecked();
  const complaint = `窗口让我跑了两次才拿到证明（${c.caseNo}）`;
  await resident.page.getByLabel(/请告诉我们哪里没做好/).fill(complaint);
  await resident.page.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.page.getByText('您已评价：非常不满意')).toBeVisible();
  await resident.context.close();

  // The work order reaches the unit that handled the case (公安分局): its list shows it, from the bad rating.
  const orderNo = await orderOpenedFor(c.id);
  const unit = await signedInPage(browser, 'ga.reviewer');
  const orders = unit.page;
  await orders.goto('/workbench/workorders?source=bad_rating');
  const row = orders.getByRole('row').filter({ has: orders.getByRole('link', { name: orderNo, exact: true }) });
  await expect(row).toContainText('差评');
  await expect(row).toContainText('待签收');
  await row.getByRole('link', { name: orderNo, exact: true }).click();
  await expect(orders.getByRole('heading', { level: 1 })).toContainText('待签收');
  await expect(orders.getByText(complaint)).toBeVisible();

  await transition(orders, '签收');
  await transition(orders, '记录先行联系', () => orders.getByLabel(/^说明/).fill('已于当日电话联系申请人，了解情况并致歉'));
  await transition(orders, '核实', async () => {
    await orders.getByRole('radio', { name: '需要整改' }).check();
    await orders.getByLabel(/核实情况/).fill('窗口一次性告知不到位，属实');
  });
  await transition(orders, '整改或解释完成', () => orders.getByLabel(/整改\/解释情况/).fill('已对窗口人员进行一次性告知培训，并更新办事指南'));
  await transition(orders, '回访', async () => {
    await orders.getByRole('radio', { name: '满意', exact: true }).check();
    await expect(orders.getByRole('checkbox', { name: '诉求已解决' })).toBeChecked();
  });
  await expect(orders.getByRole('heading', { level: 1 })).toContainText('回访');
  const orderUrl = orders.url().replace('/workbench/', '/admin/');
  await unit.context.close();

  // The supervisor closes the order after the callback.
  const sup = await signedInPage(browser, 'sup.zheng');
  await sup.page.goto(new URL(orderUrl).pathname);
  await transition(sup.page, '办结');
  await expect(sup.page.getByRole('heading', { level: 1 })).toContainText('办结');

  // The indicators: one more 差评 and one more rectified 差评, as the page shows them.
  const after = await figures();
  expect(after.bad_rate.numerator).toBe(before.bad_rate.numerator + 1);
  expect(after.case_rating_rate.numerator).toBe(before.case_rating_rate.numerator + 1);
  expect(after.bad_rectified_rate.numerator).toBe(before.bad_rectified_rate.numerator + 1);
  await sup.page.goto('/admin/indicators');
  for (const key of ['bad_rate', 'bad_rectified_rate', 'case_rating_rate']) {
    await expect(shownFigure(sup.page, after[key].name)).toHaveText(percent(after[key]));
  }
  await sup.context.close();
});
