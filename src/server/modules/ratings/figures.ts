import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { shanghaiDays, type FigureRange } from '../../platform/time/shanghai.js';
import { caseRatingCoverageLive, ratingLevelsLive, ratingLevelsPerItemLive } from './figures-live.js';

export type { FigureRange };

const agencyFilter = (agencyId: string | null) => (agencyId ? sql`AND agency_id = ${agencyId}` : sql``);

/**
 * Per agency: cases completed in the range (查询类 excluded) and how many of them have their counted rating,
 * locally and as acknowledged by the city system (only pushed ratings count in the city's figures).
 * Read from the daily summary (rating_case_daily_figures), kept exact by triggers on invitations and ratings.
 */
export async function caseRatingCoverage(db: Executor, r: FigureRange) {
  const days = shanghaiDays(r);
  if (!days) return caseRatingCoverageLive(db, r);
  const q = await sql<{ agency_id: string | null; completed: number; rated: number; rated_pushed: number }>`
    SELECT agency_id, sum(completed)::int AS completed, sum(rated)::int AS rated, sum(rated_pushed)::int AS rated_pushed
    FROM rating_case_daily_figures WHERE day >= ${days.fromDay}::date AND day < ${days.toDay}::date ${agencyFilter(r.agencyId)}
    GROUP BY agency_id HAVING sum(completed) > 0 OR sum(rated) > 0`.execute(db);
  return q.rows;
}

/** Per agency: counted ratings given in the range, bad ones (appeals upheld excluded), real-name bad ones, mean level. */
export async function ratingLevels(db: Executor, r: FigureRange) {
  const days = shanghaiDays(r);
  if (!days) return ratingLevelsLive(db, r);
  const q = await sql<{ agency_id: string | null; counted: number; bad: number; bad_real_name: number; level_sum: number; repeats: number }>`
    SELECT agency_id, sum(counted)::int AS counted, sum(bad)::int AS bad, sum(bad_real_name)::int AS bad_real_name,
      sum(level_sum)::int AS level_sum, sum(repeats)::int AS repeats
    FROM rating_daily_figures WHERE day >= ${days.fromDay}::date AND day < ${days.toDay}::date ${agencyFilter(r.agencyId)}
    GROUP BY agency_id HAVING sum(counted) + sum(repeats) > 0`.execute(db);
  return q.rows;
}

/** Mean level per item (counted ratings of cases), the most rated items first. */
export async function ratingLevelsPerItem(db: Executor, r: FigureRange, limit = 50) {
  const days = shanghaiDays(r);
  if (!days) return ratingLevelsPerItemLive(db, r, limit);
  const q = await sql<{ item_id: string; item_name: string | null; agency_id: string | null; counted: number; level_sum: number; bad: number }>`
    SELECT item_id, max(item_name) AS item_name, max(agency_id) AS agency_id, sum(counted)::int AS counted,
      sum(level_sum)::int AS level_sum, sum(bad)::int AS bad
    FROM rating_daily_figures
    WHERE counted > 0 AND item_id IS NOT NULL AND day >= ${days.fromDay}::date AND day < ${days.toDay}::date ${agencyFilter(r.agencyId)}
    GROUP BY item_id ORDER BY sum(counted) DESC, item_id LIMIT ${limit}`.execute(db);
  return q.rows;
}
