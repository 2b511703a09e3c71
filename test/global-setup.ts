import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/server/platform/db/embedded.js';
import { createPlatform } from '../src/server/platform/boot.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the run: DATABASE_URL when given (CI proves Debian's server this way), otherwise a
 * fresh embedded server under .tmp. A template database is migrated and loaded with the demo district once;
 * each test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in parallel in isolation.
 */
export default async function setup(project: TestProject) {
  const dir = path.resolve(`.tmp/test-pg-${process.pid}`);
  let stop = async () => undefined as unknown;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres(dir, 55432);
    adminUrl = server.url('postgres');
    stop = server.stop;
  }
  const templateDb = `tongban_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const templateUrl = withDatabase(adminUrl, templateDb);
  const platform = await createPlatform({ databaseUrl: templateUrl, config: { demo: true, workers: false, logLevel: 'silent', dataDir: dir, storageDir: path.join(dir, 'storage') } });
  await platform.stop();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    // Drop what this run created, so a shared external server does not fill up.
    const dbs = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`tb_test_${process.pid}_%`, templateDb]);
    for (const r of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
