import type { TongbanModule } from '../../platform/http/module.js';
import { exchangeRoutes } from './routes.js';
import { wireExchange } from './events.js';
import { clientFromEnv, useCityPlatformClient } from './client.js';

// Subscriptions are registered at load so that events published by any module reach the exchange.
wireExchange();

const exchange: TongbanModule = {
  name: 'exchange',
  routes: exchangeRoutes,
  async start(ctx) {
    const client = clientFromEnv();
    useCityPlatformClient(client);
    ctx.log(`exchange: pushing to ${client.name === 'http' ? process.env.CITY_EXCHANGE_URL : 'the local recorder (offline demo)'}`);
  },
};
export default exchange;
