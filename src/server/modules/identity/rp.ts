import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { AppContext } from '../../platform/http/module.js';
import { AppError } from '../../platform/errors/app-error.js';
import { sha256Hex } from '../../platform/crypto/digest.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as oidcRepo from './repository-oidc.js';
import { openSession } from './sessions.js';
import { builtInClientSecret } from './oidc/secrets.js';
import { CALLBACK_PATH, OIDC_PATH, OIDC_SCOPE } from './oidc/provider.js';
import { userActor, userForClaims } from './claims.js';
import type { LoginContext } from './service.js';

const LOGIN_TTL_MS = 10 * 60_000;

/** True when the web app logs in through the built-in provider (no OIDC_ISSUER configured). */
export const usesBuiltInProvider = (ctx: AppContext) => !ctx.config.oidcIssuer;

let cached: { key: string; config: Promise<client.Configuration> } | null = null;

/**
 * The relying party's view of the provider, from its discovery document (cached per process). Plain http is allowed
 * only for an http issuer, i.e. a local or test set-up; production issuers are https.
 */
export function relyingParty(ctx: AppContext): Promise<client.Configuration> {
  const issuer = ctx.config.oidcIssuer ?? `${ctx.config.publicUrl}${OIDC_PATH}`;
  const key = `${issuer}|${ctx.config.oidcClientId}|${ctx.config.publicUrl}`;
  if (cached?.key !== key) {
    const config = discover(ctx, issuer);
    cached = { key, config };
    config.catch(() => (cached = null));
  }
  return cached.config;
}

async function discover(ctx: AppContext, issuer: string) {
  const secret = usesBuiltInProvider(ctx) ? await builtInClientSecret(ctx.db) : ctx.config.oidcClientSecret;
  const auth = secret ? client.ClientSecretBasic(secret) : client.None();
  const insecure = issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined;
  try {
    return await client.discovery(new URL(issuer), ctx.config.oidcClientId, undefined, auth, insecure);
  } catch (err) {
    throw new AppError('SERVICE_UNAVAILABLE', { detail: `统一身份认证服务暂不可用：${(err as Error).message}` });
  }
}

/** Only same-origin relative paths: "/x" but not "//evil.example" or "/\evil.example" (open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\\]/.test(value)) return '/';
  return value.slice(0, 500);
}

/**
 * Starts an authorisation-code login with PKCE: the state, nonce and verifier stay on the server, keyed by a random
 * id that only this browser holds (cookie), so a callback from another browser or a replay finds nothing.
 */
export async function startLogin(ctx: AppContext, opts: { returnTo?: string; kind?: 'staff' | 'person' }) {
  const config = await relyingParty(ctx);
  const loginId = randomBytes(24).toString('base64url');
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await oidcRepo.deleteExpiredOidcState(ctx.db);
  await oidcRepo.insertLoginState(ctx.db, {
    id_hash: sha256Hex(loginId),
    state,
    nonce,
    code_verifier: codeVerifier,
    return_to: safeReturnTo(opts.returnTo),
    expires_at: new Date(Date.now() + LOGIN_TTL_MS),
  });
  const params: Record<string, string> = {
    redirect_uri: `${ctx.config.publicUrl}${CALLBACK_PATH}`,
    scope: OIDC_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  // The built-in provider is Tongban's own: every visit logs in afresh (shared hall computers), and it can show
  // the requested form first. An external provider keeps its single sign-on and ignores nothing it does not know.
  if (usesBuiltInProvider(ctx)) Object.assign(params, { prompt: 'login', ...(opts.kind ? { login_kind: opts.kind } : {}) });
  return { loginId, url: client.buildAuthorizationUrl(config, params).href, maxAgeSeconds: LOGIN_TTL_MS / 1000 };
}

/** Finishes a login at the callback: code for tokens, ID token and userinfo to a local user, a new session. */
export async function finishLogin(ctx: AppContext, opts: { loginId?: string; callbackUrl: string } & LoginContext) {
  const pending = opts.loginId ? await oidcRepo.takeLoginState(ctx.db, sha256Hex(opts.loginId)) : undefined;
  if (!pending) throw new AppError('OIDC_LOGIN_EXPIRED');
  const returned = new URL(opts.callbackUrl);
  if (returned.searchParams.get('error') === 'access_denied') return { cancelled: true as const, returnTo: pending.return_to };
  const config = await relyingParty(ctx);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, returned, { pkceCodeVerifier: pending.code_verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idClaims = tokens.claims()!;
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...idClaims, ...userinfo };
  } catch (err) {
    throw new AppError('OIDC_LOGIN_FAILED', { detail: `统一身份认证登录失败：${(err as Error).message}` });
  }
  const user = await userForClaims(ctx.db, claims, { builtIn: usesBuiltInProvider(ctx), ip: opts.ip });
  const session = await ctx.db.transaction().execute(async (tx) => {
    const s = await openSession(tx, { userId: user.id, method: 'oidc', ip: opts.ip, userAgent: opts.userAgent });
    await recordAudit(tx, userActor(user), { action: 'identity.login', targetType: 'user', targetId: user.id, detail: { method: 'oidc', issuer: String(claims.iss ?? '') }, ip: opts.ip });
    return s;
  });
  return { cancelled: false as const, returnTo: pending.return_to, session };
}

/** Where the browser goes after logout to end an external provider's single sign-on too (null for the built-in). */
export async function providerLogoutUrl(ctx: AppContext): Promise<string | null> {
  if (usesBuiltInProvider(ctx)) return null;
  const config = await relyingParty(ctx).catch(() => null);
  if (!config?.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, { client_id: ctx.config.oidcClientId, post_logout_redirect_uri: `${ctx.config.publicUrl}/` }).href;
}
