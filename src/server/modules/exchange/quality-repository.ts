import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import './tables.js';

/** [from 00:00, to+1 00:00) in Asia/Shanghai, on the records' business time. */
const inRange = (from: string, to: string) =>
  sql<boolean>`r.business_time >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND r.business_time < ((${to}::date + 1))::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/** Push delay (upload time − business time) of acknowledged records: percentiles, buckets, the 15-minute share. */
export async function delayFigures(db: Executor, from: string, to: string) {
  const r = await sql<{
    records: number; acked: number; timely: number; not_due_yet: number;
    p50: number | null; p90: number | null; p99: number | null; max: number | null;
    b1: number; b5: number; b15: number; b60: number; bmore: number;
  }>`
    WITH d AS (
      SELECT r.state, r.uploaded_at, r.business_time, extract(epoch FROM r.uploaded_at - r.business_time) AS delay
      FROM exchange_records r WHERE ${inRange(from, to)})
    SELECT count(*)::int AS records,
      count(*) FILTER (WHERE state = 'acked')::int AS acked,
      count(*) FILTER (WHERE state = 'acked' AND delay <= 900)::int AS timely,
      count(*) FILTER (WHERE state <> 'acked' AND business_time > now() - interval '15 minutes')::int AS not_due_yet,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY delay) FILTER (WHERE state = 'acked') AS p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY delay) FILTER (WHERE state = 'acked') AS p90,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY delay) FILTER (WHERE state = 'acked') AS p99,
      max(delay) FILTER (WHERE state = 'acked') AS max,
      count(*) FILTER (WHERE state = 'acked' AND delay <= 60)::int AS b1,
      count(*) FILTER (WHERE state = 'acked' AND delay > 60 AND delay <= 300)::int AS b5,
      count(*) FILTER (WHERE state = 'acked' AND delay > 300 AND delay <= 900)::int AS b15,
      count(*) FILTER (WHERE state = 'acked' AND delay > 900 AND delay <= 3600)::int AS b60,
      count(*) FILTER (WHERE state = 'acked' AND delay > 3600)::int AS bmore
    FROM d`.execute(db);
  return r.rows[0];
}

/**
 * Step-order errors (环节顺序错误), per record: uploaded before the case's acceptance was, or uploaded before an
 * earlier record of its case, or carrying a business time earlier than an earlier record's.
 */
export async function orderErrors(db: Executor, from: string, to: string) {
  const r = await sql<{ case_id: string; case_no: string; record_id: number; seq: number; reason: string }>`
    SELECT r.case_id, r.case_no, r.id AS record_id, r.seq, 'before_acceptance' AS reason
    FROM exchange_records r
    WHERE ${inRange(from, to)} AND r.kind IN ('step', 'special', 'finish') AND r.uploaded_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM exchange_records a WHERE a.case_id = r.case_id AND a.kind = 'accept'
                      AND a.uploaded_at IS NOT NULL AND a.uploaded_at <= r.uploaded_at)
    UNION ALL
    SELECT DISTINCT ON (r.id) r.case_id, r.case_no, r.id, r.seq,
      CASE WHEN q.uploaded_at > r.uploaded_at THEN 'uploaded_out_of_order' ELSE 'business_time_out_of_order' END
    FROM exchange_records r JOIN exchange_records q ON q.case_id = r.case_id AND q.seq < r.seq
    WHERE ${inRange(from, to)} AND r.uploaded_at IS NOT NULL
      AND ((q.uploaded_at IS NOT NULL AND q.uploaded_at > r.uploaded_at) OR q.business_time > r.business_time)
    ORDER BY 1, 4`.execute(db);
  return r.rows;
}

export async function casesInRange(db: Executor, from: string, to: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(DISTINCT r.case_id)::int AS n FROM exchange_records r WHERE ${inRange(from, to)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function stateCounts(db: Executor, from: string, to: string) {
  const r = await sql<{ state: string; n: number; oldest: Date | null }>`
    SELECT r.state, count(*)::int AS n, min(r.business_time) AS oldest FROM exchange_records r WHERE ${inRange(from, to)} GROUP BY r.state`.execute(db);
  return r.rows;
}

export async function errorCodes(db: Executor, from: string, to: string) {
  const r = await sql<{ code: string; n: number; example: string | null }>`
    SELECT r.error_code AS code, count(*)::int AS n, min(r.error_message) AS example
    FROM exchange_records r WHERE ${inRange(from, to)} AND r.error_code IS NOT NULL
    GROUP BY r.error_code ORDER BY n DESC, code`.execute(db);
  return r.rows;
}

export async function problemRecords(db: Executor, from: string, to: string, limit: number) {
  return db
    .selectFrom('exchange_records as r')
    .select(['r.id', 'r.case_id', 'r.case_no', 'r.kind', 'r.seq', 'r.state', 'r.attempts', 'r.error_code', 'r.error_message', 'r.business_time', 'r.next_attempt_at'])
    .where(inRange(from, to))
    .where('r.state', 'in', ['rejected', 'failed'])
    .orderBy('r.business_time')
    .limit(limit)
    .execute();
}
