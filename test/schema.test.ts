import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from './harness.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

// The data dictionary (npm run docs:db) is generated from COMMENTs, so a missing one is a hole in the operators' docs.
describe('database documentation', () => {
  it('every table has a COMMENT', async () => {
    const r = await sql<{ table: string }>`
      SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND obj_description(c.oid, 'pg_class') IS NULL`.execute(t.db);
    expect(r.rows.map((x) => x.table)).toEqual([]);
  });

  it('every column has a COMMENT', async () => {
    const r = await sql<{ col: string }>`
      SELECT c.relname || '.' || a.attname AS col
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped
        AND col_description(c.oid, a.attnum) IS NULL`.execute(t.db);
    expect(r.rows.map((x) => x.col)).toEqual([]);
  });
});
