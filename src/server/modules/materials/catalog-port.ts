import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Size limit when the client does not say which guide material a file is for. */
export const DEFAULT_LIMIT_BYTES = 20 * 1024 * 1024;
/** The platform's multipart hard cap: no item may allow more. */
export const HARD_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * The byte limit for a file uploaded for a guide material (材料清单项): its maxSizeMb from the catalog, capped by
 * the platform limit. The catalog is loaded lazily so materials works on its own (default limit) in tools and tests.
 */
export async function materialLimitBytes(db: Executor, itemVersionId: string, materialId: string): Promise<number> {
  const { getItemVersion } = await import('../catalog/service-contract.js');
  let version;
  try {
    version = await getItemVersion(db as never, itemVersionId);
  } catch (err) {
    if ((err as AppError).code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', { detail: '事项版本不存在', field: 'itemVersionId' });
    throw err;
  }
  const material = version.materials.find((m) => m.id === materialId);
  if (!material) throw new AppError('VALIDATION_FAILED', { detail: '该事项的材料清单中没有此材料', field: 'materialId' });
  return Math.min(HARD_LIMIT_BYTES, Math.max(1, material.maxSizeMb) * 1024 * 1024);
}
