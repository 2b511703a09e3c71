import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { createPlatform, type Platform } from '../src/server/platform/boot.js';

/** One line of `npm run bench` output. `ratio` = value / reference.value, both measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  ratio?: number;
}

export function emit(r: BenchResult): void {
  const out: BenchResult = { ...r, value: round(r.value) };
  if (r.reference) {
    out.reference = { name: r.reference.name, value: round(r.reference.value) };
    if (r.ratio === undefined && r.reference.value !== 0) out.ratio = round(r.value / r.reference.value, 3);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** Progress and skips go to stderr so stdout stays pure JSON lines. */
export const note = (m: string) => process.stderr.write(`[bench] ${m}\n`);

export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const durationSeconds = () => Number(process.env.BENCH_DURATION ?? 5);

export interface LoadResult { rps: number; p50: number; p99: number; errors: number; non2xx: number }

/**
 * Drives an HTTP endpoint with autocannon (keep-alive connections, fixed duration). The load generator runs in a
 * worker thread: on the server's own event loop it would steal the time it is measuring.
 */
export async function loadTest(url: string, opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  const r = await autocannon({ url, connections: opts.connections ?? 20, duration: opts.seconds ?? durationSeconds(), headers: opts.headers, workers: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Runs fn repeatedly for about `ms` and returns calls per second (after a short warm-up). */
export async function opsPerSecond(fn: () => unknown, ms = 2000): Promise<number> {
  const warmUntil = performance.now() + Math.min(300, ms / 5);
  while (performance.now() < warmUntil) await fn();
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await fn();
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

export interface BenchPlatform {
  platform: Platform;
  baseUrl: string;
}

/**
 * A platform of its own for the run: an embedded PostgreSQL under .tmp/bench-<pid> (or DATABASE_URL) with the
 * demo district, listening on a free local port, background workers off so they do not disturb the figures.
 */
export async function startBenchPlatform(): Promise<BenchPlatform & { stop: () => Promise<void> }> {
  const dir = path.resolve(`.tmp/bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const platform = await createPlatform({
    config: { dataDir: dir, storageDir: path.join(dir, 'storage'), demo: true, workers: false, logLevel: 'silent' },
  });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address() as import('node:net').AddressInfo;
  return {
    platform,
    baseUrl: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await platform.stop();
      if (!process.env.DATABASE_URL) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a suite gets: the shared platform (started on first use) and the emitter. */
export interface BenchContext {
  platform(): Promise<BenchPlatform>;
  emit: typeof emit;
  note: typeof note;
}

/** A suite is one file in bench/suites/ whose default export is this. */
export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}
