import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type ExchangeKind = 'apply' | 'accept' | 'step' | 'special' | 'finish';
export type ExchangeState = 'pending' | 'sending' | 'acked' | 'rejected' | 'failed';

export interface ExchangeRecordsTable {
  id: Generated<number>;
  source_key: string;
  source_event: string;
  kind: ExchangeKind;
  case_id: string;
  case_no: string;
  agency_id: string | null;
  handling_code: string | null;
  seq: number | null;
  step_code: string;
  business_time: ColumnType<Date, Date | string, Date | string>;
  business_time_inferred: Generated<boolean>;
  body: JSONColumnType<Record<string, unknown>, Record<string, unknown> | string, Record<string, unknown> | string>;
  state: Generated<ExchangeState>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_attempt_at: Date | null;
  uploaded_at: Date | null;
  ack_code: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    exchange_records: ExchangeRecordsTable;
  }
}
