import type { Generated } from 'kysely';

export interface MaterialUploadsTable {
  id: Generated<string>;
  owner_user_id: string;
  on_behalf_of_user_id: string | null;
  enterprise_id: string | null;
  file_name: string;
  mime: string;
  ext: string;
  size: number;
  sha256: string;
  sm3: string;
  storage_backend: 'local' | 's3';
  storage_key: string;
  item_version_id: string | null;
  material_id: string | null;
  created_at: Generated<Date>;
}

export interface MaterialUploadLinksTable {
  upload_id: string;
  case_id: string;
  agency_ids: string[];
  linked_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    material_uploads: MaterialUploadsTable;
    material_upload_links: MaterialUploadLinksTable;
  }
}
