import type { TongbanModule } from '../../platform/http/module.js';
import { subscribe } from '../../platform/jobs/events.js';
import { catalogAdminRoutes } from './routes-admin.js';
import { catalogPublicRoutes } from './routes-public.js';
import { loadCatalogDemo } from './demo.js';
import { countDemand, isUuid } from './repository.js';

/**
 * 事项库 / 办事指南 (M1). Owns items, their versions, materials, forms, channel publication, halls, windows and kiosks.
 * Other modules read items only through service-contract.ts.
 */

// Search ranks items people actually apply for a little higher: each submitted case counts once.
subscribe('case.submitted', 'catalog-popularity', async (payload: { itemId?: string; caseId?: string }, { db }) => {
  if (payload.itemId && payload.caseId && isUuid(payload.itemId) && isUuid(payload.caseId)) await countDemand(db, payload.itemId, payload.caseId);
});

const catalog: TongbanModule = {
  name: 'catalog',
  routes: async (app, opts) => {
    await catalogPublicRoutes(app, opts);
    await catalogAdminRoutes(app, opts);
  },
  loadDemo: loadCatalogDemo,
};
export default catalog;
