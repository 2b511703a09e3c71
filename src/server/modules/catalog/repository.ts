import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/database.js';
import './tables.js';
import type { CatalogFilesTable, HallsTable, ItemMaterialsTable, ItemsTable, ItemVersionsTable, KiosksTable } from './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

// ── items ────────────────────────────────────────────────────────────────────────────────────────────────────────
export const findItemByIdOrKey = (db: Executor, idOrKey: string) =>
  db.selectFrom('items').selectAll().where(isUuid(idOrKey) ? 'id' : 'key', '=', idOrKey).executeTakeFirst();
export const findItemForUpdate = (db: Executor, id: string) => db.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findItemsByKeys = (db: Executor, keys: string[]) =>
  keys.length ? db.selectFrom('items').select(['id', 'key']).where('key', 'in', keys).execute() : Promise.resolve([]);
export const itemKeyOrCodeTaken = (db: Executor, key: string, implementationCode: string) =>
  db.selectFrom('items').select(['key', 'implementation_code']).where((eb) => eb.or([eb('key', '=', key), eb('implementation_code', '=', implementationCode)])).executeTakeFirst();
export const countItems = (db: Executor) => db.selectFrom('items').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
export const insertItem = (db: Executor, row: Insertable<ItemsTable>) => db.insertInto('items').values(row).returningAll().executeTakeFirstOrThrow();
export const updateItem = (db: Executor, id: string, set: Updateable<ItemsTable>) =>
  db.updateTable('items').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();

/** Every item with its latest version (draft or not) and the published version number, for the admin console. */
export const listItemsWithLatest = (db: Executor, agencyIds: string[] | null) =>
  db.selectFrom('items as i')
    .innerJoin('item_versions as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.latest_version'))
    .leftJoin('item_versions as p', 'p.id', 'i.current_version_id')
    .select(['i.id', 'i.key', 'i.agency_id', 'i.implementation_code', 'i.code_warnings', 'v.version as latest_version', 'v.status as latest_status', 'v.name', 'v.updated_at', 'p.version as published_version'])
    .$if(agencyIds !== null, (q) => q.where('i.agency_id', 'in', agencyIds!.length ? agencyIds! : ['']))
    .orderBy('i.agency_id').orderBy('i.key').execute();

// ── versions ─────────────────────────────────────────────────────────────────────────────────────────────────────
const versionColumns = [
  'v.id', 'v.item_id', 'v.version', 'v.status', 'v.name', 'v.kind', 'v.service_objects', 'v.audience', 'v.themes', 'v.life_events', 'v.synonyms',
  'v.legal_limit_days', 'v.legal_limit_unit', 'v.committed_limit_days', 'v.committed_limit_unit', 'v.immediate', 'v.online_depth', 'v.visits',
  'v.haoban', 'v.kuaiban', 'v.no_visit', 'v.hall_service', 'v.channels', 'v.process_key', 'v.correction_timeout_days', 'v.guide', 'v.form_schema',
  'v.change_note', 'v.created_by', 'v.created_at', 'v.updated_at', 'v.published_at', 'v.published_by', 'v.archived_at',
  'i.key', 'i.agency_id', 'i.item_type', 'i.level', 'i.basic_code', 'i.implementation_code', 'i.region_code', 'i.code_warnings', 'i.popularity',
] as const;
const versionJoin = (db: Executor) => db.selectFrom('item_versions as v').innerJoin('items as i', 'i.id', 'v.item_id');
type VersionJoinDb = ReturnType<typeof versionJoin> extends SelectQueryBuilder<infer D, infer _T, infer _O> ? D : never;
const versionsWithItem = (db: Executor) => versionJoin(db).select(versionColumns);
export type VersionRow = Awaited<ReturnType<typeof findVersionById>> & object;

export const findVersionById = (db: Executor, id: string) => versionsWithItem(db).where('v.id', '=', id).executeTakeFirst();
export const findVersionByNumber = (db: Executor, itemId: string, version: number) =>
  versionsWithItem(db).where('v.item_id', '=', itemId).where('v.version', '=', version).executeTakeFirst();
export const findVersionByStatus = (db: Executor, itemId: string, status: 'draft' | 'published') =>
  versionsWithItem(db).where('v.item_id', '=', itemId).where('v.status', '=', status).executeTakeFirst();
export const listVersionsOfItem = (db: Executor, itemId: string) =>
  db.selectFrom('item_versions').select(['id', 'version', 'status', 'name', 'change_note', 'created_at', 'created_by', 'published_at', 'published_by', 'archived_at'])
    .where('item_id', '=', itemId).orderBy('version', 'desc').execute();
export const insertVersion = (db: Executor, row: Insertable<ItemVersionsTable>) => db.insertInto('item_versions').values(row).returning(['id', 'version']).executeTakeFirstOrThrow();
export const updateVersion = (db: Executor, id: string, set: Updateable<ItemVersionsTable>) =>
  db.updateTable('item_versions').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
export const setSearchVector = (db: Executor, id: string, literal: string) =>
  db.updateTable('item_versions').set({ search_vector: sql<string>`${literal}::tsvector` }).where('id', '=', id).execute();

/** The published version of an item given by id or key, in one round trip (the guide page's cache fills from it). */
export const findPublishedVersionByItemRef = (db: Executor, idOrKey: string) =>
  versionsWithItem(db).where(isUuid(idOrKey) ? 'i.id' : 'i.key', '=', idOrKey).where('v.status', '=', 'published').executeTakeFirst();

// Lists, search and tag counts show summaries only: leaving out the guide and form jsonb (a few kB per row, parsed
// by the driver) makes these queries several times cheaper.
const summaryColumns = [
  'v.id', 'v.item_id', 'v.version', 'v.name', 'v.kind', 'v.audience', 'v.themes', 'v.life_events', 'v.synonyms', 'v.channels',
  'v.online_depth', 'v.visits', 'v.immediate', 'v.haoban', 'v.kuaiban', 'v.no_visit', 'v.committed_limit_days', 'v.committed_limit_unit',
  'i.key', 'i.agency_id', 'i.implementation_code', 'i.popularity',
] as const;
type PublishedFilters = { agencyId?: string; themes?: string[]; audience?: string; lifeEvent?: string; channel?: string; kind?: string; itemKey?: string };

/** Published versions, newest item first, with the filters of the public list and the guide check. */
export function publishedVersions(db: Executor, f: PublishedFilters) {
  return withPublishedFilters(versionsWithItem(db), f);
}

/** Published versions as summaries (no guide, no form schema), with the same filters. */
export function publishedSummaries(db: Executor, f: PublishedFilters) {
  return withPublishedFilters(versionJoin(db).select(summaryColumns), f);
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof publishedSummaries>['executeTakeFirstOrThrow']>>;

// Generic over the selection, so the full and the summary queries share one set of filters.
function withPublishedFilters<O>(base: SelectQueryBuilder<VersionJoinDb, 'v' | 'i', O>, f: PublishedFilters) {
  let q = base.where('v.status', '=', 'published');
  if (f.agencyId) q = q.where('i.agency_id', '=', f.agencyId);
  if (f.itemKey) q = q.where('i.key', '=', f.itemKey);
  if (f.themes?.length) q = q.where(sql<boolean>`v.themes && ${sql.val(f.themes)}::text[]`);
  if (f.audience) q = q.where(sql<boolean>`${f.audience} = ANY(v.audience)`);
  if (f.lifeEvent) q = q.where(sql<boolean>`${f.lifeEvent} = ANY(v.life_events)`);
  if (f.channel) q = q.where(sql<boolean>`(v.channels ->> ${f.channel})::boolean`);
  if (f.kind) q = q.where('v.kind', '=', f.kind as never);
  return q;
}

/** Full-text search over published versions; rank favours name/synonym hits, whole-name matches and popular items. */
export function searchPublished(db: Executor, tsquery: string, whole: string, f: { agencyId?: string; themes?: string[]; audience?: string; channel?: string }, limit: number) {
  const like = `%${whole.replace(/[\\%_]/g, '\\$&')}%`;
  return publishedSummaries(db, f)
    .select(sql<number>`ts_rank(v.search_vector, ${tsquery}::tsquery)
      + CASE WHEN v.name ILIKE ${like} THEN 0.5 ELSE 0 END
      + CASE WHEN EXISTS (SELECT 1 FROM unnest(v.synonyms || v.life_events) s WHERE s ILIKE ${like}) THEN 0.3 ELSE 0 END
      + CASE WHEN EXISTS (SELECT 1 FROM unnest(v.synonyms) s WHERE lower(s) = lower(${whole})) THEN 0.6 ELSE 0 END
      + ln(1 + i.popularity) * 0.01`.as('rank'))
    .where(sql<boolean>`v.search_vector @@ ${tsquery}::tsquery`)
    .orderBy('rank', 'desc').orderBy('v.name').limit(limit).execute();
}

// ── situations, materials, channels ──────────────────────────────────────────────────────────────────────────────
export const findSituations = (db: Executor, versionIds: string[]) =>
  versionIds.length ? db.selectFrom('item_situations').selectAll().where('version_id', 'in', versionIds).orderBy('seq').execute() : Promise.resolve([]);
export const replaceSituations = async (db: Executor, versionId: string, rows: { seq: string; name: string; handling_code: string }[]) => {
  await db.deleteFrom('item_situations').where('version_id', '=', versionId).execute();
  if (rows.length) await db.insertInto('item_situations').values(rows.map((r) => ({ ...r, version_id: versionId }))).execute();
};
export const findMaterials = (db: Executor, versionIds: string[]) =>
  versionIds.length ? db.selectFrom('item_materials').selectAll().where('version_id', 'in', versionIds).orderBy('seq').execute() : Promise.resolve([]);
export const replaceMaterials = async (db: Executor, versionId: string, rows: Omit<Insertable<ItemMaterialsTable>, 'version_id'>[]) => {
  await db.deleteFrom('item_materials').where('version_id', '=', versionId).execute();
  if (rows.length) await db.insertInto('item_materials').values(rows.map((r) => ({ ...r, version_id: versionId }))).execute();
};
export const findChannels = (db: Executor, itemId: string) => db.selectFrom('item_channels').selectAll().where('item_id', '=', itemId).execute();
export const upsertChannel = (db: Executor, row: { item_id: string; channel: 'pc' | 'mobile' | 'kiosk' | 'window'; published: boolean; published_since: Date | null; version_id: string | null }) =>
  db.insertInto('item_channels').values({ ...row, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['item_id', 'channel']).doUpdateSet({ published: row.published, published_since: row.published_since, version_id: row.version_id, updated_at: new Date() }))
    .execute();

/** Counts a case into the item's popularity once, however often the event is delivered. */
export const countDemand = (db: Executor, itemId: string, caseId: string) => inTransaction(db, async (tx) => {
  const known = await tx.selectFrom('items').select('id').where('id', '=', itemId).executeTakeFirst();
  if (!known) return; // an event about an item this catalogue does not hold: nothing to count
  const r = await tx.insertInto('item_demand').values({ item_id: itemId, case_id: caseId }).onConflict((oc) => oc.doNothing()).returning('case_id').executeTakeFirst();
  if (r) await tx.updateTable('items').set((eb) => ({ popularity: eb('popularity', '+', 1) })).where('id', '=', itemId).execute();
});

// ── files ────────────────────────────────────────────────────────────────────────────────────────────────────────
export const insertFile = (db: Executor, row: Insertable<CatalogFilesTable>) =>
  db.insertInto('catalog_files').values(row).returning(['id', 'file_name', 'mime', 'size', 'sha256']).executeTakeFirstOrThrow();
export const findFile = (db: Executor, id: string) => db.selectFrom('catalog_files').selectAll().where('id', '=', id).executeTakeFirst();
export const findFilesMeta = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('catalog_files').select(['id', 'file_name', 'mime', 'size']).where('id', 'in', ids).execute() : Promise.resolve([]);
/** Metadata of the form files the materials of these versions offer: runs alongside findMaterials, not after it. */
export const findFilesMetaOfVersions = (db: Executor, versionIds: string[]) =>
  versionIds.length
    ? db.selectFrom('catalog_files').select(['id', 'file_name', 'mime', 'size'])
      .where('id', 'in', (eb) => eb.selectFrom('item_materials').select('blank_form_file_id as id').where('version_id', 'in', versionIds).where('blank_form_file_id', 'is not', null)
        .union(eb.selectFrom('item_materials').select('sample_form_file_id as id').where('version_id', 'in', versionIds).where('sample_form_file_id', 'is not', null)))
      .execute()
    : Promise.resolve([]);
/** A form file is public once a published or archived guide offers it; drafts' files stay with staff. */
export const fileIsPublic = async (db: Executor, id: string) =>
  !!(await db.selectFrom('item_materials as m').innerJoin('item_versions as v', 'v.id', 'm.version_id').select('m.id')
    .where((eb) => eb.or([eb('m.blank_form_file_id', '=', id), eb('m.sample_form_file_id', '=', id)])).where('v.status', '!=', 'draft').limit(1).executeTakeFirst());

// ── halls, windows, kiosks ───────────────────────────────────────────────────────────────────────────────────────
export const upsertHall = (db: Executor, row: Omit<HallsTable, 'updated_at'>) =>
  db.insertInto('halls').values({ ...row, updated_at: new Date() }).onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: new Date() })).execute();
export const findHall = (db: Executor, id: string) => db.selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
export const listHalls = (db: Executor, includeInactive: boolean) => {
  const q = db.selectFrom('halls').selectAll().orderBy('level').orderBy('id');
  return (includeInactive ? q : q.where('active', '=', true)).execute();
};
export const replaceWindows = async (db: Executor, hallId: string, windows: { code: string; name: string; type: HallWindowType; all_items: boolean; active: boolean; itemIds: string[] }[]) => {
  await db.deleteFrom('hall_windows').where('hall_id', '=', hallId).execute();
  for (const w of windows) {
    await db.insertInto('hall_windows').values({ hall_id: hallId, code: w.code, name: w.name, type: w.type, all_items: w.all_items, active: w.active, updated_at: new Date() }).execute();
    if (w.itemIds.length) await db.insertInto('window_items').values(w.itemIds.map((item_id) => ({ hall_id: hallId, window_code: w.code, item_id }))).execute();
  }
};
type HallWindowType = '无差别综窗' | '分领域综窗' | '单一功能' | '专窗';
export const listWindows = (db: Executor, hallIds: string[]) =>
  hallIds.length ? db.selectFrom('hall_windows').selectAll().where('hall_id', 'in', hallIds).orderBy('code').execute() : Promise.resolve([]);
export const listWindowItems = (db: Executor, hallIds: string[]) =>
  hallIds.length
    ? db.selectFrom('window_items as w').innerJoin('items as i', 'i.id', 'w.item_id').select(['w.hall_id', 'w.window_code', 'i.key']).where('w.hall_id', 'in', hallIds).execute()
    : Promise.resolve([]);
export const upsertKiosk = (db: Executor, row: Omit<KiosksTable, 'updated_at'>) =>
  db.insertInto('kiosks').values({ ...row, updated_at: new Date() }).onConflict((oc) => oc.column('terminal_id').doUpdateSet({ ...row, updated_at: new Date() })).execute();
export const listKiosks = (db: Executor, includeInactive: boolean) => {
  const q = db.selectFrom('kiosks').selectAll().orderBy('terminal_id');
  return (includeInactive ? q : q.where('active', '=', true)).execute();
};
export const countHalls = (db: Executor) => db.selectFrom('halls').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
