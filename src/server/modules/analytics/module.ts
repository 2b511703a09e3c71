import type { TongbanModule } from '../../platform/http/module.js';
import { analyticsRoutes } from './routes.js';

/** Indicators (M25) computed from the live data of the ratings and work-order modules through their contracts. */
const analytics: TongbanModule = { name: 'analytics', routes: analyticsRoutes };
export default analytics;
