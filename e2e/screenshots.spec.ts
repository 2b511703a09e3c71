import { test, type Browser } from '@playwright/test';
import path from 'node:path';
import { pageSettled } from './helpers/axe.ts';
import { submitCertificateCase } from './helpers/api.ts';
import { CONTEXT_DEFAULTS, KIOSK, KIOSK_TERMINAL, PHONE, devLogin } from './helpers/session.ts';

/**
 * The README's screenshots (docs/screenshots/*.png) of the main pages with the demo district's real data.
 * Regenerate with `UPDATE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
 */
const enabled = process.env.UPDATE_SCREENSHOTS === '1';
const OUT = path.resolve('docs/screenshots');

interface Shot { file: string; path: string | ((caseId: string) => string); login?: string; device?: object }
const SHOTS: Shot[] = [
  { file: 'portal-home.png', path: '/' },
  { file: 'portal-guide.png', path: '/items/residence-permit' },
  { file: 'portal-apply.png', path: '/apply/residence-permit', login: 'zhangwei' },
  { file: 'mobile-home.png', path: '/m', device: PHONE },
  { file: 'mobile-guide.png', path: '/m/items/unemployment-insurance-benefit', device: PHONE },
  { file: 'kiosk-home.png', path: `/kiosk?terminal=${KIOSK_TERMINAL}`, device: KIOSK },
  { file: 'workbench-inbox.png', path: '/workbench', login: 'clerk.zhou' },
  { file: 'workbench-case.png', path: (id) => `/workbench/cases/${id}`, login: 'clerk.zhou' },
  { file: 'admin-catalogue.png', path: '/admin/items', login: 'admin.sun' },
  { file: 'admin-guide-check.png', path: '/admin/guide-check', login: 'admin.sun' },
  { file: 'admin-indicators.png', path: '/admin/indicators', login: 'sup.zheng' },
  { file: 'admin-workorders.png', path: '/admin/workorders', login: 'sup.zheng' },
];

async function shoot(browser: Browser, shot: Shot, caseId: string): Promise<void> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, reducedMotion: 'reduce', viewport: { width: 1366, height: 900 }, ...shot.device });
  if (shot.login) await devLogin(context.request, shot.login);
  const page = await context.newPage();
  await page.goto(typeof shot.path === 'string' ? shot.path : shot.path(caseId));
  await pageSettled(page);
  await page.waitForTimeout(300); // charts finish drawing
  await page.screenshot({ path: path.join(OUT, shot.file), fullPage: !shot.device });
  await context.close();
}

test.describe('screenshots', () => {
  test.skip(!enabled, 'screenshots are regenerated only with UPDATE_SCREENSHOTS=1');
  test('screenshots of the main pages written to docs/screenshots/ (only when UPDATE_SCREENSHOTS=1)', async ({ browser }) => {
    test.setTimeout(240_000);
    const { id } = await submitCertificateCase('wangfang', { name: '王芳', idCard: '310104197809210025', phone: '13761620003' });
    for (const shot of SHOTS) await shoot(browser, shot, id);
  });
});
