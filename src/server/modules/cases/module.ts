import type { TongbanModule } from '../../platform/http/module.js';
import { loadProcessFiles } from './engine/loader.js';
import { casesRoutes } from './routes.js';
import { defineCaseJobs } from './timers.js';

const cases: TongbanModule = {
  name: 'cases',
  routes: casesRoutes,
  async start(ctx) {
    defineCaseJobs();
    // Process definitions are configuration: every start stores changed files as new versions (running cases keep theirs).
    await loadProcessFiles(ctx.db);
  },
  async loadDemo(ctx) {
    await loadProcessFiles(ctx.db);
  },
};
export default cases;
