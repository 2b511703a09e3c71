import { sql } from 'kysely';
import type { Db } from '../../src/server/platform/db/database.js';
import { columnsOf, copyList } from './tables.js';

const PREFIX = 'BULK-';

/**
 * Loads `n` cases into the real tables with generate_series, copied from a real accepted case and its open review
 * task: spread over every department with reviewers, a year of submission days, one in five still running (with a
 * pending pool task), the rest delivered (with a done step). Idempotent: an already loaded run is kept.
 */
export async function loadBulkCases(db: Db, n: number, template: { caseId: string; stepId: string }): Promise<{ loaded: number; seconds: number }> {
  const have = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE case_no LIKE ${`${PREFIX}%`}`.execute(db);
  if (have.rows[0].n >= n) return { loaded: 0, seconds: 0 };
  const started = performance.now();
  const agencies = (await sql<{ agency_id: string }>`SELECT DISTINCT agency_id FROM role_grants WHERE role = 'reviewer' ORDER BY 1`.execute(db)).rows.map((r) => r.agency_id);
  const agencyArray = `ARRAY[${agencies.map((a) => `'${a.replace(/'/g, "''")}'`).join(',')}]`;
  const day = `(g % 365) * interval '1 day' + (g % 86400) * interval '1 second'`;
  const cases = copyList(await columnsOf(db, 'cases'), {
    id: 'gen_random_uuid()', case_no: `'${PREFIX}' || lpad(g::text, 9, '0')`, agency_id: `(${agencyArray})[1 + g % ${agencies.length}]`,
    status: `CASE WHEN g % 5 = 0 THEN 'in_progress' ELSE 'delivered' END`, outcome: `CASE WHEN g % 5 = 0 THEN NULL ELSE 'approved' END`,
    submitted_at: `now() - (${day})`, accepted_at: `now() - (${day})`, created_at: `now() - (${day})`, updated_at: `now() - (${day})`,
    deadline_at: `now() - (${day}) + interval '10 days'`, warn_at: `now() - (${day}) + interval '8 days'`,
    completed_at: `CASE WHEN g % 5 = 0 THEN NULL ELSE now() - (${day}) + interval '5 days' END`,
    delivered_at: `CASE WHEN g % 5 = 0 THEN NULL ELSE now() - (${day}) + interval '6 days' END`,
  });
  await sql.raw(`INSERT INTO cases (${cases.names}) SELECT ${cases.values.replace(/"(\w+)"/g, 't."$1"')} FROM cases t, generate_series(${have.rows[0].n + 1}, ${n}) g WHERE t.id = '${template.caseId}'`).execute(db);
  const steps = copyList(await columnsOf(db, 'case_steps'), {
    id: 'gen_random_uuid()', case_id: 'c.id', agency_id: 'c.agency_id', seq: '1', state: `CASE WHEN c.status = 'in_progress' THEN 'pending' ELSE 'done' END`,
    started_at: 'c.accepted_at', ended_at: `CASE WHEN c.status = 'in_progress' THEN NULL ELSE c.completed_at END`,
    action: `CASE WHEN c.status = 'in_progress' THEN NULL ELSE 'pass' END`, action_label: `CASE WHEN c.status = 'in_progress' THEN NULL ELSE '通过' END`,
  });
  await sql.raw(`INSERT INTO case_steps (${steps.names}) SELECT ${steps.values.replace(/(?<![.\w])"(\w+)"/g, 's."$1"')} FROM case_steps s, cases c
    WHERE s.id = '${template.stepId}' AND c.case_no LIKE '${PREFIX}%' AND NOT EXISTS (SELECT 1 FROM case_steps x WHERE x.case_id = c.id)`).execute(db);
  await sql`ANALYZE cases`.execute(db);
  await sql`ANALYZE case_steps`.execute(db);
  return { loaded: n - have.rows[0].n, seconds: (performance.now() - started) / 1000 };
}
