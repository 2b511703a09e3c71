import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { Browser } from './browser.js';

/**
 * A separate oidc-provider instance plays the city's unified identity (市统一身份认证). Its "login page" signs in
 * whichever citizen the test chose, as the real one would after its own checks.
 */
const citizens: Record<string, Record<string, string>> = {
  'city-wangfang': { sub: 'city-wangfang', id_card: '310104197809210025', name: '王芳', phone_number: '+86 13761620003' },
  'city-newcomer': { sub: 'city-newcomer', id_card: '11010519491231002X', name: '赵新', phone_number: '13600000077' },
  'city-staff': { sub: 'city-staff', preferred_username: 'scj.approver', name: '市场监管审批' },
  'city-unknown': { sub: 'city-unknown', name: '无名' },
};
let nextCitizen = 'city-wangfang';
let t: TestPlatform;
let server: http.Server;
let issuer: string;

function cityProvider(redirectUri: string) {
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'tongban-mh', client_secret: 'city-issued-secret', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    cookies: { keys: ['city-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'id_card'], phone: ['phone_number'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    findAccount: async (_ctx, sub) => (citizens[sub] ? { accountId: sub, claims: async () => citizens[sub] } : undefined),
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope));
      await grant.save();
      return grant;
    },
  });
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url!.startsWith('/interaction/')) return provider.callback()(req, res);
    const returnTo = await provider.interactionResult(req, res, { login: { accountId: nextCitizen } });
    res.writeHead(303, { location: returnTo }).end();
  };
}

beforeAll(async () => {
  let handle: ((req: IncomingMessage, res: ServerResponse) => unknown) | null = null;
  server = http.createServer((req, res) => (handle ? handle(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestPlatform({ listen: true, config: { oidcIssuer: issuer, oidcClientId: 'tongban-mh', oidcClientSecret: 'city-issued-secret' } });
  handle = cityProvider(`${t.config.publicUrl}/api/v1/auth/callback`);
});
afterAll(async () => {
  await t.close();
  server.close();
});

/** Logs in through the city provider as `citizen`; stops at the web app's page after the callback. */
async function loginThroughCity(citizen: string, returnTo = '/my') {
  nextCitizen = citizen;
  const b = new Browser();
  const done = await b.follow(`${t.config.publicUrl}/api/v1/auth/login?returnTo=${returnTo}`, {}, (next) => next.origin === t.config.publicUrl && next.pathname === returnTo);
  return { b, done };
}

describe('OpenID Connect through an external provider (OIDC_ISSUER)', () => {
  it('logs a resident in through the city provider, matched by the id_card claim', async () => {
    const { b, done } = await loginThroughCity('city-wangfang');
    expect(done.chain.some((u) => u.startsWith(`${issuer}/auth?`))).toBe(true);
    expect(done.next?.pathname).toBe('/my');
    const me = await (await b.fetch(`${t.config.publicUrl}/api/v1/me`)).json();
    expect(me).toMatchObject({ login: 'wangfang', name: '王芳', kind: 'person' });
  });

  it('registers a resident verified by the city provider but new to the district on first login', async () => {
    const { b, done } = await loginThroughCity('city-newcomer');
    expect(done.next?.pathname).toBe('/my');
    const me = await (await b.fetch(`${t.config.publicUrl}/api/v1/me`)).json();
    expect(me).toMatchObject({ kind: 'person', name: '赵新', idCard: '11010519491231002X', phone: '13600000077' });
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', me.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['identity.person_registered', 'identity.login']));
  });

  it('maps preferred_username to an existing staff account', async () => {
    const { b } = await loginThroughCity('city-staff', '/workbench');
    const me = await (await b.fetch(`${t.config.publicUrl}/api/v1/me`)).json();
    expect(me).toMatchObject({ login: 'scj.approver', kind: 'staff' });
  });

  it('refuses a subject it cannot match to an account', async () => {
    const { done } = await loginThroughCity('city-unknown');
    expect(done.next).toBeNull();
    expect(done.res.status).toBe(401);
    expect(done.res.headers.get('x-error-code')).toBe('UNKNOWN_ACCOUNT');
  });

  it('does not mount the built-in provider when an external issuer is configured', async () => {
    // GET of an unknown path may be answered by the web app's index page, so look at what comes back.
    const discovery = await fetch(`${t.config.publicUrl}/oidc/.well-known/openid-configuration`);
    expect(await discovery.text()).not.toContain('"issuer"');
    const token = await fetch(`${t.config.publicUrl}/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code' });
    expect(token.status).toBe(404);
    expect((await token.json()).code).toBe('ROUTE_NOT_FOUND');
  });
});
