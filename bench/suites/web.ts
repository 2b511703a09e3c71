import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BenchSuite } from '../lib.js';

/**
 * Front-end weight and first load, measured in headless Chromium against the bench server:
 * - `web.<page>.js_gzip`: bytes of all JavaScript the page loads on a first visit (from the browser's network
 *   log), each script gzipped (level 9, as a CDN would serve it), summed. Reference for the portal home: the
 *   300 kB budget of issue 4 (ratio < 1 means under budget).
 * - `web.<page>.tti`: ms from navigation to interactive — the page's level-1 heading rendered, the network quiet
 *   and the main thread idle (the next requestIdleCallback). Reference: about:blank measured the same way.
 */
const PAGES = [
  { key: 'portal_home', path: '/', login: null },
  { key: 'guide', path: '/items/residence-permit', login: null },
  { key: 'workbench', path: '/workbench', login: 'clerk.zhou' },
] as const;
const BUDGET = 300 * 1024;
const RUNS = 3;

async function firstVisit(browser: Browser, baseUrl: string, path: string, login: string | null): Promise<{ jsGzip: number; scripts: number; tti: number }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
  if (login) await context.request.post('/api/v1/auth/dev-login', { data: { login } });
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body().catch(() => null));
  });
  await page.goto(path);
  const tti = await interactiveAt(page, path !== 'about:blank');
  const js = (await Promise.all(bodies)).filter((b): b is Buffer => !!b);
  await context.close();
  return { jsGzip: js.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), scripts: js.length, tti };
}

/** performance.now() (ms since navigation start) once the page shows its heading, the network is quiet and the main thread idles. */
async function interactiveAt(page: Page, hasHeading: boolean): Promise<number> {
  if (hasHeading) await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => new Promise<number>((ok) => requestIdleCallback(() => ok(performance.now()), { timeout: 2000 })));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const suite: BenchSuite = {
  name: 'web',
  description: 'JS shipped per page (gzip) and time to interactive in headless Chromium (portal home, guide, workbench)',
  async run({ platform, emit, note }) {
    if (!existsSync('dist/web/index.html')) {
      note('web: dist/web is not built (run `npx vite build` or `npm start` once); skipped');
      return;
    }
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) {
      note(`web: no Chromium at ${executablePath} (apt-get install chromium or set CHROMIUM_PATH); skipped`);
      return;
    }
    const { baseUrl } = await platform();
    const browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const blank: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto('about:blank');
        blank.push(await interactiveAt(page, false));
        await context.close();
      }
      const ref = { name: 'about_blank.tti', value: median(blank) };
      for (const p of PAGES) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await firstVisit(browser, baseUrl, p.path, p.login));
        const js = runs[0];
        note(`web: ${p.path} loads ${js.scripts} scripts`);
        emit({ name: `web.${p.key}.js_gzip`, value: js.jsGzip / 1024, unit: 'kB', ...(p.key === 'portal_home' ? { reference: { name: 'budget.portal_home_js', value: BUDGET / 1024 } } : {}) });
        emit({ name: `web.${p.key}.tti`, value: median(runs.map((r) => r.tti)), unit: 'ms', reference: ref });
      }
    } finally {
      await browser.close();
    }
  },
};
export default suite;
