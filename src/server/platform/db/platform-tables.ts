import type { Generated, ColumnType, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  acting_for_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  agency_id: string | null;
  detail: JSONColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined>;
  ip: string | null;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: JSONColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined>;
  run_at: Timestamp;
  state: Generated<'pending' | 'running' | 'done' | 'failed' | 'cancelled'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  dedupe_key: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response: JSONColumnType<object, string, string> | null;
  created_at: Generated<Date>;
}

declare module './types.js' {
  interface Database {
    audit_events: AuditEventsTable;
    jobs: JobsTable;
    idempotency_keys: IdempotencyKeysTable;
  }
}
