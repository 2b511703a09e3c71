import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/module.js';
import type { Executor } from '../../platform/db/database.js';
import { systemActor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { agencyMap } from './agencies.js';
import { buildItemCodes } from './codes.js';
import { formFields, renderFormPdf } from './form-pdf.js';
import * as repo from './repository.js';
import { DemoItem, HallInput, type ItemContent } from './schemas.js';
import { detectFormFileType, storeFile } from './service-files.js';
import { saveHall } from './service-halls.js';
import { syncChannels } from './service-items.js';
import { checkContent, writeVersion } from './version-writer.js';
import { forgetPublishedCatalog } from './read-cache.js';

/**
 * Loads the demo district's items (src/server/demo/data/items/*.json, format in its README) as published versions,
 * and its halls. A bad file stops the start-up with the file and field named: demo content must never be half loaded.
 * Files starting with "_" hold samples that give way to a real file defining the same key.
 */
const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo/data');
const ITEMS_DIR = path.join(DATA_DIR, 'items');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`demo data ${path.relative(DATA_DIR, file)} is not valid JSON: ${(e as Error).message}`);
  }
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`demo data ${path.relative(DATA_DIR, file)} does not follow the format (see items/README.md):\n${issues}`);
}

export function readDemoItems(dir = ITEMS_DIR): { file: string; items: DemoItem[] }[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort((a, b) => Number(a.startsWith('_')) - Number(b.startsWith('_')) || a.localeCompare(b));
  const seen = new Map<string, string>();
  return files.map((name) => {
    const file = path.join(dir, name);
    const items = parseOrExplain(z.array(DemoItem), readJson(file), file).filter((it) => {
      const before = seen.get(it.key);
      if (before && !name.startsWith('_')) throw new Error(`demo item key "${it.key}" is defined in both ${before} and ${name}`);
      if (before) return false; // a sample yields to the real content
      seen.set(it.key, name);
      return true;
    });
    return { file: name, items };
  });
}

/** Blank and sample forms: a file the content names, or a PDF generated from the item's form schema. */
async function formFile(tx: Executor, it: DemoItem, materialName: string, spec: boolean | string, kind: 'blank' | 'sample'): Promise<string | null> {
  if (spec === false) return null;
  if (typeof spec === 'string') {
    const file = path.resolve(ITEMS_DIR, spec);
    if (!file.startsWith(ITEMS_DIR) || !existsSync(file)) throw new Error(`demo item "${it.key}": form file ${spec} not found under items/`);
    const content = readFileSync(file);
    return (await storeFile(tx, { fileName: path.basename(file), content, mime: await detectFormFileType(content, file), uploadedBy: null })).id;
  }
  const label = kind === 'blank' ? '空白表格' : '示例样表';
  const pdf = renderFormPdf(materialName, `${it.name} · ${label}`, formFields(it.form, kind === 'sample'));
  return (await storeFile(tx, { fileName: `${materialName}（${label}）.pdf`, content: pdf, mime: 'application/pdf', uploadedBy: null })).id;
}

async function loadItem(tx: Executor, it: DemoItem) {
  const agency = (await agencyMap(tx)).get(it.agencyId);
  if (!agency) throw new Error(`demo item "${it.key}": agency ${it.agencyId} does not exist`);
  let codes;
  try {
    codes = buildItemCodes({ regionCode: agency.regionCode, agencyUscc: agency.uscc, itemType: it.itemType, mainCode: it.mainCode, subCode: it.subCode, level: it.level });
  } catch (e) {
    throw new Error(`demo item "${it.key}": ${(e as Error).message}`);
  }
  const { key, agencyId, itemType, mainCode, subCode, level, materials, ...rest } = it;
  const content: ItemContent = {
    ...rest,
    materials: await Promise.all(
      materials.map(async ({ blankForm, sampleForm, ...m }) => ({
        ...m,
        blankFormFileId: await formFile(tx, it, m.name, blankForm, 'blank'),
        sampleFormFileId: await formFile(tx, it, m.name, sampleForm, 'sample'),
      })),
    ),
  };
  await checkContent(tx, content).catch((e: Error) => {
    throw new Error(`demo item "${key}": ${e.message}`);
  });
  const item = await repo.insertItem(tx, {
    key, agency_id: agencyId, region_code: agency.regionCode, item_type: itemType, main_code: mainCode, sub_code: subCode, level,
    basic_code: codes.basicCode, implementation_code: codes.implementationCode, code_warnings: '[]', latest_version: 1, created_by: null,
  });
  const versionId = await writeVersion(tx, { item, versionId: null, version: 1, content, createdBy: null });
  const now = new Date();
  await repo.updateVersion(tx, versionId, { status: 'published', published_at: now, change_note: '演示区初始事项' });
  await repo.updateItem(tx, item.id, { current_version_id: versionId });
  await syncChannels(tx, item.id, versionId, content.channels, now);
}

export async function loadCatalogDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx;
  for (const { file, items } of readDemoItems()) {
    const present = new Set((await repo.findItemsByKeys(db, items.map((i) => i.key))).map((i) => i.key));
    const missing = items.filter((i) => !present.has(i.key));
    if (!missing.length) continue;
    await db.transaction().execute(async (tx) => {
      for (const it of missing) await loadItem(tx, it);
      await recordAudit(tx, systemActor, { action: 'catalog.demo.load', targetType: 'item_batch', detail: { file, keys: missing.map((i) => i.key) } });
    });
    ctx.log(`catalog: loaded ${missing.length} demo items from ${file}`);
  }
  forgetPublishedCatalog(db); // a guide read while the demo loaded must not outlive the load
  await loadDemoHalls(ctx);
}

async function loadDemoHalls({ db, log }: AppContext) {
  const file = path.join(DATA_DIR, 'halls.json');
  if (!existsSync(file)) return;
  const halls = parseOrExplain(z.array(HallInput), readJson(file), file);
  for (const hall of halls) {
    if (await repo.findHall(db, hall.id)) continue; // an admin may have edited it since: never overwrite
    await saveHall(db, null, { ...hall, windows: hall.windows.map((w) => ({ ...w, itemKeys: w.itemKeys })) }).catch((e: Error) => {
      throw new Error(`demo data halls.json, hall "${hall.id}": ${e.message}`);
    });
    log(`catalog: loaded demo hall ${hall.id}`);
  }
}
