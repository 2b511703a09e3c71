import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Channels, Guide, ItemKind, LimitUnit } from './schemas.js';

type Json<T extends object | null> = JSONColumnType<T, T | string, T | string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CatalogFilesTable {
  id: Generated<string>;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface ItemsTable {
  id: Generated<string>;
  key: string;
  agency_id: string;
  region_code: string;
  item_type: string;
  main_code: string | null;
  sub_code: string | null;
  level: string | null;
  basic_code: string;
  implementation_code: string;
  code_warnings: Json<{ field: string; value: string; reason: string }[]>;
  current_version_id: string | null;
  latest_version: Generated<number>;
  popularity: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
}

export interface ItemVersionsTable {
  id: Generated<string>;
  item_id: string;
  version: number;
  status: 'draft' | 'published' | 'archived';
  name: string;
  kind: ItemKind;
  service_objects: string[];
  audience: string[];
  themes: string[];
  life_events: string[];
  synonyms: string[];
  legal_limit_days: number;
  legal_limit_unit: LimitUnit;
  committed_limit_days: number;
  committed_limit_unit: LimitUnit;
  immediate: boolean;
  online_depth: number;
  visits: number | null;
  haoban: boolean;
  kuaiban: boolean;
  no_visit: boolean;
  hall_service: boolean;
  channels: Json<Channels>;
  process_key: string;
  correction_timeout_days: number;
  guide: Json<Guide>;
  form_schema: Json<Record<string, unknown>>;
  search_vector: string | null;
  change_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  published_at: Date | null;
  published_by: string | null;
  archived_at: Date | null;
}

export interface ItemSituationsTable {
  version_id: string;
  seq: string;
  name: string;
  handling_code: string;
}

export interface ItemMaterialsTable {
  id: Generated<string>;
  version_id: string;
  seq: number;
  name: string;
  source: string;
  source_agency: string | null;
  issued_by_government: boolean;
  issue_time_requirement: string | null;
  originals: number;
  copies: number;
  medium: 'paper' | 'electronic' | 'both';
  required: boolean;
  note: string | null;
  e_licence_type: string | null;
  exemptable: boolean;
  form_type: boolean;
  blank_form_file_id: string | null;
  sample_form_file_id: string | null;
  count: number;
  max_size_mb: number;
}

export interface ItemChannelsTable {
  item_id: string;
  channel: 'pc' | 'mobile' | 'kiosk' | 'window';
  published: boolean;
  published_since: Date | null;
  version_id: string | null;
  updated_at: Stamp;
}

export interface ItemDemandTable {
  item_id: string;
  case_id: string;
  counted_at: Generated<Date>;
}

export interface HallsTable {
  id: string;
  name: string;
  level: string;
  agency_id: string | null;
  region_code: string;
  address: string;
  hours: string;
  phone: string | null;
  appointment: boolean;
  active: boolean;
  updated_at: Stamp;
}

export interface HallWindowsTable {
  hall_id: string;
  code: string;
  name: string;
  type: '无差别综窗' | '分领域综窗' | '单一功能' | '专窗';
  all_items: boolean;
  active: boolean;
  updated_at: Stamp;
}

export interface WindowItemsTable {
  hall_id: string;
  window_code: string;
  item_id: string;
}

export interface KiosksTable {
  terminal_id: string;
  name: string;
  kind: '综合类' | '专用';
  venue_type: '政务大厅' | '园区' | '社区' | '居村' | '其他';
  hall_id: string | null;
  address: string;
  region_code: string;
  active: boolean;
  updated_at: Stamp;
}

declare module '../../platform/db/types.js' {
  interface Database {
    catalog_files: CatalogFilesTable;
    items: ItemsTable;
    item_versions: ItemVersionsTable;
    item_situations: ItemSituationsTable;
    item_materials: ItemMaterialsTable;
    item_channels: ItemChannelsTable;
    item_demand: ItemDemandTable;
    halls: HallsTable;
    hall_windows: HallWindowsTable;
    window_items: WindowItemsTable;
    kiosks: KiosksTable;
  }
}
