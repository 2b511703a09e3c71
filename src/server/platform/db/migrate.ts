import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

/**
 * Applies the plain-SQL files in migrations/ in name order, each in its own transaction, once.
 * An advisory lock lets several server copies start at the same time safely.
 */
export async function migrate(connectionString: string, log: (m: string) => void = () => undefined): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(20260001)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`COMMENT ON TABLE schema_migrations IS '已执行的数据库迁移 Applied SQL migrations'`);
    await client.query(`COMMENT ON COLUMN schema_migrations.name IS '迁移文件名 Migration file name'`);
    await client.query(`COMMENT ON COLUMN schema_migrations.applied_at IS '执行时间 When it was applied'`);
    const done = new Set((await client.query('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    let applied = 0;
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
      applied++;
      log(`migrated ${file}`);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(20260001)').catch(() => undefined);
    await client.end();
  }
}
