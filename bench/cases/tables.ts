import { sql } from 'kysely';
import type { Db } from '../../src/server/platform/db/database.js';

/**
 * Row templates for the cases benchmarks. The rows one real submission wrote are copied into `bench_tpl_<table>`;
 * scratch tables `bench_<table>` are created `LIKE <table> INCLUDING ALL` (same columns, defaults, checks and
 * indexes, no foreign keys), so the pgbench reference inserts the same rows into equally indexed tables.
 */
export const WRITTEN_TABLES = ['case_counters', 'cases', 'case_materials', 'case_steps', 'audit_events', 'jobs', 'messages', 'material_upload_links'] as const;
export type WrittenTable = (typeof WRITTEN_TABLES)[number];

export interface Column { name: string; hasDefault: boolean; type: string }

export async function columnsOf(db: Db, table: string): Promise<Column[]> {
  const r = await sql<{ column_name: string; column_default: string | null; data_type: string; is_identity: string }>`
    SELECT column_name, column_default, data_type, is_identity FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
  return r.rows.map((c) => ({ name: c.column_name, hasDefault: c.column_default !== null || c.is_identity === 'YES', type: c.data_type }));
}

/** Where the rows of one submitted case live, per table. */
function rowsOfCase(table: WrittenTable, caseId: string, caseNo: string) {
  switch (table) {
    case 'case_counters': return sql`region_code = ${caseNo.slice(0, 6)} AND day = ${`${caseNo.slice(7, 11)}-${caseNo.slice(11, 13)}-${caseNo.slice(13, 15)}`}::date`;
    case 'cases': return sql`id = ${caseId}`;
    case 'audit_events': return sql`target_id = ${caseId}`;
    case 'jobs': return sql`(payload->>'caseId' = ${caseId} OR dedupe_key LIKE ${`%${caseId}%`} OR payload::text LIKE ${`%${caseId}%`})`;
    case 'messages': return sql`dedupe_key LIKE ${`%${caseId}%`}`;
    default: return sql`case_id = ${caseId}`;
  }
}

/** Copies what one submission wrote into templates and (re)creates the empty scratch tables. Returns row counts. */
export async function captureSubmission(db: Db, caseId: string, caseNo: string): Promise<Record<WrittenTable, number>> {
  const counts = {} as Record<WrittenTable, number>;
  for (const table of WRITTEN_TABLES) {
    await sql`DROP TABLE IF EXISTS ${sql.id(`bench_${table}`)}, ${sql.id(`bench_tpl_${table}`)}`.execute(db);
    await sql`CREATE UNLOGGED TABLE ${sql.id(`bench_tpl_${table}`)} AS SELECT * FROM ${sql.id(table)} WHERE ${rowsOfCase(table, caseId, caseNo)}`.execute(db);
    // Logged like the real tables: the reference pays the same WAL and fsync at commit.
    await sql`CREATE TABLE ${sql.id(`bench_${table}`)} (LIKE ${sql.id(table)} INCLUDING ALL)`.execute(db);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(`bench_tpl_${table}`)}`.execute(db);
    counts[table] = n.rows[0].n;
  }
  return counts;
}

export async function dropScratch(db: Db) {
  for (const table of WRITTEN_TABLES) await sql`DROP TABLE IF EXISTS ${sql.id(`bench_${table}`)}, ${sql.id(`bench_tpl_${table}`)}`.execute(db);
}

/**
 * The select list that copies template rows with fresh identities: generated ids are left to their defaults,
 * references to the case take the id of this transaction's case, unique keys get it appended.
 */
export function copyList(cols: Column[], overrides: Record<string, string>): { names: string; values: string } {
  const kept = cols.filter((c) => overrides[c.name] !== undefined || !(c.name === 'id' && c.hasDefault));
  return { names: kept.map((c) => `"${c.name}"`).join(', '), values: kept.map((c) => overrides[c.name] ?? `"${c.name}"`).join(', ') };
}

const CASE_ID = `current_setting('bench.case')::uuid`;

/** One pgbench transaction: the same statements, in the same order, as the submission writes. */
export async function pgbenchScript(db: Db, counts: Record<WrittenTable, number>): Promise<string> {
  const lines = ['BEGIN;', `SELECT set_config('bench.case', gen_random_uuid()::text, true);`];
  lines.push(`WITH n AS (INSERT INTO bench_case_counters (region_code, day, last_seq) SELECT region_code, day, 1 FROM bench_tpl_case_counters ` +
    `ON CONFLICT (region_code, day) DO UPDATE SET last_seq = bench_case_counters.last_seq + 1 RETURNING region_code, day, last_seq) ` +
    `SELECT set_config('bench.no', region_code || '-' || to_char(day, 'YYYYMMDD') || '-' || lpad(last_seq::text, 6, '0'), true) FROM n;`);
  for (const table of WRITTEN_TABLES) {
    if (table === 'case_counters' || counts[table] === 0) continue;
    const cols = await columnsOf(db, table);
    const overrides: Record<string, string> = {};
    if (table === 'cases') Object.assign(overrides, { id: CASE_ID, case_no: `current_setting('bench.no')` });
    if (cols.some((c) => c.name === 'case_id')) overrides.case_id = CASE_ID;
    // Audit rows are sealed into the chain later (seq, hashes): a fresh record has none yet.
    if (table === 'audit_events') Object.assign(overrides, { target_id: `current_setting('bench.case')` }, ...['seq', 'prev_hash', 'hash'].filter((n) => cols.some((c) => c.name === n)).map((n) => ({ [n]: 'NULL' })));
    if (cols.some((c) => c.name === 'dedupe_key')) overrides.dedupe_key = `dedupe_key || current_setting('bench.case')`;
    const { names, values } = copyList(cols, overrides);
    lines.push(`INSERT INTO bench_${table} (${names}) SELECT ${values} FROM bench_tpl_${table};`);
  }
  lines.push('COMMIT;');
  return lines.join('\n') + '\n';
}
