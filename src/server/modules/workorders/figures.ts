import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export interface FigureRange { from: Date; to: Date; agencyId: string | null }
const agencyFilter = (agencyId: string | null) => (agencyId ? sql`AND agency_id = ${agencyId}` : sql``);

/**
 * Per agency, for orders opened from bad ratings (差评 and 意见建议) in the range, appeals upheld excluded:
 * how many, rectified (closed after callback), closed by their due date, real-name ones and those called back.
 */
export async function badRatingFollowUp(db: Executor, r: FigureRange) {
  const q = await sql<{ agency_id: string | null; orders: number; rectified: number; on_time: number; real_name: number; real_name_called_back: number }>`
    SELECT agency_id, count(*)::int AS orders,
      count(*) FILTER (WHERE status = 'closed' AND closure = 'resolved')::int AS rectified,
      count(*) FILTER (WHERE status = 'closed' AND closure = 'resolved' AND closed_on_time)::int AS on_time,
      count(*) FILTER (WHERE real_name)::int AS real_name,
      count(*) FILTER (WHERE real_name AND callback_at IS NOT NULL)::int AS real_name_called_back
    FROM work_orders
    WHERE source IN ('bad_rating', 'suggestion') AND closure IS DISTINCT FROM 'appeal_upheld'
      AND created_at >= ${r.from} AND created_at < ${r.to} ${agencyFilter(r.agencyId)}
    GROUP BY agency_id`.execute(db);
  return q.rows;
}

/** Orders opened in the range by source and current stage. */
export async function ordersBySourceAndStage(db: Executor, r: FigureRange) {
  const q = await sql<{ source: string; status: string; n: number }>`
    SELECT source, status, count(*)::int AS n FROM work_orders
    WHERE created_at >= ${r.from} AND created_at < ${r.to} ${agencyFilter(r.agencyId)}
    GROUP BY source, status ORDER BY source, status`.execute(db);
  return q.rows;
}

/** Overdue orders: open ones past their stage deadline now, and ones closed after their due date within the range. */
export async function overdueOrders(db: Executor, r: FigureRange) {
  // Two branches so each uses its partial index (open orders by stage deadline, closed ones by closing time).
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
