import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { percentile } from '../lib.js';
import type { Platform } from '../../src/server/platform/boot.js';

/** Debian's pgbench (postgresql package), or PGBENCH. */
export const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
export const hasPgbench = () => existsSync(PGBENCH);

/** The connection URL of the platform's database: DATABASE_URL, or the embedded server under the data folder. */
export async function databaseUrl(p: Platform): Promise<string> {
  if (p.config.databaseUrl) return p.config.databaseUrl;
  const password = readFileSync(path.join(p.config.dataDir, 'pg-password'), 'utf8').trim();
  const r = await sql<{ port: number; db: string }>`SELECT inet_server_port() AS port, current_database() AS db`.execute(p.db);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${r.rows[0].port}/${r.rows[0].db}`;
}

export interface PgbenchResult { tps: number; p50: number; p99: number; transactions: number; failed: number }

/**
 * Runs a custom script with pgbench for `seconds` (optionally at a fixed `rate` of transactions per second) and
 * reads the per-transaction log for the latency percentiles (ms, including schedule lag at a fixed rate).
 */
export async function runPgbench(url: string, script: string, workDir: string, o: { clients: number; seconds: number; rate?: number }): Promise<PgbenchResult> {
  const logDir = path.join(workDir, `pgbench-log-${o.clients}-${o.rate ?? 0}`);
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const args = ['-n', '-f', script, '-c', String(o.clients), '-j', String(Math.min(o.clients, 2)), '-T', String(o.seconds), '-l', `--log-prefix=${path.join(logDir, 'tx')}`];
  if (o.rate) args.push('-R', String(o.rate));
  args.push(url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(PGBENCH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}: ${text.slice(-2000)}`))));
  });
  const latencies: number[] = [];
  let failed = 0;
  for (const f of readdirSync(logDir)) {
    for (const line of readFileSync(path.join(logDir, f), 'utf8').split('\n')) {
      const parts = line.trim().split(/\s+/);
      if (parts.length < 6) continue;
      if (parts[2] === 'failed' || parts[2] === 'skipped') failed++;
      else latencies.push(Number(parts[2]) / 1000);
    }
  }
  rmSync(logDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  return { tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions: latencies.length, failed };
}
