import type { TongbanModule } from '../../platform/http/module.js';
import { identityRoutes } from './routes.js';
import { actorForToken } from './sessions.js';
import { loadIdentityDemo } from './demo.js';

const identity: TongbanModule = {
  name: 'identity',
  routes: identityRoutes,
  async authenticate(request, ctx) {
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
};
export default identity;
