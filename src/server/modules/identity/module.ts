import type { FastifyPluginAsync } from 'fastify';
import type { TongbanModule } from '../../platform/http/module.js';
import { definePeriodic } from '../../platform/jobs/worker.js';
import { identityRoutes } from './routes.js';
import { identityAdminRoutes } from './routes-admin.js';
import { enterpriseRoutes } from './routes-enterprise.js';
import { actorForToken } from './sessions.js';
import { loadIdentityDemo } from './demo.js';
import { oidcMount } from './oidc/mount.js';
import { interactionRoutes } from './oidc/interactions.js';
import { OIDC_PATH } from './oidc/provider.js';
import { deleteExpiredOidcState } from './repository-oidc.js';

/**
 * The module's HTTP surface. The platform registers module routes under /api/v1; the built-in OpenID provider must
 * live at /oidc (its issuer URL), so this plugin opts out of encapsulation (like fastify-plugin, whose registration
 * ignores the prefix) and registers its own children with explicit prefixes.
 */
const routes: FastifyPluginAsync = async (app) => {
  await app.register(identityRoutes, { prefix: '/api/v1' });
  await app.register(identityAdminRoutes, { prefix: '/api/v1' });
  await app.register(enterpriseRoutes, { prefix: '/api/v1' });
  // With OIDC_ISSUER set, the city's provider replaces the built-in one, which is then not mounted at all.
  if (!app.ctx.config.oidcIssuer) {
    await app.register(interactionRoutes, { prefix: `${OIDC_PATH}/interaction` });
    await app.register(oidcMount, { prefix: OIDC_PATH });
  }
};
(routes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

const identity: TongbanModule = {
  name: 'identity',
  routes: routes as never,
  async authenticate(request, ctx) {
    // The provider's own endpoints and login pages do not use platform sessions (nor their CSRF rule): they are
    // protected by the protocol (state, PKCE) and by the provider's interaction cookie.
    // Decided by the matched route (not the raw URL), so no path trick reaches an API route without authentication.
    if (request.routeOptions.url?.startsWith(`${OIDC_PATH}/`)) return null;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await actorForToken(ctx.db, header.slice(7).trim());
      return actor ? { actor, via: 'bearer' } : null;
    }
    const cookie = request.cookies?.tb_session;
    if (cookie) {
      const actor = await actorForToken(ctx.db, cookie);
      return actor ? { actor, via: 'cookie' } : null;
    }
    return null;
  },
  loadDemo: loadIdentityDemo,
  async start() {
    definePeriodic({ name: 'identity-expired-login-state', everyMs: 10 * 60_000, run: deleteExpiredOidcState });
  },
};
export default identity;
