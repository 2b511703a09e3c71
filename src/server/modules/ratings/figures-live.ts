/**
 * The indicator figures computed directly from the ratings and invitations. Used for ranges that do not start and end
 * at Shanghai midnight (the daily summary cannot split a day) and as the reference the summary is tested against.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

import type { FigureRange } from './figures.js';

const agencyFilter = (column: string, agencyId: string | null) => (agencyId ? sql`AND ${sql.ref(column)} = ${agencyId}` : sql``);

/**
 * Per agency: cases completed in the range (查询类 excluded) and how many of them have their counted rating,
 * locally and as acknowledged by the city system (only pushed ratings count in the city's figures).
 */
export async function caseRatingCoverageLive(db: Executor, r: FigureRange) {
  // Two index-only scans instead of a join: the counted rating carries its case's completion time and item kind.
  const [completed, rated] = await Promise.all([
    sql<{ agency_id: string | null; completed: number }>`
      SELECT agency_id, count(*)::int AS completed FROM rating_invitations
      WHERE kind = 'case' AND occurred_at >= ${r.from} AND occurred_at < ${r.to} AND item_kind IS DISTINCT FROM 'query' ${agencyFilter('agency_id', r.agencyId)}
      GROUP BY agency_id`.execute(db),
    sql<{ agency_id: string | null; rated: number; rated_pushed: number }>`
      SELECT agency_id, count(*)::int AS rated, count(*) FILTER (WHERE push_status = 'pushed')::int AS rated_pushed FROM ratings
      WHERE counted AND kind = 'case' AND case_completed_at >= ${r.from} AND case_completed_at < ${r.to}
        AND item_kind IS DISTINCT FROM 'query' ${agencyFilter('agency_id', r.agencyId)}
      GROUP BY agency_id`.execute(db),
  ]);
  const ids = new Set([...completed.rows, ...rated.rows].map((x) => x.agency_id));
  return [...ids].map((agency_id) => {
    const c = completed.rows.find((x) => x.agency_id === agency_id);
    const d = rated.rows.find((x) => x.agency_id === agency_id);
    return { agency_id, completed: c?.completed ?? 0, rated: d?.rated ?? 0, rated_pushed: d?.rated_pushed ?? 0 };
  });
}

/** Per agency: counted ratings given in the range, bad ones (appeals upheld excluded), real-name bad ones, mean level. */
export async function ratingLevelsLive(db: Executor, r: FigureRange) {
  const q = await sql<{ agency_id: string | null; counted: number; bad: number; bad_real_name: number; level_sum: number; repeats: number }>`
    SELECT agency_id,
           count(*) FILTER (WHERE counted)::int AS counted,
           count(*) FILTER (WHERE counted AND is_bad AND NOT appeal_upheld)::int AS bad,
           count(*) FILTER (WHERE counted AND is_bad AND NOT appeal_upheld AND real_name)::int AS bad_real_name,
           coalesce(sum(level) FILTER (WHERE counted), 0)::int AS level_sum,
           count(*) FILTER (WHERE NOT counted)::int AS repeats
    FROM ratings WHERE rated_at >= ${r.from} AND rated_at < ${r.to} ${agencyFilter('agency_id', r.agencyId)}
    GROUP BY agency_id`.execute(db);
  return q.rows;
}

/** Mean level per item (counted ratings of cases), the most rated items first. */
export async function ratingLevelsPerItemLive(db: Executor, r: FigureRange, limit = 50) {
  const q = await sql<{ item_id: string; item_name: string | null; agency_id: string | null; counted: number; level_sum: number; bad: number }>`
    SELECT item_id, max(item_name) AS item_name, max(agency_id) AS agency_id, count(*)::int AS counted,
           sum(level)::int AS level_sum, count(*) FILTER (WHERE is_bad AND NOT appeal_upheld)::int AS bad
    FROM ratings WHERE counted AND item_id IS NOT NULL AND rated_at >= ${r.from} AND rated_at < ${r.to} ${agencyFilter('agency_id', r.agencyId)}
    GROUP BY item_id ORDER BY count(*) DESC, item_id LIMIT ${limit}`.execute(db);
  return q.rows;
}
