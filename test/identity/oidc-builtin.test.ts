import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { DEMO_STAFF_PASSWORD } from '../../src/server/demo/accounts.js';
import { Browser, formActions } from './browser.js';

let t: TestPlatform;
let base: string;
beforeAll(async () => {
  t = await createTestPlatform({ listen: true });
  base = t.config.publicUrl;
});
afterAll(() => t.close());

/** Starts a login in the web app and follows it to the built-in provider's login page. */
async function openLoginPage(b: Browser, kind: 'staff' | 'person', returnTo = '/workbench') {
  const { res, url } = await b.follow(`${base}/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}&kind=${kind}`);
  expect(res.status).toBe(200);
  expect(url).toMatch(/\/oidc\/interaction\/[\w-]+$/);
  return { html: await res.text(), url };
}

/** Posts a form and follows the protocol back to the web app, stopping before the web app's page itself. */
const submit = (b: Browser, action: string, form: Record<string, string>, returnTo: string) =>
  b.follow(`${base}${action}`, { form }, (next) => next.origin === base && next.pathname === returnTo);

describe('OpenID Connect through the built-in provider', () => {
  it('a staff member logs in with password over the real protocol and gets a cookie session for themselves', async () => {
    const b = new Browser();
    const { html } = await openLoginPage(b, 'staff');
    expect(html).toContain('<label for="password">');
    const action = formActions(html).find((a) => a.endsWith('/password'))!;
    const done = await submit(b, action, { login: 'scj.reviewer', password: DEMO_STAFF_PASSWORD }, '/workbench');
    expect(done.next?.pathname).toBe('/workbench');
    expect(done.chain.some((u) => u.includes('/api/v1/auth/callback?code='))).toBe(true);
    const me = await b.fetch(`${base}/api/v1/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ authenticated: true, login: 'scj.reviewer', kind: 'staff', roles: [{ role: 'reviewer', agencyId: 'mh-scjgj' }] });
    const session = await t.db.selectFrom('sessions').select('method').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(session.method).toBe('oidc');
  });

  it('a resident logs in with a phone code sent through the notification outbox (printed in demo mode)', async () => {
    const b = new Browser();
    const { html } = await openLoginPage(b, 'person', '/my');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const sent = await b.fetch(`${base}${formActions(html).find((a) => a.endsWith('/otp/send'))}`, { form: { phone: '13816620001' } });
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    const page = await sent.text();
    expect(sent.status, page).toBe(200);
    expect(page, page).not.toContain('class="alert"');
    const code = printed.match(/login code for 138\*\*\*\*0001: (\d{6})/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    // The code went into the notification outbox as an essential SMS to that phone.
    const sms = await sql<{ phone: string; channel: string; essential: boolean }>`SELECT phone, channel, essential FROM messages WHERE template_key = 'identity.otp'`.execute(t.db);
    expect(sms.rows).toEqual([{ phone: '13816620001', channel: 'sms', essential: true }]);
    const done = await submit(b, formActions(page).find((a) => a.endsWith('/otp/verify'))!, { phone: '13816620001', code: code! }, '/my');
    expect(done.next?.pathname).toBe('/my');
    expect(await (await b.fetch(`${base}/api/v1/me`)).json()).toMatchObject({ login: 'zhangwei', name: '张伟' });
  });

  it('returns only to same-origin paths after login', async () => {
    const b = new Browser();
    const { html } = await openLoginPage(b, 'staff', '//evil.example/x');
    const done = await submit(b, formActions(html).find((a) => a.endsWith('/password'))!, { login: 'clerk.zhou', password: DEMO_STAFF_PASSWORD }, '/');
    expect(done.next?.href).toBe(`${base}/`);
  });

  it('refuses a callback replayed or from a browser that did not start the login', async () => {
    const b = new Browser();
    const { html } = await openLoginPage(b, 'staff');
    const done = await b.follow(`${base}${formActions(html).find((a) => a.endsWith('/password'))}`, { form: { login: 'clerk.zhou', password: DEMO_STAFF_PASSWORD } }, (next) => next.pathname === '/api/v1/auth/callback');
    const callback = done.next!.href;
    const stranger = await new Browser().fetch(callback);
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get('x-error-code')).toBe('OIDC_LOGIN_EXPIRED');
  });

  it('publishes a discovery document with the issuer under /oidc and S256 PKCE', async () => {
    const res = await fetch(`${base}/oidc/.well-known/openid-configuration`);
    const doc = await res.json();
    expect(doc.issuer).toBe(`${base}/oidc`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.token_endpoint).toBe(`${base}/oidc/token`);
  });
});
