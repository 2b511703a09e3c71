import { fileTypeFromBuffer } from 'file-type';
import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { sha256Hex } from '../../platform/crypto/digest.js';
import { allowsCatalog, requireCatalog } from './policy.js';
import * as repo from './repository.js';
import type { WriteContext } from './service-items.js';

/** Form files (空白表格 / 示例样表): what departments may upload, and who may download them. */
export const MAX_FORM_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  cfb: 'application/msword', // .doc / .xls (OLE compound file)
  png: 'image/png',
  jpg: 'image/jpeg',
};

/** The type comes from the content, never from the name; plain text is accepted only as valid UTF-8 named .txt. */
export async function detectFormFileType(content: Buffer, fileName: string): Promise<string> {
  const found = await fileTypeFromBuffer(content);
  if (found && ALLOWED[found.ext]) return ALLOWED[found.ext];
  if (!found && /\.txt$/i.test(fileName)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
      return 'text/plain; charset=utf-8';
    } catch {
      /* not UTF-8: refused below */
    }
  }
  throw new AppError('FILE_TYPE_NOT_ALLOWED', { detail: '表格文件应为 PDF、Word、Excel、PNG、JPEG 或 UTF-8 文本', field: 'file' });
}

export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || 'form';

export async function storeFile(db: Executor, file: { fileName: string; content: Buffer; mime: string; uploadedBy: string | null }) {
  return repo.insertFile(db, { file_name: safeFileName(file.fileName), mime: file.mime, size: file.content.length, sha256: sha256Hex(file.content), content: file.content, uploaded_by: file.uploadedBy });
}

export async function uploadFormFile(db: Db, actor: Actor, file: { fileName: string; content: Buffer }, ctx: WriteContext = {}) {
  requireCatalog(actor, 'file.upload');
  if (file.content.length === 0) throw new AppError('FILE_EMPTY', { field: 'file' });
  if (file.content.length > MAX_FORM_FILE_BYTES) throw new AppError('FILE_TOO_LARGE', { detail: '表格文件不能超过 10MB', field: 'file' });
  const mime = await detectFormFileType(file.content, file.fileName);
  return db.transaction().execute(async (tx) => {
    const row = await storeFile(tx, { ...file, mime, uploadedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'catalog.file.upload', targetType: 'catalog_file', targetId: row.id, ip: ctx.ip, detail: { fileName: row.file_name, mime, size: row.size, sha256: row.sha256 } });
    return { id: row.id, fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256 };
  });
}

/** A file offered by a published or archived guide is public; one only in a draft is for catalogue staff. */
export async function openFormFile(db: Db, actor: Actor, fileId: string) {
  const file = repo.isUuid(fileId) ? await repo.findFile(db, fileId) : undefined;
  if (!file) throw notFound('文件');
  if (!(await repo.fileIsPublic(db, file.id)) && !allowsCatalog(actor, 'item.read_drafts')) throw notFound('文件');
  return file;
}

/** The blank or sample form of a material, addressed through its item (any version of it). */
export async function openMaterialForm(db: Db, actor: Actor, idOrKey: string, materialId: string, kind: 'blank' | 'sample') {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item || !repo.isUuid(materialId)) throw notFound('材料');
  const [material] = await repo.findMaterials(db, (await repo.listVersionsOfItem(db, item.id)).map((v) => v.id)).then((ms) => ms.filter((m) => m.id === materialId));
  const fileId = material ? (kind === 'blank' ? material.blank_form_file_id : material.sample_form_file_id) : null;
  if (!fileId) throw notFound(kind === 'blank' ? '空白表格' : '示例样表');
  return openFormFile(db, actor, fileId);
}
