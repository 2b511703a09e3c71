import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/jobs/events.js';
import { requireAgency } from './agencies.js';
import { buildItemCodes } from './codes.js';
import { requireCatalog } from './policy.js';
import * as repo from './repository.js';
import { CHANNELS, type CreateItemBody, type ItemContent, type ItemContentPatch } from './schemas.js';
import { checkContent, writeVersion } from './version-writer.js';
import { forgetPublishedCatalog } from './read-cache.js';
import { contentOf, guideView, loadBundle } from './views.js';

/**
 * Item life cycle (事项动态管理): create → draft v1; editing a published item opens a new draft; publishing the
 * draft archives the previous published version. Published and archived versions never change, so a case keeps
 * pointing at exactly the guide it was applied under.
 */

export interface WriteContext {
  ip?: string | null;
}

/** Unique-key races end in PostgreSQL's 23505; they are a 409 for the caller, not a 500. */
export async function uniqueOr409<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const err = e as { code?: string; constraint?: string };
    if (err.code !== '23505') throw e;
    if (err.constraint?.includes('implementation_code')) throw new AppError('ITEM_CODE_TAKEN');
    if (err.constraint?.includes('key')) throw new AppError('ITEM_KEY_TAKEN', { field: 'key' });
    throw new AppError('CONFLICT');
  }
}

export async function createItem(db: Db, actor: Actor, body: CreateItemBody, ctx: WriteContext = {}) {
  requireCatalog(actor, 'item.create', body.agencyId);
  const agency = await requireAgency(db, body.agencyId);
  const codes = buildItemCodes({ regionCode: agency.regionCode, agencyUscc: agency.uscc, itemType: body.itemType, mainCode: body.mainCode, subCode: body.subCode, level: body.level });
  const { key, agencyId, itemType, mainCode, subCode, level, ...content } = body;
  await checkContent(db, content);
  const created = await uniqueOr409(() =>
    db.transaction().execute(async (tx) => {
      const taken = await repo.itemKeyOrCodeTaken(tx, key, codes.implementationCode);
      if (taken?.key === key) throw new AppError('ITEM_KEY_TAKEN', { field: 'key', detail: `事项标识“${key}”已被使用` });
      if (taken) throw new AppError('ITEM_CODE_TAKEN', { field: 'mainCode', detail: `实施编码 ${codes.implementationCode} 已被事项“${taken.key}”使用` });
      const item = await repo.insertItem(tx, {
        key, agency_id: agencyId, region_code: agency.regionCode, item_type: itemType, main_code: mainCode, sub_code: subCode, level,
        basic_code: codes.basicCode, implementation_code: codes.implementationCode, code_warnings: '[]', latest_version: 1, created_by: actor.userId,
      });
      const versionId = await writeVersion(tx, { item, versionId: null, version: 1, content, createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'catalog.item.create', targetType: 'item', targetId: item.id, agencyId, ip: ctx.ip, detail: { key, version: 1, versionId, implementationCode: codes.implementationCode } });
      return { id: item.id, versionId };
    }),
  );
  return guideView(await loadBundle(db, (await repo.findVersionById(db, created.versionId))!));
}

async function itemOr404(db: Executor, idOrKey: string) {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item) throw notFound('事项');
  return item;
}

/**
 * Applies an edit to the item's draft; when there is none, opens one (version = latest + 1) copied from the
 * published version. `onlyVersion` is set when the caller addressed a version by number: it must be the draft.
 */
export async function editDraft(db: Db, actor: Actor, idOrKey: string, patch: ItemContentPatch, opts: WriteContext & { onlyVersion?: number } = {}) {
  const found = await itemOr404(db, idOrKey);
  requireCatalog(actor, 'item.edit', found.agency_id);
  if (Object.values(patch).every((v) => v === undefined)) throw new AppError('VALIDATION_FAILED', { detail: '没有要修改的内容' });
  await checkContent(db, patch);
  const versionId = await db.transaction().execute(async (tx) => {
    const item = (await repo.findItemForUpdate(tx, found.id))!;
    const draft = await repo.findVersionByStatus(tx, item.id, 'draft');
    if (opts.onlyVersion !== undefined && draft?.version !== opts.onlyVersion) {
      const exists = await repo.findVersionByNumber(tx, item.id, opts.onlyVersion);
      if (!exists) throw notFound('事项版本');
      throw new AppError('VERSION_NOT_EDITABLE', { detail: `版本 ${opts.onlyVersion} 已${exists.status === 'published' ? '发布' : '归档'}，不能修改；修改事项会生成新的草稿版本` });
    }
    const base = draft ?? (await repo.findVersionByStatus(tx, item.id, 'published')) ?? (await repo.findVersionByNumber(tx, item.id, item.latest_version));
    if (!base) throw notFound('事项版本');
    const baseBundle = await loadBundle(tx, base);
    const content: ItemContent = { ...contentOf(baseBundle), changeNote: draft?.change_note ?? null, ...stripUndefined(patch) };
    const version = draft ? draft.version : item.latest_version + 1;
    // A situation keeps its 业务办理项编码 across versions (imported items may carry codes of another format).
    const handlingCodes = Object.fromEntries(baseBundle.situations.map((s) => [s.seq, s.handling_code]));
    const id = await writeVersion(tx, { item, versionId: draft?.id ?? null, version, content, createdBy: actor.userId, handlingCodes });
    if (!draft) await repo.updateItem(tx, item.id, { latest_version: version });
    await recordAudit(tx, actor, {
      action: draft ? 'catalog.item.edit_draft' : 'catalog.item.new_version', targetType: 'item', targetId: item.id, agencyId: item.agency_id, ip: opts.ip,
      detail: { key: item.key, version, versionId: id, fields: Object.keys(patch) },
    });
    return id;
  });
  return guideView(await loadBundle(db, (await repo.findVersionById(db, versionId))!));
}

const stripUndefined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Publishes the draft (center admin only): archives the previous version and syncs every channel in one go. */
export async function publishDraft(db: Db, actor: Actor, idOrKey: string, opts: WriteContext & { version?: number } = {}) {
  const found = await itemOr404(db, idOrKey);
  requireCatalog(actor, 'item.publish', found.agency_id);
  const result = await db.transaction().execute(async (tx) => {
    const item = (await repo.findItemForUpdate(tx, found.id))!;
    const draft = await repo.findVersionByStatus(tx, item.id, 'draft');
    if (!draft) throw new AppError('NO_DRAFT_TO_PUBLISH', { detail: `事项“${item.key}”没有待发布的草稿` });
    if (opts.version !== undefined && opts.version !== draft.version) {
      throw new AppError('VERSION_NOT_EDITABLE', { field: 'version', detail: `版本 ${opts.version} 不是草稿，当前草稿为版本 ${draft.version}` });
    }
    const previous = await repo.findVersionByStatus(tx, item.id, 'published');
    const now = new Date();
    if (previous) await repo.updateVersion(tx, previous.id, { status: 'archived', archived_at: now });
    await repo.updateVersion(tx, draft.id, { status: 'published', published_at: now, published_by: actor.userId });
    await repo.updateItem(tx, item.id, { current_version_id: draft.id });
    await syncChannels(tx, item.id, draft.id, draft.channels, now);
    await recordAudit(tx, actor, {
      action: 'catalog.item.publish', targetType: 'item', targetId: item.id, agencyId: item.agency_id, ip: opts.ip,
      detail: { key: item.key, version: draft.version, versionId: draft.id, previousVersion: previous?.version ?? null },
    });
    await publish(tx, 'catalog.item_published', { itemId: item.id, key: item.key, versionId: draft.id, version: draft.version, previousVersionId: previous?.id ?? null, agencyId: item.agency_id });
    return draft.id;
  });
  // After the commit, not inside the transaction: a reader refilling the cache earlier would still see the old version.
  forgetPublishedCatalog(db);
  return guideView(await loadBundle(db, (await repo.findVersionById(db, result))!));
}

/**
 * One master record feeds every channel (多渠道同源): on publish each channel shows the new version; a channel that
 * was off keeps or starts its "published since" time, one that is switched off loses it.
 */
export async function syncChannels(tx: Executor, itemId: string, versionId: string, channels: Record<string, boolean>, now: Date) {
  const current = new Map((await repo.findChannels(tx, itemId)).map((c) => [c.channel, c]));
  for (const channel of CHANNELS) {
    const on = !!channels[channel];
    const was = current.get(channel);
    await repo.upsertChannel(tx, {
      item_id: itemId,
      channel,
      published: on,
      published_since: on ? (was?.published ? was.published_since : now) : null,
      version_id: on ? versionId : null,
    });
  }
}
