import type { Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import * as repo from './repository.js';
import { loadBundle, type VersionBundle } from './views.js';

/** The compiled validator of an item's application form schema, shared with the cases module that checks submissions. */
export { formValidator } from './form-schema.js';

/** What other modules (cases above all) may know of an item version. See docs/contracts.md. */
export interface ItemVersionView {
  id: string;
  itemId: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'archived';
  name: string;
  agencyId: string;
  agencyName: string;
  basicCode: string;
  implementationCode: string;
  situations: { seq: string; name: string; handlingCode: string }[]; // 业务办理项 (33-char codes)
  kind: 'application' | 'public_service' | 'query'; // 依申请 / 公共服务 / 查询类
  itemType: string; // 事项类型 code, e.g. '01'
  legalLimit: { days: number; unit: 'working' | 'natural' };
  committedLimit: { days: number; unit: 'working' | 'natural' };
  immediate: boolean; // 即办件
  onlineDepth: number;
  visits: number;
  channels: Record<'pc' | 'mobile' | 'kiosk' | 'window', boolean>;
  materials: { id: string; name: string; required: boolean; count: number; maxSizeMb: number; eLicenceType: string | null; exemptable: boolean }[];
  formSchema: Record<string, unknown>; // JSON Schema (draft 2020-12) with x-ui hints, x-pii
  processKey: string;
  coAgencies: string[];
  correctionTimeoutDays: number; // 补正 auto-close after N days
}

export function toItemVersionView(b: VersionBundle): ItemVersionView {
  const r = b.row;
  return {
    id: r.id,
    itemId: r.item_id,
    key: r.key,
    version: r.version,
    status: r.status,
    name: r.name,
    agencyId: r.agency_id,
    agencyName: b.agencyName,
    basicCode: r.basic_code,
    implementationCode: r.implementation_code,
    situations: b.situations.map((s) => ({ seq: s.seq, name: s.name, handlingCode: s.handling_code })),
    kind: r.kind,
    itemType: r.item_type,
    legalLimit: { days: r.legal_limit_days, unit: r.legal_limit_unit },
    committedLimit: { days: r.committed_limit_days, unit: r.committed_limit_unit },
    immediate: r.immediate,
    onlineDepth: r.online_depth,
    // An undeclared count is a guide flaw (the guide check reports it); consumers get 0 rather than null.
    visits: r.visits ?? 0,
    channels: r.channels,
    materials: b.materials.map((m) => ({ id: m.id, name: m.name, required: m.required, count: m.count, maxSizeMb: m.max_size_mb, eLicenceType: m.e_licence_type, exemptable: m.exemptable })),
    formSchema: r.form_schema,
    processKey: r.process_key,
    coAgencies: r.guide.coAgencies ?? [],
    correctionTimeoutDays: r.correction_timeout_days,
  };
}

/** Any version by its id (drafts and archived ones too); 404 NOT_FOUND when there is none. */
export async function getItemVersion(db: Executor, versionId: string): Promise<ItemVersionView> {
  const row = repo.isUuid(versionId) ? await repo.findVersionById(db, versionId) : undefined;
  if (!row) throw notFound('事项版本');
  return toItemVersionView(await loadBundle(db, row));
}

/** The published version of an item given by id or key; 404 when the item is unknown, 409 ITEM_NOT_PUBLISHED when it has none. */
export async function getCurrentItemVersion(db: Executor, itemIdOrKey: string): Promise<ItemVersionView> {
  const item = await repo.findItemByIdOrKey(db, itemIdOrKey);
  if (!item) throw notFound('事项');
  const row = await repo.findVersionByStatus(db, item.id, 'published');
  if (!row) throw new AppError('ITEM_NOT_PUBLISHED', { detail: `事项“${item.key}”尚未发布` });
  return toItemVersionView(await loadBundle(db, row));
}
