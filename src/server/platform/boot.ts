import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { loadModules } from '../modules/index.js';
import { createDb, type Db } from './db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { sealAuditChain } from './audit/audit.js';
import { definePeriodic, startWorker } from './jobs/worker.js';
import { buildApp } from './http/app.js';
import type { AppContext } from './http/module.js';

export interface Platform {
  app: FastifyInstance;
  db: Db;
  ctx: AppContext;
  config: Config;
  stop: () => Promise<void>;
}

/** Resolves the database: DATABASE_URL if set, else the embedded server under the data folder. */
export async function resolveDatabase(config: Config, log: (m: string) => void) {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  log(`starting embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}`);
  const server = await startEmbeddedPostgres(config.dataDir, 54329 + (config.port % 1000));
  await ensureDatabase(server.url('postgres'), 'tongban');
  return { url: server.url('tongban'), stop: server.stop };
}

/** Wires config, database, modules, demo data, HTTP and workers together. Used by main.ts and by tests. */
export async function createPlatform(opts: { config?: Partial<Config>; databaseUrl?: string; skipMigrate?: boolean } = {}): Promise<Platform> {
  const config = { ...loadConfig(), ...opts.config };
  const log = (m: string) => (config.logLevel === 'silent' ? undefined : console.log(`[tongban] ${m}`));
  const database = opts.databaseUrl ? { url: opts.databaseUrl, stop: async () => undefined } : await resolveDatabase(config, log);
  if (!opts.skipMigrate) await migrate(database.url, log);
  const { db } = createDb(database.url, 20);
  const ctx: AppContext = { db, config, log };
  const modules = await loadModules();
  for (const m of modules) await m.start?.(ctx);
  if (config.demo && !opts.skipMigrate) {
    for (const m of modules) await m.loadDemo?.(ctx);
  }
  definePeriodic({ name: 'audit-seal', everyMs: 2000, run: (d) => sealAuditChain(d) });
  const app = await buildApp(ctx, modules);
  let stopWorker: (() => Promise<void>) | null = null;
  if (config.workers) stopWorker = startWorker(db, log);
  return {
    app,
    db,
    ctx,
    config,
    stop: async () => {
      await stopWorker?.();
      await app.close();
      await db.destroy();
      await database.stop();
    },
  };
}
