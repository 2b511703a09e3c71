import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../../../platform/http/module.js';
import type { Db } from '../../../platform/db/database.js';
import * as repo from '../repository.js';
import { postgresAdapter } from './adapter.js';
import { builtInClientSecret, cookieKeys, signingJwk } from './secrets.js';
import { errorPage } from './pages.js';

export const OIDC_PATH = '/oidc';
export const CALLBACK_PATH = '/api/v1/auth/callback';

/** Scopes and the claims they release; `sub` is users.login, so the relying party maps it back without a lookup table. */
export const OIDC_SCOPE = 'openid profile phone';

let cached: { publicUrl: string; provider: Promise<Provider> } | null = null;

/**
 * The built-in provider, created on first use so that the public URL (known only once the server listens, in tests)
 * is read late; one per public URL and process.
 */
export function builtInProvider(ctx: AppContext): Promise<Provider> {
  if (cached?.publicUrl !== ctx.config.publicUrl) {
    const provider = createProvider(ctx);
    cached = { publicUrl: ctx.config.publicUrl, provider };
    provider.catch(() => (cached = null));
  }
  return cached.provider;
}

async function createProvider({ db, config }: AppContext): Promise<Provider> {
  const provider = new Provider(`${config.publicUrl}${OIDC_PATH}`, {
    adapter: postgresAdapter(db),
    clients: [
      {
        client_id: config.oidcClientId,
        client_secret: await builtInClientSecret(db),
        redirect_uris: [`${config.publicUrl}${CALLBACK_PATH}`],
        post_logout_redirect_uris: [`${config.publicUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [(await signingJwk(db)) as never] },
    cookies: { keys: await cookieKeys(db) },
    scopes: ['openid', 'profile', 'phone'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], phone: ['phone_number'] },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    // Which login form to show first: 工作人员 (password) or 个人/法人 (phone code).
    extraParams: ['login_kind'],
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => findAccount(db, sub),
    loadExistingGrant: firstPartyGrant,
    ttl: { Session: 12 * 3600, Interaction: 3600, Grant: 12 * 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error_description ?? out.error ?? '登录请求无效'));
    },
  });
  provider.proxy = Boolean(config.trustProxy);
  return provider;
}

/** The account behind a subject: only active users; claims per scope are filtered by the provider. */
async function findAccount(db: Db, sub: string) {
  const user = await repo.findUserByLogin(db, sub);
  if (!user || !user.active) return undefined;
  return {
    accountId: user.login,
    claims: async () => ({ sub: user.login, name: user.name, preferred_username: user.login, phone_number: user.phone ?? undefined }),
  };
}

/**
 * Tongban's web app is the provider's only, first-party client: the person has already chosen to log in to it, so
 * consent is implied (no consent screen) and granted for the requested OIDC scopes.
 */
async function firstPartyGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
  if (grantId) return oidc.provider.Grant.find(grantId);
  const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
  grant.addOIDCScope(String(oidc.params?.scope ?? 'openid'));
  await grant.save();
  return grant;
}
