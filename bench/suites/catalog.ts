import { loadTest, type BenchSuite } from '../lib.js';

/**
 * Public catalogue reads under load — the guide page and the item search — against the plain static JSON endpoint
 * of the same server (GET /api/v1/ping), so the ratio shows what the catalogue costs over Fastify itself.
 */
const targets = [
  { name: 'catalog.guide', path: '/api/v1/catalog/items/food-business-licence' },
  { name: 'catalog.search', path: `/api/v1/catalog/search?q=${encodeURIComponent('食品')}` },
];

const suite: BenchSuite = {
  name: 'catalog',
  description: 'guide read and item search: req/s, p50/p99 latency vs GET /api/v1/ping',
  async run({ platform, emit, note }) {
    const { baseUrl } = await platform();
    const ref = await loadTest(`${baseUrl}/api/v1/ping`);
    for (const t of targets) {
      const probe = await fetch(baseUrl + t.path);
      if (probe.status !== 200) {
        note(`${t.name}: ${t.path} answered ${probe.status}, skipped`);
        continue;
      }
      const r = await loadTest(baseUrl + t.path);
      if (r.errors || r.non2xx) note(`${t.name}: ${r.errors} errors, ${r.non2xx} non-2xx responses during the run`);
      emit({ name: `${t.name}.throughput`, value: r.rps, unit: 'req/s', reference: { name: 'ping.throughput', value: ref.rps } });
      // For latency a lower value is better: the ratio is still value / reference (how many times slower).
      emit({ name: `${t.name}.p50`, value: r.p50, unit: 'ms', reference: { name: 'ping.p50', value: ref.p50 } });
      emit({ name: `${t.name}.p99`, value: r.p99, unit: 'ms', reference: { name: 'ping.p99', value: ref.p99 } });
    }
  },
};
export default suite;
