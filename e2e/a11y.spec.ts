import { expect, test, type Browser, type FileChooser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { submitCertificateCase } from './helpers/api.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { CONTEXT_DEFAULTS, KIOSK, KIOSK_TERMINAL, PHONE, devLogin } from './helpers/session.ts';

/**
 * Issue 4's accessibility bar: axe-core finds no serious or critical WCAG 2.1 A/AA violation on any main page,
 * in normal and in 适老化 mode (switched with the page's own button). Pages are grouped by who sees them, each
 * group in one browser context with reduced motion (so colour checks never catch an animation half-way).
 */
// axe's colour-contrast pass is CPU-heavy; a group of pages in two modes needs more than the default two minutes.
test.describe.configure({ timeout: 300_000 });

let caseId = '';
test.beforeAll(async () => {
  // One real case to look at: chenjie's 无犯罪记录证明, waiting for 受理 at the window.
  caseId = (await submitCertificateCase('chenjie', { name: '陈杰', idCard: '320583199501160015', phone: '15021620004' })).id;
});

async function contextPage(browser: Browser, login: string | null, device: object = {}): Promise<Page> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, reducedMotion: 'reduce', ...device });
  if (login) await devLogin(context.request, login);
  return context.newPage();
}

test('portal pages for everyone (home, search results, guide, login) have no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, null);
  await expectNoSeriousViolations(page, [
    ['门户首页', '/'],
    ['搜索结果', `/search?q=${encodeURIComponent('居住证')}`],
    ['办事指南', '/items/residence-permit'],
    ['登录', '/login'],
  ]);
  await page.context().close();
});

test('portal pages of a signed-in resident (apply form, my cases, case detail) have no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, 'chenjie');
  await expectNoSeriousViolations(page, [
    ['在线申报', '/apply/residence-permit'],
    ['我的办件', '/my/cases'],
    ['办件详情', `/my/cases/${caseId}`],
  ]);
  await page.context().close();
});

test('mobile H5 (home, guide, apply) at phone width has no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, 'chenjie', PHONE);
  await expectNoSeriousViolations(page, [
    ['手机版首页', '/m'],
    ['手机版指南', '/m/items/residence-permit'],
    ['手机版申报', '/m/apply/residence-permit'],
  ]);
  await page.context().close();
});

test('kiosk home at kiosk size has no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, null, KIOSK);
  await expectNoSeriousViolations(page, [['自助终端首页', `/kiosk?terminal=${KIOSK_TERMINAL}`]]);
  await page.context().close();
});

test('workbench (inbox, case detail, window intake) has no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, 'clerk.zhou');
  await expectNoSeriousViolations(page, [
    ['待办', '/workbench'],
    ['办件办理', `/workbench/cases/${caseId}`],
    ['综窗受理', '/workbench/intake'],
  ]);
  await page.context().close();
});

test('admin console (catalogue, item editor, guide check, calendar, staff, work orders, indicators) has no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, 'admin.sun');
  await expectNoSeriousViolations(page, [
    ['事项目录', '/admin/items'],
    ['事项编辑', '/admin/items/residence-permit'],
    ['指南检查', '/admin/guide-check'],
    ['工作日历', '/admin/calendar'],
    ['人员', '/admin/staff'],
    ['工单督办', '/admin/workorders'],
    ['指标', '/admin/indicators'],
  ]);
  await page.context().close();
});

test('public hall pages (/rate/:window, /cannot-get-done) have no serious or critical axe violations, normal and 适老化', async ({ browser }) => {
  const page = await contextPage(browser, null);
  await expectNoSeriousViolations(page, [
    ['窗口评价器', '/rate/A01'],
    ['办不成事反映', '/cannot-get-done'],
  ]);
  await page.context().close();
});

test.describe('keyboard only', () => {
  test('the application flow can be completed with Tab, Shift+Tab, Enter, Space and arrow keys only', async ({ browser }) => {
    const page = await contextPage(browser, 'lina');
    await page.goto('/apply/no-criminal-record-certificate');
    await keyboardApplication(page);
    await page.context().close();
  });
});

/** Presses Tab (or Shift+Tab) until the element has focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable by ${back ? 'Shift+Tab' : 'Tab'}: ${target}`);
}

async function keyboardApplication(page: Page): Promise<void> {
  const stepHeading = (name: string) => page.getByRole('heading', { name, level: 2 });
  await expect(stepHeading('填写申请表')).toBeVisible();
  // The name, ID card and phone are prefilled from the identity; the purpose is an antd select.
  const purpose = page.getByRole('combobox', { name: /证明用途/ });
  await tabTo(page, purpose);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select-selection-item').filter({ hasText: '出国（境）' })).toBeVisible();

  // Next, then back with Shift+Tab to check the button order is sane, then on.
  const next = page.getByRole('button', { name: '下一步' });
  await tabTo(page, next);
  await tabTo(page, purpose, { back: true });
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  await expect(stepHeading('上传材料')).toBeFocused();
  const exempt = page.getByRole('group', { name: /^申请人居民身份证/ }).getByRole('checkbox', { name: /申请免交此材料/ });
  await tabTo(page, exempt);
  await page.keyboard.press('Space');
  await expect(exempt).toBeChecked();
  // The optional power of attorney, uploaded through the keyboard-opened file chooser.
  const upload = page.getByLabel('上传“授权委托书及受托人身份证件”');
  await tabTo(page, upload);
  await (await openFileChooserByKeyboard(page)).setFiles(fixturePath('residence-proof.pdf'));
  await expect(page.getByRole('group', { name: /^授权委托书/ }).getByText('已上传', { exact: true })).toBeVisible();
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  await expect(stepHeading('确认提交')).toBeFocused();
  await expect(page.getByText('出国（境）')).toBeVisible();
  const submit = page.getByRole('button', { name: /确认\s*提交/ });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(stepHeading('申请已提交')).toBeFocused();
  await expect(page.getByTestId('case-no')).toHaveText(/^\d{6}-\d{8}-\d{6}$/);
}

/**
 * Presses Enter on the focused file input until Chromium opens its chooser: on a loaded machine the first key press
 * can land before the input is ready, and the chooser then never opens (seen once in CI-like runs). Still keyboard only.
 */
async function openFileChooserByKeyboard(page: Page): Promise<FileChooser> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
    await page.keyboard.press('Enter');
    const opened = await chooser;
    if (opened) return opened;
  }
  throw new Error('the file chooser did not open from the keyboard');
}
