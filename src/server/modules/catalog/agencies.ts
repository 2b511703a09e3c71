import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findAgencies } from '../identity/repository.js';

export interface AgencyInfo {
  id: string;
  name: string;
  shortName: string | null;
  uscc: string;
  regionCode: string;
  nature: string;
  phone: string | null;
}

/**
 * Agencies are owned by the identity module; the catalog reads them through identity's exported query and keeps
 * them for a minute per database (names and USCCs change rarely, and every guide needs them).
 */
const cache = new WeakMap<object, { at: number; byId: Map<string, AgencyInfo> }>();

export async function agencyMap(db: Executor): Promise<Map<string, AgencyInfo>> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < 60_000) return hit.byId;
  const rows = await findAgencies(db);
  const byId = new Map(rows.map((a) => [a.id, { id: a.id, name: a.name, shortName: a.short_name, uscc: a.uscc, regionCode: a.region_code, nature: a.nature, phone: a.phone }]));
  if (!db.isTransaction) cache.set(db, { at: Date.now(), byId });
  return byId;
}

export async function requireAgency(db: Executor, id: string, field = 'agencyId'): Promise<AgencyInfo> {
  const a = (await agencyMap(db)).get(id);
  if (!a) throw new AppError('VALIDATION_FAILED', { detail: `机构 ${id} 不存在`, field });
  return a;
}

/** A department's short label for lists: "市场监督管理局" rather than "上海市闵行区市场监督管理局". */
export const shortAgencyName = (a: AgencyInfo) => a.shortName ?? a.name.replace(/^上海市/, '').replace(/^闵行区/, '');
