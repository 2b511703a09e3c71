import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { agencyMap } from './agencies.js';
import { reviewImportedCodes, type CodeWarning } from './codes.js';
import { requireCatalog } from './policy.js';
import * as repo from './repository.js';
import type { ImportItem } from './schemas.js';
import { uniqueOr409, type WriteContext } from './service-items.js';
import { checkContent, writeVersion } from './version-writer.js';

export interface ImportResult {
  created: { key: string; id: string; versionId: string; version: number }[];
  warnings: (CodeWarning & { key: string })[];
}

/**
 * Imports items from another catalogue (the city 事项库, another province) as drafts. Their codes are kept as given:
 * older or provincial formats are reported as warnings, not refused, because the source system owns them.
 * Everything else is checked as strictly as a new item, and the batch is all or nothing.
 */
export async function importItems(db: Db, actor: Actor, items: ImportItem[], ctx: WriteContext = {}): Promise<ImportResult> {
  requireCatalog(actor, 'item.import');
  const agencies = await agencyMap(db);
  const errors: FieldProblem[] = [];
  const warnings: ImportResult['warnings'] = [];
  const keys = new Set<string>();
  for (const [i, it] of items.entries()) {
    const agency = agencies.get(it.agencyId);
    if (!agency) errors.push({ field: `items.${i}.agencyId`, message: `机构 ${it.agencyId} 不存在` });
    if (keys.has(it.key)) errors.push({ field: `items.${i}.key`, message: `标识 ${it.key} 在本批中重复` });
    keys.add(it.key);
    if (agency) warnings.push(...reviewImportedCodes({ ...it, agencyUscc: agency.uscc }).map((w) => ({ ...w, key: it.key })));
    await checkContent(db, it).catch((e: AppError) => errors.push(...(e.errors ?? []).map((p) => ({ ...p, field: `items.${i}.${p.field}` }))));
  }
  const existing = await repo.findItemsByKeys(db, [...keys]);
  for (const e of existing) errors.push({ field: `items.${items.findIndex((it) => it.key === e.key)}.key`, message: `标识 ${e.key} 已存在` });
  if (errors.length) throw new AppError('IMPORT_FILE_INVALID', { detail: `导入内容有误，未导入任何事项：${errors.map((e) => `${e.field} ${e.message}`).join('；')}`, errors });

  const created = await uniqueOr409(() =>
    db.transaction().execute(async (tx) => {
      const out: ImportResult['created'] = [];
      for (const it of items) {
        const { key, agencyId, itemType, basicCode, implementationCode, handlingCodes, level, ...content } = it;
        const agency = agencies.get(agencyId)!;
        const own = warnings.filter((w) => w.key === key).map(({ key: _k, ...w }) => w);
        const item = await repo.insertItem(tx, {
          key, agency_id: agencyId, region_code: agency.regionCode, item_type: itemType, main_code: null, sub_code: null, level: level ?? null,
          basic_code: basicCode, implementation_code: implementationCode, code_warnings: JSON.stringify(own), latest_version: 1, created_by: actor.userId,
        });
        const versionId = await writeVersion(tx, { item, versionId: null, version: 1, content, createdBy: actor.userId, handlingCodes });
        out.push({ key, id: item.id, versionId, version: 1 });
      }
      await recordAudit(tx, actor, {
        action: 'catalog.item.import', targetType: 'item_batch', ip: ctx.ip,
        detail: { keys: out.map((o) => o.key), warnings: warnings.length },
      });
      return out;
    }),
  );
  return { created, warnings };
}
