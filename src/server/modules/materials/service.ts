import type { Readable } from 'node:stream';
import type { Db, Executor } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { materialsPolicy } from './policy.js';
import { receiveFile } from './receive.js';
import { DEFAULT_LIMIT_BYTES, materialLimitBytes } from './catalog-port.js';
import { currentStorage } from './storage/index.js';
import { contentKey } from './storage/adapter.js';
import * as repo from './repository.js';
import type { MaterialUploadsTable } from './tables.js';
import type { Selectable } from 'kysely';

type UploadRow = Selectable<MaterialUploadsTable>;

export interface UploadMaterialOptions {
  actor: Actor;
  file: Readable;
  fileName: string;
  itemVersionId?: string;
  materialId?: string;
  /** 代扫: the applicant a window clerk scans the file for. */
  onBehalfOfUserId?: string;
  ip?: string | null;
}

/** Receives one file: limit, type check, digests, storage, the row and its audit record. */
export async function uploadMaterial(db: Db, o: UploadMaterialOptions) {
  requireLogin(o.actor);
  if (o.onBehalfOfUserId) materialsPolicy.require(o.actor, 'upload.on_behalf');
  const limit = o.itemVersionId && o.materialId ? await materialLimitBytes(db, o.itemVersionId, o.materialId) : DEFAULT_LIMIT_BYTES;
  const storage = currentStorage();
  const received = await receiveFile(o.file, storage, limit);
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await repo.insertUpload(tx, {
        owner_user_id: o.actor.userId!,
        on_behalf_of_user_id: o.onBehalfOfUserId ?? null,
        enterprise_id: o.actor.enterpriseId ?? null,
        file_name: cleanFileName(o.fileName, received.type.ext),
        mime: received.type.mime,
        ext: received.type.ext,
        size: received.size,
        sha256: received.sha256,
        sm3: received.sm3,
        storage_backend: storage.kind,
        storage_key: contentKey(received.sha256),
        item_version_id: o.itemVersionId ?? null,
        material_id: o.materialId ?? null,
      });
      await recordAudit(tx, o.actor, {
        action: 'materials.upload',
        targetType: 'material_upload',
        targetId: row.id,
        detail: { fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256, onBehalfOfUserId: row.on_behalf_of_user_id },
        ip: o.ip,
      });
      // Last, so a failed insert leaves no object behind; the key is the content address either way.
      const key = await received.commit();
      if (key !== row.storage_key) throw new Error(`storage key mismatch: ${key} vs ${row.storage_key}`);
      return describeUpload(row, 0);
    });
  } catch (err) {
    await received.discard();
    if ((err as { code?: string }).code === '23503') throw new AppError('VALIDATION_FAILED', { detail: '代办申请人不存在', field: 'onBehalfOfUserId' });
    throw err;
  }
}

/** The public view of an upload (no storage key: that is internal). */
export function describeUpload(r: Pick<UploadRow, 'id' | 'file_name' | 'mime' | 'ext' | 'size' | 'sha256' | 'sm3' | 'owner_user_id' | 'on_behalf_of_user_id' | 'item_version_id' | 'material_id' | 'created_at'>, usedInCases: number) {
  return {
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    ext: r.ext,
    size: Number(r.size),
    sha256: r.sha256,
    sm3: r.sm3,
    scannedAtWindow: r.on_behalf_of_user_id !== null,
    itemVersionId: r.item_version_id,
    materialId: r.material_id,
    usedInCases,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Keeps the base name only, without control characters; a nameless file gets one from its detected type. */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return base || `材料.${ext}`;
}

/** 电子材料库: the user's own files. */
export async function listMyMaterials(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  requireLogin(actor);
  const [rows, total] = await Promise.all([repo.findUploadsOfUser(db, actor.userId, page), repo.countUploadsOfUser(db, actor.userId)]);
  return { total, items: rows.map((r) => describeUpload(r, Number(r.used_in_cases ?? 0))) };
}

/** Throws unless the actor may read the file: its owner, the applicant it was scanned for, or staff of a case using it. */
async function requireView(db: Executor, actor: Actor, row: UploadRow): Promise<void> {
  requireLogin(actor);
  if (row.owner_user_id === actor.userId || row.on_behalf_of_user_id === actor.userId) return;
  const agencies = await repo.findLinkedAgencies(db, row.id);
  if (agencies.length > 0 && materialsPolicy.allows(actor, 'upload.view_center_wide')) return;
  if (agencies.some((a) => materialsPolicy.allows(actor, 'upload.view_for_case', a))) return;
  throw new AppError('FORBIDDEN', { detail: '您无权查看该材料' });
}

/** Streams a file to someone allowed to see it, and records the download. */
export async function readMaterialContent(db: Db, actor: Actor, id: string, ip?: string | null) {
  const row = await repo.findUploadById(db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: '材料不存在' });
  await requireView(db, actor, row);
  const stream = await currentStorage().open(row.storage_key);
  await recordAudit(db, actor, { action: 'materials.download', targetType: 'material_upload', targetId: row.id, detail: { fileName: row.file_name }, ip });
  return { stream, mime: row.mime, ext: row.ext, size: Number(row.size), fileName: row.file_name };
}

// ── contract for other modules (docs/contracts.md) ──────────────────────────────────────────────

/** The uploads with these ids; with ownerUserId, only those the user uploaded or that were scanned for them. */
export async function getUploads(db: Executor, ids: string[], ownerUserId: string | null) {
  if (ids.length === 0) return [];
  const rows = await repo.findUploadsByIds(db, [...new Set(ids)], ownerUserId);
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    sm3: r.sm3,
    storageKey: r.storage_key,
    ownerUserId: r.owner_user_id,
    onBehalfOfUserId: r.on_behalf_of_user_id,
  }));
}

/** Opens an upload's bytes (no permission check: the caller has done its own). */
export async function openUpload(db: Executor, id: string): Promise<{ stream: Readable; mime: string; size: number; fileName: string }> {
  const row = await repo.findUploadById(db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: '材料不存在' });
  const stream = await currentStorage().open(row.storage_key);
  return { stream, mime: row.mime, size: Number(row.size), fileName: row.file_name };
}

/**
 * Records that a case uses an upload, and which agencies' staff may therefore view it (the case's agency and its
 * co-agencies). Called by the cases module in its own transaction; calling again replaces the agency list.
 */
export async function linkUploadToCase(db: Executor, uploadId: string, caseId: string, agencyIds: string[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await repo.findUploadById(tx, uploadId);
    if (!row) throw new AppError('NOT_FOUND', { detail: '材料不存在' });
    await repo.upsertUploadLink(tx, uploadId, caseId, [...new Set(agencyIds)]);
  });
}
