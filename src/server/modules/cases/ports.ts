import type { Readable } from 'node:stream';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import * as identity from '../identity/contract.js';

/**
 * The other modules' functions the cases module uses, exactly as docs/contracts.md states them. They are loaded
 * lazily so that this module (and the server) still starts while a sibling module is being built; a call to a
 * module that is not there yet answers 503 instead of crashing the process at import time.
 */
export interface ItemVersionView {
  id: string; itemId: string; key: string; version: number; status: 'draft' | 'published' | 'archived';
  name: string; agencyId: string; agencyName: string;
  basicCode: string; implementationCode: string;
  situations: { seq: string; name: string; handlingCode: string }[];
  kind: 'application' | 'public_service' | 'query';
  itemType: string;
  legalLimit: { days: number; unit: 'working' | 'natural' };
  committedLimit: { days: number; unit: 'working' | 'natural' };
  immediate: boolean;
  onlineDepth: number; visits: number; channels: Record<'pc' | 'mobile' | 'kiosk' | 'window', boolean>;
  materials: { id: string; name: string; required: boolean; count: number; maxSizeMb: number; eLicenceType: string | null; exemptable: boolean }[];
  formSchema: Record<string, unknown>;
  processKey: string; coAgencies: string[];
  correctionTimeoutDays: number;
}

export interface UploadInfo { id: string; fileName: string; mime: string; size: number; sha256: string; sm3: string; storageKey: string; ownerUserId: string | null; onBehalfOfUserId?: string | null }

interface CatalogContract {
  getItemVersion(db: Executor, versionId: string): Promise<ItemVersionView>;
  getCurrentItemVersion(db: Executor, itemIdOrKey: string): Promise<ItemVersionView>;
}
interface CalendarContract {
  addWorkingDays(db: Executor, from: string, days: number): Promise<string>;
  workingDaysBetween(db: Executor, from: string, to: string): Promise<number>;
  dueDate(db: Executor, start: Date, limit: { days: number; unit: 'working' | 'natural' }): Promise<Date>;
  isWorkingDay(db: Executor, date: string): Promise<boolean>;
}
interface NotificationsContract {
  notify(db: Executor, msg: { template: string; vars: Record<string, unknown>; userId?: string | null; phone?: string | null; channels?: ('inbox' | 'sms')[]; essential?: boolean; dedupeKey?: string }): Promise<void>;
}
interface MaterialsContract {
  getUploads(db: Executor, ids: string[], ownerUserId: string | null): Promise<UploadInfo[]>;
  openUpload(db: Executor, id: string): Promise<{ stream: Readable; mime: string; size: number; fileName: string }>;
  linkUploadToCase(db: Executor, uploadId: string, caseId: string, agencyIds: string[]): Promise<void>;
}

function lazy<T>(path: string, label: string): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => {
    loaded ??= import(path).then((m) => m as T).catch(() => {
      loaded = null;
      throw new AppError('SERVICE_UNAVAILABLE', { detail: `${label}模块暂不可用` });
    });
    return loaded;
  };
}

const catalog = lazy<CatalogContract>('../catalog/service-contract.js', '事项目录');
const calendar = lazy<CalendarContract>('../calendar/service.js', '工作日历');
const notifications = lazy<NotificationsContract>('../notifications/service.js', '消息通知');
const materials = lazy<MaterialsContract>('../materials/service.js', '材料');

/**
 * Item versions are looked up on every submission and action, and building one costs the catalog several queries.
 * A published or archived version's content never changes (edits make a new version), so its view is kept for
 * ITEM_CACHE_MS; only its status may change meanwhile (published → archived), which is then seen that much later.
 * Draft versions are never cached.
 */
const ITEM_CACHE_MS = Number(process.env.TONGBAN_ITEM_CACHE_MS ?? 10_000);
const itemCache = new Map<string, { view: ItemVersionView; until: number }>();
export async function getItemVersion(db: Executor, id: string): Promise<ItemVersionView> {
  const hit = itemCache.get(id);
  if (hit && hit.until > Date.now()) return hit.view;
  const view = await (await catalog()).getItemVersion(db, id);
  if (view.status !== 'draft') {
    if (itemCache.size > 5000) itemCache.clear();
    itemCache.set(id, { view, until: Date.now() + ITEM_CACHE_MS });
  }
  return view;
}
export const getCurrentItemVersion = async (db: Executor, idOrKey: string) => (await catalog()).getCurrentItemVersion(db, idOrKey);
export const addWorkingDays = async (db: Executor, from: string, days: number) => (await calendar()).addWorkingDays(db, from, days);
export const workingDaysBetween = async (db: Executor, from: string, to: string) => (await calendar()).workingDaysBetween(db, from, to);
export const dueDate = async (db: Executor, start: Date, limit: { days: number; unit: 'working' | 'natural' }) => (await calendar()).dueDate(db, start, limit);
/**
 * A missing message template is a configuration gap of the notifications module: it must not undo a legal act
 * (受理, 办结 …) of the case, so it is logged and the act goes on. Any other failure still aborts the transaction.
 */
export const notify: NotificationsContract['notify'] = async (db, msg) => {
  try {
    await (await notifications()).notify(db, msg);
  } catch (err) {
    if ((err as { code?: string }).code !== 'MESSAGE_TEMPLATE_MISSING') throw err;
    console.warn(`[tongban] cases: message template ${msg.template} is missing; notification skipped`);
  }
};
export const getUploads = async (db: Executor, ids: string[], owner: string | null) => (await materials()).getUploads(db, ids, owner);
export const openUpload = async (db: Executor, id: string) => (await materials()).openUpload(db, id);
export const linkUploadToCase = async (db: Executor, uploadId: string, caseId: string, agencyIds: string[]) => (await materials()).linkUploadToCase(db, uploadId, caseId, agencyIds);

// Identity is a core module (always loaded before cases): its contract is imported directly.
export const { findPersonByIdCard, getUserBrief, getUserByLogin, staffInRolePool, getEnterprise, liveAuthorization } = identity;
/** An agency's region code is read on every application and practically never changes: kept for a minute. */
const regionCache = new Map<string, { code: string | null; until: number }>();
export async function agencyRegionCode(db: Executor, agencyId: string): Promise<string | null> {
  const hit = regionCache.get(agencyId);
  if (hit && hit.until > Date.now()) return hit.code;
  const code = await identity.agencyRegionCode(db, agencyId);
  regionCache.set(agencyId, { code, until: Date.now() + 60_000 });
  return code;
}
