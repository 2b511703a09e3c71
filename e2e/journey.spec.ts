import { expect, test } from '@playwright/test';
import { staffHandlesCase } from './helpers/staff.ts';
import { KIOSK, KIOSK_TERMINAL, PHONE, apiGet, name, signedInPage } from './helpers/session.ts';
import { RESIDENCE_PERMIT as RP, completeAntdApplication, correctOnPortal, fillResidencePermitForm, seeResultOnPortal } from './helpers/applicant.ts';
import { applyOnPhone, correctOnPhone, seeResultOnPhone } from './helpers/phone.ts';

/**
 * The whole journey of issue 4, once per channel: a resident finds the item, reads the guide, applies with
 * materials; the window clerk accepts; the reviewer asks for 补正; the resident corrects; the reviewer passes;
 * the approver approves and concludes with the licence; the window delivers it; the resident sees the result.
 * Each channel uses its own demo resident, so the three journeys never share a case.
 */

test('PC portal: a resident searches, reads the guide, applies with materials and follows the case to its delivered result', async ({ page, browser }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: '搜索办事事项' });
  await search.fill('居住证');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { name: '“居住证”的搜索结果' })).toBeVisible();
  await page.getByRole('link', { name: RP.name, exact: true }).click();

  // The guide: every section a resident needs before applying.
  await expect(page.getByRole('heading', { name: RP.name, level: 1 })).toBeVisible();
  for (const section of ['办理时限', '申请材料', '办理地点和时间']) await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
  await expect(page.getByText('如今天申请，预计最迟办结日期')).toBeVisible();
  await page.getByRole('button', { name: '在线办理' }).click();

  // Not signed in yet: the apply page offers the login and comes back afterwards.
  await page.getByRole('button', { name: '登录后办理' }).click();
  await page.getByRole('button', { name: /以 张伟 登录/ }).click();
  await expect(page).toHaveURL(new RegExp(`/apply/${RP.key}`));
  const caseNo = await completeAntdApplication(page, () => fillResidencePermitForm(page, { name: '张伟', idCard: '31011219850312003X' }, '上海市闵行区莘庄镇莘松路 380 弄 12 号 301 室'));

  await page.getByRole('button', { name: '查看办件' }).click();
  await expect(page).toHaveURL(/\/my\/cases\//);
  await expect(page.getByRole('main').getByText(caseNo, { exact: true })).toBeVisible();

  const outcome = await staffHandlesCase(browser, {
    caseNo, dept: RP.dept, licenceName: RP.licenceName, correctMaterial: RP.materials.residence,
    applicantCorrects: (problem) => correctOnPortal(page, caseNo, RP.materials.residence, problem),
  });
  await seeResultOnPortal(page, caseNo, outcome);
});

test('phone (/m): a resident applies at phone width, corrects after 补正 and sees the result', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  try {
    const caseNo = await applyOnPhone(page);
    const outcome = await staffHandlesCase(browser, {
      caseNo, dept: 'rsj', licenceName: '失业保险金核定通知书', correctMaterial: '本人银行账户信息',
      applicantCorrects: (problem) => correctOnPhone(page, caseNo, '本人银行账户信息', problem),
    });
    await seeResultOnPhone(page, caseNo, outcome);
  } finally {
    await context.close();
  }
});

test('kiosk (/kiosk?terminal=…): a resident identifies with the ID card, applies at touch size; the case is recorded as a kiosk case', async ({ browser }) => {
  const context = await browser.newContext({ ...KIOSK });
  const page = await context.newPage();
  try {
    await page.goto(`/kiosk?terminal=${KIOSK_TERMINAL}`);
    await expect(page.getByText(KIOSK_TERMINAL)).toBeVisible();
    await expect(page.getByRole('navigation', { name: '办理步骤' }).first()).toBeVisible();
    const search = page.getByRole('combobox', { name: '搜索办事事项' });
    await search.fill('居住证');
    await search.press('Enter');
    await page.getByRole('button', { name: new RegExp(`^${RP.name}`) }).click();
    await expect(page.getByRole('heading', { name: RP.name, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '申请材料', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: '在线办理' }).click();

    // Identification at the kiosk: the ID card number (a card reader types it on a real terminal).
    await page.getByLabel('居民身份证号码').fill('31011219620530005X');
    await page.getByRole('button', { name: name('确定') }).click();
    await expect(page).toHaveURL(new RegExp(`/kiosk/apply/${RP.key}`));
    await expect(page.getByText(/秒后自动退出/)).toBeVisible();
    const caseNo = await completeAntdApplication(page, () => fillResidencePermitForm(page, { name: '刘洋', idCard: '31011219620530005X' }, '上海市闵行区江川路街道鹤庆路 500 弄 3 号 102 室'));

    // The case carries the kiosk channel and this terminal's id (seen by the clerk who handles it).
    const clerk = await signedInPage(browser, 'clerk.zhou');
    const inbox = await apiGet<{ items: { caseId: string; caseNo: string }[] }>(clerk.context.request, `/api/v1/cases/inbox?caseNo=${caseNo}`);
    const staffView = await apiGet<{ channel: { kind: string; terminalId?: string | null } }>(clerk.context.request, `/api/v1/cases/${inbox.items[0].caseId}`);
    expect(staffView.channel).toMatchObject({ kind: 'kiosk', terminalId: KIOSK_TERMINAL });
    await clerk.context.close();

    // The kiosk has no "my cases" screen (a public terminal): the resident follows up on the portal.
    const portal = await signedInPage(browser, 'liuyang');
    const outcome = await staffHandlesCase(browser, {
      caseNo, dept: RP.dept, licenceName: RP.licenceName, correctMaterial: RP.materials.job,
      applicantCorrects: (problem) => correctOnPortal(portal.page, caseNo, RP.materials.job, problem),
    });
    await seeResultOnPortal(portal.page, caseNo, outcome);
    await portal.context.close();
  } finally {
    await context.close();
  }
});
