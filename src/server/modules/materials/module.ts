import type { TongbanModule } from '../../platform/http/module.js';
import { materialsRoutes } from './routes.js';
import { storageFromConfig, useStorage } from './storage/index.js';

const materials: TongbanModule = {
  name: 'materials',
  routes: materialsRoutes,
  async start(ctx) {
    const storage = storageFromConfig(ctx.config);
    useStorage(storage);
    ctx.log(`materials storage: ${storage.kind}`);
  },
};
export default materials;
