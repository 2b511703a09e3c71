import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, T | string | undefined, T | string>;

export type CaseStatus = 'draft' | 'submitted' | 'in_progress' | 'correction' | 'suspended' | 'completed' | 'delivered' | 'not_accepted' | 'correction_timeout';
export type Channel = 'pc' | 'mobile' | 'kiosk' | 'window';
export type LimitUnit = 'working' | 'natural';
export type CollectionMethod = 'online_upload' | 'paper_at_window' | 'e_licence' | 'data_check' | 'exempt';

export interface CaseResult {
  licenceName?: string | null;
  licenceNo?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  issuer?: string | null;
  note?: string | null;
}
export interface CaseDelivery {
  method: 'self_pickup' | 'express' | 'electronic';
  carrier?: string | null;
  trackingNo?: string | null;
  note?: string | null;
}

export interface ProcessDefinitionsTable {
  key: string;
  version: number;
  name: string;
  definition: Json<Record<string, unknown>>;
  digest: string;
  created_at: Generated<Date>;
}

export interface CaseCountersTable {
  region_code: string;
  day: string;
  last_seq: number;
}

export interface CasesTable {
  id: Generated<string>;
  case_no: string | null;
  status: CaseStatus;
  outcome: 'approved' | 'denied' | null;
  item_id: string;
  item_version_id: string;
  item_name: string;
  item_basic_code: string;
  situation_code: string | null;
  agency_id: string;
  region_code: string;
  process_key: string | null;
  process_version: number | null;
  applicant_user_id: string | null;
  enterprise_id: string | null;
  authorization_id: string | null;
  applicant_name: string;
  applicant_id_no: string | null;
  applicant_phone: string | null;
  created_by_user_id: string;
  channel: Channel;
  terminal_id: string | null;
  window_id: string | null;
  hall_id: string | null;
  online_accepted: Generated<boolean>;
  immediate: Generated<boolean>;
  legal_limit_days: number | null;
  legal_limit_unit: LimitUnit | null;
  committed_limit_days: number | null;
  committed_limit_unit: LimitUnit | null;
  extended_days: Generated<number>;
  form_data: Json<Record<string, unknown>>;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  deadline_at: Timestamp | null;
  warn_at: Timestamp | null;
  warned_yellow_at: Timestamp | null;
  warned_red_at: Timestamp | null;
  paused_at: Timestamp | null;
  decided_at: Timestamp | null;
  completed_at: Timestamp | null;
  result: Json<CaseResult> | null;
  delivery: Json<CaseDelivery> | null;
  delivered_at: Timestamp | null;
  closed_reason: string | null;
  extra_signers: Json<Record<string, string[]>>;
  appointment_id: string | null;
  parent_case_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CaseStepsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  node_id: string;
  node_name: string;
  node_kind: string;
  activation: Generated<number>;
  branch: string | null;
  agency_id: string | null;
  role: string | null;
  assignee_user_id: string | null;
  claimed_by_user_id: string | null;
  state: 'pending' | 'done' | 'cancelled';
  action: string | null;
  action_label: string | null;
  opinion: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface MaterialFile {
  uploadId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  sm3: string;
}

export interface CaseMaterialsTable {
  id: Generated<string>;
  case_id: string;
  material_id: string;
  name: string;
  method: CollectionMethod;
  upload_ids: string[];
  files: Json<MaterialFile[]>;
  e_licence_no: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface CasePausesTable {
  id: Generated<string>;
  case_id: string;
  kind: 'correction' | 'special_pause' | 'extension';
  reason: string;
  days: number | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  shifted_days: number | null;
  created_by_user_id: string | null;
}

export interface CorrectionItem {
  kind: 'material' | 'field' | 'other';
  ref?: string | null;
  problem: string;
}

export interface CaseCorrectionsTable {
  id: Generated<string>;
  case_id: string;
  node_id: string;
  items: Json<CorrectionItem[]>;
  notice: string;
  requested_by_user_id: string;
  requested_at: Timestamp;
  due_at: Timestamp;
  resubmitted_at: Timestamp | null;
  timed_out_at: Timestamp | null;
}

export type VisitPurpose = 'submit' | 'correction' | 'verify_original' | 'payment' | 'pickup' | 'consult';
export interface CaseVisitsTable {
  id: Generated<string>;
  case_id: string | null;
  applicant_user_id: string | null;
  applicant_name: string | null;
  purpose: VisitPurpose;
  hall_id: string;
  window_id: string;
  staff_user_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface CaseArchivesTable {
  case_id: string;
  case_no: string;
  content: Json<Record<string, unknown>>;
  manifest_sm3: string;
  archived_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    process_definitions: ProcessDefinitionsTable;
    case_counters: CaseCountersTable;
    cases: CasesTable;
    case_steps: CaseStepsTable;
    case_materials: CaseMaterialsTable;
    case_pauses: CasePausesTable;
    case_corrections: CaseCorrectionsTable;
    case_visits: CaseVisitsTable;
    case_archives: CaseArchivesTable;
  }
}
