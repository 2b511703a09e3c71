/**
 * The work-order figures computed directly from work_orders. Used for ranges that do not start and end at Shanghai
 * midnight (the daily summary cannot split a day) and as the reference the summary is tested against.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

import type { FigureRange } from './figures.js';
const agencyFilter = (agencyId: string | null) => (agencyId ? sql`AND agency_id = ${agencyId}` : sql``);

/**
 * Per agency, for orders opened from bad ratings (差评 and 意见建议) in the range, appeals upheld excluded:
 * how many, rectified (closed after callback), closed by their due date, real-name ones and those called back.
 */
export async function badRatingFollowUpLive(db: Executor, r: FigureRange) {
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
export async function ordersBySourceAndStageLive(db: Executor, r: FigureRange) {
  const q = await sql<{ source: string; status: string; n: number }>`
    SELECT source, status, count(*)::int AS n FROM work_orders
    WHERE created_at >= ${r.from} AND created_at < ${r.to} ${agencyFilter(r.agencyId)}
    GROUP BY source, status ORDER BY source, status`.execute(db);
  return q.rows;
}
