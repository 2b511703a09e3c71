import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Source = 'bad_rating' | 'suggestion' | 'cannot_get_done' | 'hotline' | 'manual';
export type Status = 'pending_dispatch' | 'pending_sign' | 'verifying' | 'rectifying' | 'explaining' | 'callback' | 'appealing' | 'closed';
export type CallbackOutcome = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface WorkOrderRulesTable {
  source: Source;
  label: string;
  contact_days: number;
  sign_days: number;
  verify_days: number;
  rectify_days: number;
  callback_days: number;
  warn_hours: number;
  return_allowed: boolean;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface HotlineCategoryLimitsTable {
  category: string;
  label: string;
  days: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface WorkOrdersTable {
  id: Generated<string>;
  order_no: string;
  source: Source;
  status: Status;
  agency_id: string | null;
  title: string;
  content: string;
  category: string | null;
  ticket_no: string | null;
  called_at: Timestamp | null;
  rating_id: string | null;
  rating_level: number | null;
  case_id: string | null;
  case_no: string | null;
  item_name: string | null;
  place: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  real_name: Generated<boolean>;
  indicator_key: string | null;
  stage_seq: Generated<number>;
  stage_started_at: Timestamp;
  stage_due_at: Timestamp | null;
  warned_at: Timestamp | null;
  escalated_at: Timestamp | null;
  contact_due_at: Timestamp | null;
  contacted_at: Timestamp | null;
  due_at: Timestamp | null;
  finding: string | null;
  resolution: string | null;
  callback_outcome: CallbackOutcome | null;
  callback_resolved: boolean | null;
  callback_at: Timestamp | null;
  reopen_count: Generated<number>;
  appeal_reason: string | null;
  appeal_from_status: Status | null;
  appeal_decision: 'upheld' | 'rejected' | null;
  handler_user_id: string | null;
  closed_at: Timestamp | null;
  closed_on_time: boolean | null;
  closure: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WorkOrderStepsTable {
  id: Generated<number>;
  order_id: string;
  action: string;
  from_status: Status | null;
  to_status: Status;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  at: Generated<Date>;
}

export interface WorkOrderImportsTable {
  id: Generated<string>;
  file_name: string;
  format: 'csv' | 'json';
  status: Generated<'running' | 'done' | 'failed'>;
  total: number;
  valid: number;
  processed: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  errors: JSONColumnType<RowError[], RowError[] | string | undefined>;
  error_count: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface RowError { row: number; ticketNo?: string; field: string; message: string }

export interface WorkOrderImportChunksTable {
  import_id: string;
  seq: number;
  rows: JSONColumnType<unknown[], string, string>;
  done: Generated<boolean>;
}

/** 工单日汇总: per Shanghai day of creation, agency, source, current status; maintained by triggers (migration 0451). */
export interface WorkOrderDailyFiguresTable {
  day: string; agency_id: string | null; source: Source; status: Status; appeal_upheld: boolean;
  orders: number; resolved: number; resolved_on_time: number; real_name: number; real_name_called_back: number;
}

declare module '../../platform/db/types.js' {
  interface Database {
    work_order_daily_figures: WorkOrderDailyFiguresTable;
    work_order_rules: WorkOrderRulesTable;
    hotline_category_limits: HotlineCategoryLimitsTable;
    work_orders: WorkOrdersTable;
    work_order_steps: WorkOrderStepsTable;
    work_order_imports: WorkOrderImportsTable;
    work_order_import_chunks: WorkOrderImportChunksTable;
  }
}
