import type { Db } from '../../platform/db/database.js';
import { hasRole, requireLogin, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { caseRatingCoverage, ratingLevels, ratingLevelsPerItem } from '../ratings/contract.js';
import { badRatingFollowUp, ordersBySourceAndStage, overdueOrders } from '../workorders/contract.js';
import { DEFINITIONS, type IndicatorKey } from './definitions.js';

export interface IndicatorQuery { from: string; to: string; agencyId?: string }

/** District figures for center roles; a department's staff may look at their own agency only. */
function checkAccess(actor: Actor, agencyId: string | undefined) {
  requireLogin(actor);
  if (hasRole(actor, ['center_admin', 'supervisor'])) return;
  if (agencyId && hasRole(actor, ['dept_admin', 'approver'], agencyId)) return;
  throw new AppError('FORBIDDEN', { detail: agencyId ? '只能查看本单位的指标' : '全区指标仅中心管理员和督查人员可查看，部门请指定本单位 agencyId' });
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
/** A figure with its definition (口径) alongside, so the number is never shown without what it counts. */
const described = (key: IndicatorKey) => {
  const { name, ...definition } = DEFINITIONS[key];
  return { key, name, definition };
};
const figure = (key: IndicatorKey, numerator: number, denominator: number) => ({ ...described(key), value: ratio(numerator, denominator), numerator, denominator });

/** Column totals over the per-agency rows (the district figure is the sum of its agencies'). */
function sum<T, K extends keyof T & string>(rows: T[], keys: K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = rows.reduce<number>((a, r) => a + Number(r[k] ?? 0), 0);
  return out;
}

/**
 * All indicators for [from, to] (Shanghai days, inclusive) for one agency or the whole district (agencyId omitted
 * or the district root), each with its definition, plus the per-agency and per-item tables.
 */
export async function computeIndicators(db: Db, actor: Actor, q: IndicatorQuery, districtId = 'mh') {
  const agencyId = q.agencyId && q.agencyId !== districtId ? q.agencyId : undefined;
  checkAccess(actor, agencyId);
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000);
  if (to <= from) throw new AppError('VALIDATION_FAILED', { detail: '结束日期不能早于开始日期', field: 'to' });
  if (to.getTime() - from.getTime() > 367 * 5 * 86_400_000) throw new AppError('VALIDATION_FAILED', { detail: '统计区间最长5年', field: 'from' });
  const range = { from, to, agencyId: agencyId ?? null };
  const [coverage, levels, items, follow, stages, overdue] = await Promise.all([
    caseRatingCoverage(db, range), ratingLevels(db, range), ratingLevelsPerItem(db, range), badRatingFollowUp(db, range),
    ordersBySourceAndStage(db, range), overdueOrders(db, range),
  ]);
  const c = sum(coverage, ['completed', 'rated', 'rated_pushed']);
  const l = sum(levels, ['counted', 'bad', 'level_sum', 'repeats']);
  const f = sum(follow, ['orders', 'rectified', 'on_time', 'real_name', 'real_name_called_back']);
  const o = sum(overdue, ['overdue_open', 'closed_late']);
  const avg = (s: number, n: number) => (n === 0 ? null : Math.round((s / n) * 100) / 100);
  return {
    range: { from: q.from, to: q.to, agencyId: agencyId ?? districtId, scope: agencyId ? 'agency' : 'district' },
    figures: [
      { ...figure('case_rating_rate', c.rated_pushed, c.completed), ratedLocally: c.rated },
      figure('bad_rate', l.bad, l.counted),
      figure('bad_rectified_rate', f.rectified, f.orders),
      figure('bad_rectified_on_time_rate', f.on_time, f.orders),
      figure('real_name_callback_rate', f.real_name_called_back, f.real_name),
      { ...described('average_level'), value: avg(l.level_sum, l.counted), numerator: l.level_sum, denominator: l.counted },
      { ...described('overdue_orders'), value: o.overdue_open + o.closed_late, overdueOpen: o.overdue_open, closedLate: o.closed_late },
    ],
    perAgency: perAgency(coverage, levels, follow, overdue),
    perItem: items.map((i) => ({ itemId: i.item_id, itemName: i.item_name, agencyId: i.agency_id, ratings: i.counted, averageLevel: avg(i.level_sum, i.counted), bad: i.bad })),
    workOrders: { bySourceAndStage: stages.map((s) => ({ source: s.source, status: s.status, count: s.n })) },
  };
}

function perAgency(coverage: Awaited<ReturnType<typeof caseRatingCoverage>>, levels: Awaited<ReturnType<typeof ratingLevels>>,
  follow: Awaited<ReturnType<typeof badRatingFollowUp>>, overdue: Awaited<ReturnType<typeof overdueOrders>>) {
  const ids = [...new Set([...coverage, ...levels, ...follow, ...overdue].map((r) => r.agency_id))].sort((a, b) => String(a).localeCompare(String(b)));
  return ids.map((id) => {
    const c = coverage.find((r) => r.agency_id === id);
    const l = levels.find((r) => r.agency_id === id);
    const f = follow.find((r) => r.agency_id === id);
    const o = overdue.find((r) => r.agency_id === id);
    return {
      agencyId: id,
      completedCases: c?.completed ?? 0, caseRatingRate: ratio(c?.rated_pushed ?? 0, c?.completed ?? 0),
      ratings: l?.counted ?? 0, badRate: ratio(l?.bad ?? 0, l?.counted ?? 0), averageLevel: l && l.counted ? Math.round((l.level_sum / l.counted) * 100) / 100 : null,
      badOrders: f?.orders ?? 0, badRectifiedRate: ratio(f?.rectified ?? 0, f?.orders ?? 0), badRectifiedOnTimeRate: ratio(f?.on_time ?? 0, f?.orders ?? 0),
      realNameCallbackRate: ratio(f?.real_name_called_back ?? 0, f?.real_name ?? 0),
      overdueOpen: o?.overdue_open ?? 0, closedLate: o?.closed_late ?? 0,
    };
  });
}
