import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Where the server under test listens (playwright.config.ts starts it; E2E_PORT moves it). */
export const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`;

/** The context options every page of these tests uses, for contexts made by hand (browser.newContext). */
export const CONTEXT_DEFAULTS = { baseURL: BASE_URL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

/** Phone and kiosk screen sizes used by the journeys, the accessibility checks and the screenshots. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
export const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true } as const;
export const KIOSK_TERMINAL = 'MH-KIOSK-001';

/**
 * Signs the browser context in as a demo account through the documented dev login (demo mode only); the session
 * cookies land in the context, so every page of it is signed in. The login endpoint is rate limited per IP
 * (30 a minute); a 429 waits out the window once instead of failing the run.
 */
export async function devLogin(request: APIRequestContext, login: string, enterpriseUscc?: string): Promise<void> {
  const body = enterpriseUscc ? { login, enterpriseUscc } : { login };
  let r = await request.post('/api/v1/auth/dev-login', { data: body });
  if (r.status() === 429) {
    const wait = Number(r.headers()['retry-after'] ?? 60);
    await new Promise((ok) => setTimeout(ok, Math.min(wait, 61) * 1000));
    r = await request.post('/api/v1/auth/dev-login', { data: body });
  }
  expect(r.status(), `dev login as ${login}: ${await r.text()}`).toBe(200);
}

/** A new context signed in as `login` and one page in it (the staff journeys open one per person). */
export async function signedInPage(browser: Browser, login: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
  await devLogin(context.request, login);
  return { context, page: await context.newPage() };
}

/** Reads JSON from the API with the context's session (cookie auth; GET needs no CSRF header). */
export async function apiGet<T>(request: APIRequestContext, url: string): Promise<T> {
  const r = await request.get(url);
  expect(r.ok(), `GET ${url}: ${r.status()} ${await r.text()}`).toBeTruthy();
  return (await r.json()) as T;
}

/**
 * The accessible name of an antd button as a pattern: antd puts a space between two Chinese characters in a
 * button ("受 理"), so `name('受理')` matches "受理" and "受 理" exactly, and nothing longer ("不予受理").
 */
export function name(text: string): RegExp {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${escaped.join('\\s*')}\\s*$`);
}
