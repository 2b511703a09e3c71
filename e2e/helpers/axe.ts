import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A/AA rules (GB/T 37668-2019 follows WCAG 2.0 AA); only serious and critical findings fail. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Finding { page: string; mode: string; rule: string; impact: string; help: string; targets: string[] }

/** Waits until the page has rendered its data: no loader, no skeleton, the network quiet, a level-1 heading. */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.tb-page-loading, .ant-skeleton, .adm-dot-loading, .ant-spin-spinning')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

/** Runs axe on the page and returns its serious and critical violations, each with the elements concerned. */
export async function seriousViolations(page: Page, label: string, mode: string): Promise<Finding[]> {
  // @axe-core/playwright types its Page from its own playwright-core copy; the object is the same.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const result = await new AxeBuilder({ page: axePage }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: label, mode, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Switches 适老化模式 with its button (every page has it) and waits until the large-text class applies. */
export async function setElderMode(page: Page, on: boolean): Promise<void> {
  const button = page.getByRole('button', { name: '适老化模式' }).first();
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
  await expect(button).toHaveAttribute('aria-pressed', String(on));
  if (on) await expect(page.locator('html')).toHaveClass(/tb-large/);
  else await expect(page.locator('html')).not.toHaveClass(/tb-large/);
}

/** Checks one page in normal and in 适老化 mode; returns what axe found (empty when clean). */
export async function auditPage(page: Page, label: string, path: string): Promise<Finding[]> {
  await page.goto(path);
  await setElderMode(page, false);
  await pageSettled(page);
  const normal = await seriousViolations(page, label, '普通');
  await setElderMode(page, true);
  await pageSettled(page);
  const elder = await seriousViolations(page, label, '适老化');
  await setElderMode(page, false);
  return [...normal, ...elder];
}

/** One readable line per finding, so a failure says which page, which rule and which elements. */
export function report(findings: Finding[]): string {
  return findings.map((f) => `[${f.mode}] ${f.page}: ${f.rule} (${f.impact}) ${f.help} → ${f.targets.join(' | ')}`).join('\n');
}

export async function expectNoSeriousViolations(page: Page, pages: [label: string, path: string][]): Promise<void> {
  const findings: Finding[] = [];
  for (const [label, path] of pages) findings.push(...(await auditPage(page, label, path)));
  expect(findings, report(findings)).toEqual([]);
}
