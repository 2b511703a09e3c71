import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './types.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A function that can run on the pool or inside a transaction. */
export type Executor = Db | Tx;

// bigint (int8) and numeric come back as strings by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// DATE stays a plain 'YYYY-MM-DD' string: the calendar is about days, not instants.
pg.types.setTypeParser(1082, (v) => v);

export function createDb(connectionString: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max, application_name: 'tongban' });
  pool.on('error', () => undefined); // an idle client losing its connection must not crash the process
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** Runs fn in a transaction unless already inside one. */
export async function inTransaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  return (db as Db).transaction().execute(fn);
}
