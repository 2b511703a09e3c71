import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { shanghaiDays, type FigureRange } from '../../platform/time/shanghai.js';
import { badRatingFollowUpLive, ordersBySourceAndStageLive } from './figures-live.js';

export type { FigureRange };

const agencyFilter = (agencyId: string | null) => (agencyId ? sql`AND agency_id = ${agencyId}` : sql``);

/**
 * Per agency, for orders opened from bad ratings (差评 and 意见建议) in the range, appeals upheld excluded:
 * how many, rectified (closed after callback), closed by their due date, real-name ones and those called back.
 * Read from the daily summary (work_order_daily_figures, kept exact by triggers) when the range is whole days.
 */
export async function badRatingFollowUp(db: Executor, r: FigureRange) {
  const days = shanghaiDays(r);
  if (!days) return badRatingFollowUpLive(db, r);
  const q = await sql<{ agency_id: string | null; orders: number; rectified: number; on_time: number; real_name: number; real_name_called_back: number }>`
    SELECT agency_id, sum(orders)::int AS orders,
      coalesce(sum(resolved) FILTER (WHERE status = 'closed'), 0)::int AS rectified,
      coalesce(sum(resolved_on_time) FILTER (WHERE status = 'closed'), 0)::int AS on_time,
      sum(real_name)::int AS real_name, sum(real_name_called_back)::int AS real_name_called_back
    FROM work_order_daily_figures
    WHERE source IN ('bad_rating', 'suggestion') AND NOT appeal_upheld
      AND day >= ${days.fromDay}::date AND day < ${days.toDay}::date ${agencyFilter(r.agencyId)}
    GROUP BY agency_id HAVING sum(orders) > 0`.execute(db);
  return q.rows;
}

/** Orders opened in the range by source and current stage. */
export async function ordersBySourceAndStage(db: Executor, r: FigureRange) {
  const days = shanghaiDays(r);
  if (!days) return ordersBySourceAndStageLive(db, r);
  const q = await sql<{ source: string; status: string; n: number }>`
    SELECT source, status, sum(orders)::int AS n FROM work_order_daily_figures
    WHERE day >= ${days.fromDay}::date AND day < ${days.toDay}::date ${agencyFilter(r.agencyId)}
    GROUP BY source, status HAVING sum(orders) > 0 ORDER BY source, status`.execute(db);
  return q.rows;
}

/**
 * Overdue orders: open ones past their stage deadline now (live: it depends on the clock), and ones closed after
 * their due date within the range. Each branch is an index-only scan of its partial index (work_orders_open_due,
 * work_orders_closed_late).
 */
export async function overdueOrders(db: Executor, r: FigureRange) {
  const q = await sql<{ agency_id: string | null; overdue_open: number; closed_late: number }>`
    SELECT agency_id, sum(overdue_open)::int AS overdue_open, sum(closed_late)::int AS closed_late FROM (
      SELECT agency_id, 1 AS overdue_open, 0 AS closed_late FROM work_orders
      WHERE status <> 'closed' AND stage_due_at < now() ${agencyFilter(r.agencyId)}
      UNION ALL
      SELECT agency_id, 0, 1 FROM work_orders
      WHERE status = 'closed' AND closed_at >= ${r.from} AND closed_at < ${r.to} AND closed_on_time = false ${agencyFilter(r.agencyId)}
    ) x GROUP BY agency_id`.execute(db);
  return q.rows;
}
