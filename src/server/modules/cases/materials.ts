import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getUploads, linkUploadToCase, type ItemVersionView, type UploadInfo } from './ports.js';
import * as repo from './repository.js';
import type { CaseRow } from './engine/engine.js';
import type { CollectionMethod, MaterialFile } from './tables.js';

export type MaterialRow = Awaited<ReturnType<typeof repo.findMaterialsOfCase>>[number];

export interface MaterialInput {
  materialId: string;
  method: CollectionMethod;
  uploadIds?: string[];
  /** 派生件编号 of the e-licence used instead of the paper. */
  eLicenceNo?: string;
  note?: string;
}

/**
 * Checks and stores the materials of a draft (or of a 补正 resubmission), one row per guide material with how it
 * was collected: the collection method feeds the exempted-material ratio (indicator #8).
 * `scope: 'listed'` (补正) replaces only the materials sent; the others stay on file as they were, since the
 * applicant re-supplies just what the notice asked for (一次性补正).
 */
export async function saveMaterials(db: Executor, c: CaseRow, item: ItemVersionView, inputs: MaterialInput[], uploaderUserId: string | null, scope: 'all' | 'listed' | 'new' = 'all'): Promise<MaterialRow[]> {
  const guide = new Map(item.materials.map((m) => [m.id, m]));
  // One look-up for every file of the application, not one per material (a round trip each).
  const uploads = await uploadsById(db, inputs.filter((m) => m.method === 'online_upload').flatMap((m) => m.uploadIds ?? []), uploaderUserId);
  const rows = [];
  const seen = new Set<string>();
  for (const [i, m] of inputs.entries()) {
    const field = `materials.${i}`;
    const g = guide.get(m.materialId);
    if (!g) throw new AppError('MATERIAL_INVALID', { field: `${field}.materialId`, detail: `办事指南中没有材料 ${m.materialId}` });
    if (seen.has(m.materialId)) throw new AppError('MATERIAL_INVALID', { field: `${field}.materialId`, detail: `材料「${g.name}」重复提交` });
    seen.add(m.materialId);
    let files: MaterialFile[] = [];
    if (m.method === 'online_upload') files = uploadedFiles(uploads, m.uploadIds ?? [], `${field}.uploadIds`, g.name);
    else if (m.uploadIds?.length) throw new AppError('MATERIAL_INVALID', { field: `${field}.uploadIds`, detail: '只有在线上传方式可以附文件' });
    if (m.method === 'e_licence' && !m.eLicenceNo) throw new AppError('MATERIAL_INVALID', { field: `${field}.eLicenceNo`, detail: `材料「${g.name}」使用电子证照时须填写派生件编号` });
    if (m.method === 'e_licence' && !g.eLicenceType) throw new AppError('MATERIAL_INVALID', { field: `${field}.method`, detail: `材料「${g.name}」没有对应的电子证照` });
    if (m.method === 'exempt' && !g.exemptable) throw new AppError('MATERIAL_INVALID', { field: `${field}.method`, detail: `材料「${g.name}」不可免提交` });
    if (m.method === 'paper_at_window' && c.channel !== 'window') throw new AppError('MATERIAL_INVALID', { field: `${field}.method`, detail: '纸质材料只能在窗口收取' });
    rows.push({ material_id: g.id, name: g.name, method: m.method, upload_ids: files.map((f) => f.uploadId), files: JSON.stringify(files), e_licence_no: m.eLicenceNo ?? null, note: m.note ?? null });
  }
  // Returns the rows written (with scope 'listed' only those; the caller reads the rest when it needs them).
  // 'new': the case was created in this transaction, there is nothing on file to replace.
  if (scope === 'new') return repo.insertMaterials(db, c.id, rows);
  return repo.replaceMaterials(db, c.id, rows, scope === 'listed' ? rows.map((r) => r.material_id) : undefined);
}

async function uploadsById(db: Executor, ids: string[], owner: string | null): Promise<Map<string, UploadInfo>> {
  if (ids.length === 0) return new Map();
  return new Map((await getUploads(db, [...new Set(ids)], owner)).map((u) => [u.id, u]));
}

function uploadedFiles(byId: Map<string, UploadInfo>, ids: string[], field: string, name: string): MaterialFile[] {
  if (ids.length === 0) throw new AppError('MATERIAL_INVALID', { field, detail: `材料「${name}」选择了在线上传，但没有文件` });
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('MATERIAL_INVALID', { field, detail: `文件不存在或不属于您：${missing.join('、')}` });
  return ids.map((id) => {
    const u = byId.get(id)!;
    return { uploadId: u.id, fileName: u.fileName, mime: u.mime, size: u.size, sha256: u.sha256, sm3: u.sm3 };
  });
}

/** Every required material of the guide must be on file, uploads with at least the guide's count of files. */
export function requireCompleteMaterials(rows: MaterialRow[], item: ItemVersionView): void {
  const onFile = new Map(rows.map((m) => [m.material_id, m]));
  const missing: { materialId: string; name: string; problem: string }[] = [];
  for (const g of item.materials) {
    const m = onFile.get(g.id);
    if (!m) {
      if (g.required) missing.push({ materialId: g.id, name: g.name, problem: '未提交' });
    } else if (m.method === 'online_upload' && m.upload_ids.length < g.count) {
      missing.push({ materialId: g.id, name: g.name, problem: `需 ${g.count} 份，已上传 ${m.upload_ids.length} 份` });
    }
  }
  if (missing.length) {
    throw new AppError('MATERIALS_MISSING', { detail: `缺少必要材料：${missing.map((m) => `${m.name}（${m.problem}）`).join('、')}`, extra: { missing } });
  }
}

/**
 * Lets the staff who handle the case open its uploaded files: every upload the case uses is linked to it with the
 * case's agency and the item's co-agencies (并联审批). Called at submission and at 补正 resubmission, in the same
 * transaction, so files become visible to staff exactly when the case does. Returns the upload ids.
 */
export async function linkCaseUploads(db: Executor, c: CaseRow, item: ItemVersionView, rows: MaterialRow[]): Promise<string[]> {
  const ids = [...new Set(rows.flatMap((m) => m.upload_ids))];
  const agencies = [...new Set([c.agency_id, ...item.coAgencies])];
  for (const id of ids) await linkUploadToCase(db, id, c.id, agencies);
  return ids;
}
