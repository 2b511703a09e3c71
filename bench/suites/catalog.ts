import autocannon from 'autocannon';
import { durationSeconds, percentile, type BenchSuite, type LoadResult } from '../lib.js';
import { publishedGuides, searchAnswers } from '../../src/server/modules/catalog/read-cache.js';

/**
 * Public catalogue reads under load — the guide page and the item search — against the plain static JSON endpoint
 * of the same server (GET /api/v1/ping), so the ratio shows what the catalogue costs over Fastify itself.
 * Each figure is measured twice: as served (with the catalogue's few-second read cache, the hot path of a popular
 * guide or query) and with the cache off (`*.uncached.*`: every request does the database work, the path of a
 * guide or query nobody asked for in the last seconds).
 * The shared development machine's load swings within seconds (ping alone measured 300 to 7 800 req/s in one run),
 * so ping and target run in alternating two-second rounds: each round's ratio compares like with like, and the
 * reported ratio is the median of the rounds' ratios; the values are the means over the rounds.
 */
const targets = [
  { name: 'catalog.guide', path: '/api/v1/catalog/items/food-business-licence' },
  { name: 'catalog.search', path: `/api/v1/catalog/search?q=${encodeURIComponent('食品')}` },
];
const caches = [publishedGuides, searchAnswers];

async function withCachesOff<T>(work: () => Promise<T>): Promise<T> {
  const saved = caches.map((c) => c.ttlMs);
  caches.forEach((c) => (c.ttlMs = 0));
  try {
    return await work();
  } finally {
    caches.forEach((c, i) => (c.ttlMs = saved[i]));
  }
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const ROUND_SECONDS = 2;

/**
 * One short load run (autocannon in a worker thread, as bench/lib.ts loadTest). Throughput is the responses received
 * over the run's length: autocannon's per-second average is unreliable over a run of two seconds.
 */
async function round(url: string): Promise<LoadResult> {
  const r = await autocannon({ url, connections: 20, duration: ROUND_SECONDS, workers: 1 });
  return { rps: (r['2xx'] + r.non2xx) / ROUND_SECONDS, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Alternating rounds of the reference and the target, BENCH_DURATION seconds of each (at least three rounds). */
async function pairedRounds(refUrl: string, url: string): Promise<{ ref: LoadResult[]; target: LoadResult[] }> {
  const ref: LoadResult[] = [];
  const target: LoadResult[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(durationSeconds() / ROUND_SECONDS)); i++) {
    ref.push(await round(refUrl));
    target.push(await round(url));
  }
  return { ref, target };
}

const suite: BenchSuite = {
  name: 'catalog',
  description: 'guide read and item search (cached and uncached): req/s, p50/p99 latency vs GET /api/v1/ping',
  async run({ platform, emit, note }) {
    const { baseUrl } = await platform();
    for (const t of targets) {
      const probe = await fetch(baseUrl + t.path);
      if (probe.status !== 200) {
        note(`${t.name}: ${t.path} answered ${probe.status}, skipped`);
        continue;
      }
      for (const uncached of [false, true]) {
        const name = uncached ? `${t.name}.uncached` : t.name;
        const rounds = uncached ? await withCachesOff(() => pairedRounds(`${baseUrl}/api/v1/ping`, baseUrl + t.path)) : await pairedRounds(`${baseUrl}/api/v1/ping`, baseUrl + t.path);
        const failed = rounds.target.reduce((n, r) => n + r.errors + r.non2xx, 0);
        if (failed) note(`${name}: ${failed} errors or non-2xx responses during the run`);
        const figure = (label: string, unit: string, pick: (r: LoadResult) => number) => {
          const ratios = rounds.target.map((r, i) => pick(r) / pick(rounds.ref[i])).filter(Number.isFinite);
          emit({
            name: `${name}.${label}`, value: mean(rounds.target.map(pick)), unit, reference: { name: `ping.${label}`, value: mean(rounds.ref.map(pick)) },
            ratio: Math.round(median(ratios) * 1000) / 1000,
          });
        };
        figure('throughput', 'req/s', (r) => r.rps);
        // For latency a lower value is better: the ratio is still value / reference (how many times slower).
        figure('p50', 'ms', (r) => r.p50);
        figure('p99', 'ms', (r) => r.p99);
      }
    }
  },
};
export default suite;
