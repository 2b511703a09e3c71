import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { agencyMap } from './agencies.js';
import { requireCatalog } from './policy.js';
import * as repo from './repository.js';
import type { HallInput, KioskInput } from './schemas.js';
import type { WriteContext } from './service-items.js';

/**
 * Halls, their windows and kiosks (政务服务地图 data, indicators #36–38). A hall is written as a whole: its window
 * list replaces the old one, so the window–item map never drifts from what the admin console shows.
 */

const DISTRICT = '310112';

async function regionOf(db: Executor, agencyId: string | null | undefined): Promise<string> {
  if (!agencyId) return DISTRICT;
  const a = (await agencyMap(db)).get(agencyId);
  if (!a) throw new AppError('VALIDATION_FAILED', { field: 'agencyId', detail: `机构 ${agencyId} 不存在` });
  return a.regionCode;
}

/** Resolves each window's item keys; ["*"] marks a 无差别综窗 that takes every item. */
async function resolveWindows(db: Executor, windows: HallInput['windows']) {
  const keys = [...new Set(windows.flatMap((w) => w.itemKeys.filter((k) => k !== '*')))];
  const ids = new Map((await repo.findItemsByKeys(db, keys)).map((i) => [i.key, i.id]));
  const errors: FieldProblem[] = [];
  const codes = new Set<string>();
  const out = windows.map((w, i) => {
    if (codes.has(w.id)) errors.push({ field: `windows.${i}.id`, message: `窗口号 ${w.id} 重复` });
    codes.add(w.id);
    const missing = w.itemKeys.filter((k) => k !== '*' && !ids.has(k));
    if (missing.length) errors.push({ field: `windows.${i}.itemKeys`, message: `事项不存在：${missing.join('、')}` });
    const all = w.itemKeys.includes('*');
    return { code: w.id, name: w.name, type: w.type, active: w.active, all_items: all, itemIds: all ? [] : w.itemKeys.map((k) => ids.get(k)!).filter(Boolean) };
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: errors.map((e) => `${e.field} ${e.message}`).join('；'), errors });
  return out;
}

async function writeKiosk(tx: Executor, k: KioskInput, hallId: string | null, region: string) {
  if (k.hallId && k.hallId !== hallId && !(await repo.findHall(tx, k.hallId))) throw new AppError('HALL_NOT_FOUND', { field: 'hallId' });
  await repo.upsertKiosk(tx, {
    terminal_id: k.terminalId, name: k.name, kind: k.kind, venue_type: k.venueType, hall_id: k.hallId ?? hallId, address: k.address, region_code: region, active: k.active,
  });
}

/** Creates or replaces a hall with its windows; kiosks listed with it are created or updated. */
export async function saveHall(db: Db, actor: Actor | null, hall: HallInput, ctx: WriteContext = {}) {
  if (actor) requireCatalog(actor, 'hall.manage');
  const region = await regionOf(db, hall.agencyId);
  const windows = await resolveWindows(db, hall.windows);
  await db.transaction().execute(async (tx) => {
    const existed = !!(await repo.findHall(tx, hall.id));
    await repo.upsertHall(tx, {
      id: hall.id, name: hall.name, level: hall.level, agency_id: hall.agencyId ?? null, region_code: region, address: hall.address, hours: hall.hours,
      phone: hall.phone ?? null, appointment: hall.appointment, active: hall.active,
    });
    await repo.replaceWindows(tx, hall.id, windows);
    for (const k of hall.kiosks) await writeKiosk(tx, k, hall.id, region);
    if (actor) {
      await recordAudit(tx, actor, {
        action: existed ? 'catalog.hall.update' : 'catalog.hall.create', targetType: 'hall', targetId: hall.id, agencyId: hall.agencyId ?? null, ip: ctx.ip,
        detail: { windows: windows.length, kiosks: hall.kiosks.length },
      });
    }
  });
  return (await listHalls(db, true)).halls.find((h) => h.id === hall.id)!;
}

export async function saveKiosk(db: Db, actor: Actor, kiosk: KioskInput, ctx: WriteContext = {}) {
  requireCatalog(actor, 'hall.manage');
  await db.transaction().execute(async (tx) => {
    await writeKiosk(tx, kiosk, null, DISTRICT);
    await recordAudit(tx, actor, { action: 'catalog.kiosk.save', targetType: 'kiosk', targetId: kiosk.terminalId, ip: ctx.ip, detail: { venueType: kiosk.venueType, hallId: kiosk.hallId ?? null } });
  });
  return (await listHalls(db, true)).kiosks.find((k) => k.terminalId === kiosk.terminalId)!;
}

/** Halls with their windows and kiosks, plus the window-type shares the city evaluates (综合窗口比例 ≥ 80%). */
export async function listHalls(db: Db, includeInactive = false) {
  const halls = await repo.listHalls(db, includeInactive);
  const ids = halls.map((h) => h.id);
  const [windows, windowItems, kiosks] = await Promise.all([repo.listWindows(db, ids), repo.listWindowItems(db, ids), repo.listKiosks(db, includeInactive)]);
  const kioskView = (k: (typeof kiosks)[number]) => ({ terminalId: k.terminal_id, name: k.name, kind: k.kind, venueType: k.venue_type, hallId: k.hall_id, address: k.address, active: k.active });
  return {
    halls: halls.map((h) => {
      const own = windows.filter((w) => w.hall_id === h.id && (includeInactive || w.active));
      const comprehensive = own.filter((w) => w.type === '无差别综窗' || w.type === '分领域综窗').length;
      return {
        id: h.id, name: h.name, level: h.level, agencyId: h.agency_id, address: h.address, hours: h.hours, phone: h.phone, appointment: h.appointment, active: h.active,
        updatedAt: h.updated_at,
        windows: own.map((w) => ({
          id: w.code, name: w.name, type: w.type, active: w.active, allItems: w.all_items,
          itemKeys: w.all_items ? ['*'] : windowItems.filter((x) => x.hall_id === h.id && x.window_code === w.code).map((x) => x.key),
        })),
        windowStats: { total: own.length, comprehensive, comprehensiveShare: own.length ? Math.round((comprehensive / own.length) * 1000) / 1000 : null, singleFunction: own.filter((w) => w.type === '单一功能').length },
        kiosks: kiosks.filter((k) => k.hall_id === h.id).map(kioskView),
      };
    }),
    kiosks: kiosks.map(kioskView),
  };
}
