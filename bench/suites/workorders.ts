import { sql } from 'kysely';
import { note, percentile, type BenchSuite } from '../lib.js';
import type { Db } from '../../src/server/platform/db/database.js';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import { startImport, processImport } from '../../src/server/modules/workorders/import.js';
import { computeIndicators } from '../../src/server/modules/analytics/service.js';
import { findAgencies } from '../../src/server/modules/identity/repository.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = 30;
const CATEGORIES = ['咨询', '求助', '投诉', '建议'];

async function supervisor(db: Db): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'name']).where('login', '=', 'sup.zheng').executeTakeFirstOrThrow();
  return { kind: 'staff', userId: u.id, displayName: u.name, grants: [{ role: 'supervisor', agencyId: 'mh-zwb' }] };
}

/** A 12345 export: CSV with Chinese headers, call times spread over October 2026, units named by their full names. */
function ticketCsv(n: number, units: string[]): string {
  const lines = ['工单编号,来电时间,诉求类型,承办单位,诉求内容,诉求人,联系电话'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`BENCH${String(i).padStart(8, '0')},2026-10-${day} ${String(8 + (i % 10)).padStart(2, '0')}:15,${CATEGORIES[i % 4]},${units[i % units.length]},"市民反映第${i}号问题，请核实处理",市民${i % 100},139${String(i).padStart(8, '0')}`);
  }
  return lines.join('\n');
}

/**
 * 1M completed cases (one 办件评价 invitation each — what the indicators count cases from), 20% of them rated,
 * 2% 查询类, over 2025, across the district's agencies; bad ratings get their 差评 work orders.
 */
async function seedRatings(db: Db, agencies: string[]) {
  await sql`INSERT INTO rating_invitations (kind, case_id, case_no, item_id, item_name, item_kind, agency_id, occurred_at, expires_at)
    SELECT 'case', 'bench-' || g, 'BENCH' || g, 'item-' || (g % 80), '基准事项' || (g % 80), CASE WHEN g % 50 = 0 THEN 'query' ELSE 'application' END,
      (${agencies}::text[])[1 + g % ${agencies.length}], t, t + interval '30 days'
    FROM generate_series(1, ${CASES}) g, LATERAL (SELECT timestamptz '2025-01-01 00:00+08' + (g % 365) * interval '1 day' + (g % 36000) * interval '1 second' AS t) x`.execute(db);
  await sql`WITH r AS (
      INSERT INTO ratings (invitation_id, kind, case_id, case_no, item_id, item_name, item_kind, case_completed_at, agency_id, level, is_bad, comment, channel, real_name, region_code, counted, push_status, rated_at)
      SELECT i.id, 'case', i.case_id, i.case_no, i.item_id, i.item_name, i.item_kind, i.occurred_at, i.agency_id, lv, lv >= 4, CASE WHEN lv >= 4 THEN '基准差评' END,
        'mobile', true, '310112', true, CASE WHEN n % 20 = 0 THEN 'failed' ELSE 'pushed' END, i.occurred_at + interval '1 hour'
      FROM rating_invitations i, LATERAL (SELECT substr(i.case_id, 7)::int AS n) k,
        LATERAL (SELECT CASE WHEN n % 100 < 70 THEN 1 WHEN n % 100 < 90 THEN 2 WHEN n % 100 < 96 THEN 3 WHEN n % 100 < 98 THEN 4 ELSE 5 END AS lv) l
      WHERE i.case_id LIKE 'bench-%' AND n % 5 = 0
      RETURNING id, invitation_id, is_bad, agency_id, rated_at)
    , u AS (UPDATE rating_invitations i SET counted_rating_id = r.id FROM r WHERE i.id = r.invitation_id)
    INSERT INTO work_orders (order_no, source, status, agency_id, title, content, rating_id, real_name, stage_started_at, due_at, closed_at, closed_on_time, closure, callback_at, created_at)
    SELECT 'GDB' || lpad(nextval('work_order_no_seq')::text, 9, '0'), 'bad_rating', 'closed', r.agency_id, '差评', '基准差评', r.id, true, r.rated_at,
      r.rated_at + interval '7 days', r.rated_at + interval '3 days', true, 'resolved', r.rated_at + interval '2 days', r.rated_at
    FROM r WHERE r.is_bad`.execute(db);
  // Steady state: autovacuum has run (visibility map set), so index-only scans need no heap visits.
  await sql`VACUUM ANALYZE rating_invitations`.execute(db);
  await sql`VACUUM ANALYZE ratings`.execute(db);
  await sql`VACUUM ANALYZE work_orders`.execute(db);
}

async function timeRuns(fn: () => Promise<unknown>) {
  const ms: number[] = [];
  await fn();
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  return ms.sort((a, b) => a - b);
}

const suite: BenchSuite = {
  name: 'workorders',
  description: `12345 import of ${TICKETS} tickets (time, rows/s) and the indicator queries over ${CASES} cases and ~${CASES / 5} ratings (p50/p99)`,
  async run({ platform, emit }) {
    const { platform: p } = await platform();
    const db = p.db;
    const sup = await supervisor(db);
    const agencies = (await findAgencies(db)).filter((a) => a.parent_id === 'mh');

    note(`workorders: importing ${TICKETS} 12345 tickets`);
    const csv = ticketCsv(TICKETS, agencies.map((a) => a.name));
    const started = performance.now();
    const report = await startImport(db, sup, { fileName: 'bench.csv', format: 'csv', text: csv });
    await processImport({ importId: report.id }, { db, jobId: 0, attempt: 1 });
    const seconds = (performance.now() - started) / 1000;
    const done = await db.selectFrom('work_order_imports').select(['inserted', 'error_count']).where('id', '=', report.id).executeTakeFirstOrThrow();
    if (done.inserted !== TICKETS) throw new Error(`imported ${done.inserted} of ${TICKETS} (errors: ${done.error_count})`);
    // Reference: the same rows into a bare temporary table through the same jsonb path — the floor for writing them.
    const rows = csv.split('\n').slice(1).map((l) => ({ t: l.slice(0, 13), c: l }));
    const refStart = performance.now();
    await db.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE bench_plain (t text, c text) ON COMMIT DROP`.execute(tx);
      for (let i = 0; i < rows.length; i += 1000) await sql`INSERT INTO bench_plain SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) AS x(t text, c text)`.execute(tx);
    });
    const refSeconds = (performance.now() - refStart) / 1000;
    emit({ name: 'workorders.import12345.seconds', value: seconds, unit: 's' });
    emit({ name: 'workorders.import12345.rows_per_s', value: TICKETS / seconds, unit: 'rows/s', reference: { name: 'plain-temp-table-insert.rows_per_s', value: TICKETS / refSeconds } });
    note('workorders: re-importing the same file (upsert path)');
    const again = performance.now();
    const r2 = await startImport(db, sup, { fileName: 'bench.csv', format: 'csv', text: csv });
    await processImport({ importId: r2.id }, { db, jobId: 0, attempt: 1 });
    emit({ name: 'workorders.reimport12345.rows_per_s', value: TICKETS / ((performance.now() - again) / 1000), unit: 'rows/s' });

    note(`workorders: seeding ${CASES} cases and their ratings`);
    await seedRatings(db, agencies.map((a) => a.id));
    const ref = await timeRuns(() => sql`SELECT count(*) FROM rating_invitations`.execute(db));
    const reference = { name: 'count-all-invitations.p50', value: percentile(ref, 50) };
    const queries: [string, { from: string; to: string; agencyId?: string }][] = [
      ['district.month', { from: '2025-06-01', to: '2025-06-30' }],
      ['district.year', { from: '2025-01-01', to: '2025-12-31' }],
      ['agency.quarter', { from: '2025-04-01', to: '2025-06-30', agencyId: 'mh-scjgj' }],
    ];
    for (const [label, q] of queries) {
      const ms = await timeRuns(() => computeIndicators(db, sup, q));
      emit({ name: `analytics.indicators.${label}.p50`, value: percentile(ms, 50), unit: 'ms', reference });
      emit({ name: `analytics.indicators.${label}.p99`, value: percentile(ms, 99), unit: 'ms', reference });
    }
  },
};
export default suite;
