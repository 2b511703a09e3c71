import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Source, Status, WorkOrdersTable, WorkOrderRulesTable, WorkOrderStepsTable } from './tables.js';
import type { DueTicket } from './import-parse.js';
import type { Role } from '../../platform/auth/actor.js';
import './tables.js';

export type WorkOrder = Selectable<WorkOrdersTable>;
export type Rule = Selectable<WorkOrderRulesTable>;

export const findRules = (db: Executor) => db.selectFrom('work_order_rules').selectAll().orderBy('source').execute();
export const findRule = (db: Executor, source: Source) => db.selectFrom('work_order_rules').selectAll().where('source', '=', source).executeTakeFirstOrThrow();
export const updateRule = (db: Executor, source: Source, patch: Updateable<WorkOrderRulesTable>) =>
  db.updateTable('work_order_rules').set({ ...patch, updated_at: new Date() }).where('source', '=', source).returningAll().executeTakeFirst();

export const findCategoryLimits = (db: Executor) => db.selectFrom('hotline_category_limits').selectAll().orderBy('days').orderBy('category').execute();
export const updateCategoryLimit = (db: Executor, category: string, days: number, by: string) =>
  db.updateTable('hotline_category_limits').set({ days, updated_by: by, updated_at: new Date() }).where('category', '=', category).returningAll().executeTakeFirst();

/** 工单编号: GD + Shanghai date + 7-digit sequence, e.g. GD202611220000042. */
export async function nextOrderNos(db: Executor, n: number): Promise<string[]> {
  const r = await sql<{ no: string }>`SELECT 'GD' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('work_order_no_seq')::text, 7, '0') AS no
    FROM generate_series(1, ${n})`.execute(db);
  return r.rows.map((x) => x.no);
}

export const insertOrder = (db: Executor, o: Insertable<WorkOrdersTable>) => db.insertInto('work_orders').values(o).returningAll().executeTakeFirstOrThrow();
export const findOrder = (db: Executor, id: string) => db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
export const lockOrder = (db: Executor, id: string) => db.selectFrom('work_orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findOrderOfRating = (db: Executor, ratingId: string) => db.selectFrom('work_orders').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const updateOrder = (db: Executor, id: string, patch: Updateable<WorkOrdersTable>) =>
  db.updateTable('work_orders').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const insertStep = (db: Executor, s: Insertable<WorkOrderStepsTable>) => db.insertInto('work_order_steps').values(s).execute();
export const findSteps = (db: Executor, orderId: string) => db.selectFrom('work_order_steps').selectAll().where('order_id', '=', orderId).orderBy('id').execute();

/** Marks a stage's timer as fired, once: returns the order only if this stage has not been warned/escalated yet. */
export async function claimTimer(db: Executor, orderId: string, stageSeq: number, kind: 'warn' | 'overdue') {
  const column = kind === 'warn' ? 'warned_at' : 'escalated_at';
  return db.updateTable('work_orders').set({ [column]: new Date() })
    .where('id', '=', orderId).where('stage_seq', '=', stageSeq).where(column, 'is', null).where('status', '<>', 'closed')
    .returningAll().executeTakeFirst();
}

export interface OrderFilter {
  agencyIds: string[] | null; agencyId?: string; status?: Status[]; source?: Source[]; open?: boolean; overdue?: boolean;
  q?: string; from?: Date; to?: Date; limit: number; offset: number;
}

export function findOrders(db: Executor, f: OrderFilter) {
  let q = db.selectFrom('work_orders').selectAll();
  if (f.agencyIds) q = q.where('agency_id', 'in', f.agencyIds.length ? f.agencyIds : ['-']);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.source?.length) q = q.where('source', 'in', f.source);
  if (f.open) q = q.where('status', '<>', 'closed');
  if (f.overdue) q = q.where('status', '<>', 'closed').where('stage_due_at', '<', new Date());
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.q) q = q.where((eb) => eb.or([eb('order_no', '=', f.q!), eb('ticket_no', '=', f.q!), eb('title', 'ilike', `%${f.q!.replace(/[%_\\]/g, '\\$&')}%`)]));
  return q.orderBy(sql`stage_due_at asc nulls last`).orderBy('created_at', 'desc').limit(f.limit).offset(f.offset).execute();
}

/** Supervisor's per-agency table: open orders per stage, overdue open orders, closed and closed on time. */
export async function perAgencyTable(db: Executor) {
  const r = await sql<{ agency_id: string | null; open: number; pending_dispatch: number; pending_sign: number; verifying: number; rectifying: number;
    explaining: number; callback: number; appealing: number; overdue: number; closed: number; closed_on_time: number }>`
    SELECT agency_id,
      count(*) FILTER (WHERE status <> 'closed')::int AS open,
      count(*) FILTER (WHERE status = 'pending_dispatch')::int AS pending_dispatch,
      count(*) FILTER (WHERE status = 'pending_sign')::int AS pending_sign,
      count(*) FILTER (WHERE status = 'verifying')::int AS verifying,
      count(*) FILTER (WHERE status = 'rectifying')::int AS rectifying,
      count(*) FILTER (WHERE status = 'explaining')::int AS explaining,
      count(*) FILTER (WHERE status = 'callback')::int AS callback,
      count(*) FILTER (WHERE status = 'appealing')::int AS appealing,
      count(*) FILTER (WHERE status <> 'closed' AND stage_due_at < now())::int AS overdue,
      count(*) FILTER (WHERE status = 'closed')::int AS closed,
      count(*) FILTER (WHERE status = 'closed' AND closed_on_time)::int AS closed_on_time
    FROM work_orders GROUP BY agency_id ORDER BY agency_id NULLS FIRST`.execute(db);
  return r.rows;
}

/**
 * Staff of an agency holding some roles, to address deadline warnings and escalations. Reads identity's role_grants:
 * identity exposes no contract for "who holds role R at agency A" yet (noted in the README).
 */
export async function staffHolding(db: Executor, roles: readonly Role[], agencyId: string | null): Promise<string[]> {
  let q = db.selectFrom('role_grants').select('user_id').distinct().where('role', 'in', [...roles]);
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  return (await q.execute()).map((r) => r.user_id);
}

// ── 12345 import (批量导入) ──────────────────────────────────────────────────────────────────────────────────────

export const insertImportChunk = (db: Executor, importId: string, seq: number, rows: DueTicket[]) =>
  db.insertInto('work_order_import_chunks').values({ import_id: importId, seq, rows: JSON.stringify(rows) }).execute();

export const findPendingImportChunks = async (db: Executor, importId: string) =>
  (await db.selectFrom('work_order_import_chunks').select('seq').where('import_id', '=', importId).where('done', '=', false).orderBy('seq').execute()).map((c) => c.seq);

/** Locks a chunk not yet written (without reading its rows: the write statement reads them in the database). */
export const lockImportChunk = async (db: Executor, importId: string, seq: number) =>
  (await db.selectFrom('work_order_import_chunks').select('seq').where('import_id', '=', importId).where('seq', '=', seq).where('done', '=', false).forUpdate().executeTakeFirst()) !== undefined;

export const finishImport = (db: Executor, importId: string) =>
  db.updateTable('work_order_imports').set({ status: 'done', finished_at: new Date() }).where('id', '=', importId).execute();

export interface ChunkWrite { importId: string; seq: number; now: Date; signDueAt: Date | null; contactDueAt: Date; warnHours: number; timerQueue: string }

/**
 * Writes one chunk of validated 12345 tickets in a single statement: upsert on the ticket number (new tickets become
 * orders waiting for sign-off; known ones get content, category, call time, contact and due date refreshed, and their
 * unit while nobody has signed), a history row per new order, its stage timers, the import's progress and the chunk
 * marked done. The timers are the rows platform enqueue() writes (same dedupe key, payload and warn time as
 * stageTimers), inserted from the statement's own RETURNING instead of 2,000 values round-tripped through Node.
 */
export async function writeImportChunk(db: Executor, w: ChunkWrite) {
  const r = await sql<{ inserted: number; updated: number }>`
    WITH x AS (
      SELECT t.* FROM work_order_import_chunks c, jsonb_to_recordset(c.rows) AS t("ticketNo" text, "calledAt" timestamptz, category text,
        "agencyId" text, title text, content text, place text, "contactName" text, "contactPhone" text, "dueAt" timestamptz)
      WHERE c.import_id = ${w.importId} AND c.seq = ${w.seq}
    ), up AS (
      INSERT INTO work_orders (order_no, source, status, agency_id, title, content, category, ticket_no, called_at, place, contact_name,
        contact_phone, real_name, stage_started_at, stage_due_at, contact_due_at, due_at)
      SELECT 'GD' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('work_order_no_seq')::text, 7, '0'), 'hotline',
        'pending_sign', x."agencyId", x.title, x.content, x.category, x."ticketNo", x."calledAt", x.place, x."contactName", x."contactPhone",
        x."contactName" IS NOT NULL, ${w.now}, ${w.signDueAt}, CASE WHEN x."contactPhone" IS NOT NULL THEN ${w.contactDueAt}::timestamptz END, x."dueAt"
      FROM x ORDER BY x."ticketNo" -- one lock order for concurrent imports of overlapping files
      ON CONFLICT (ticket_no) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content, category = EXCLUDED.category,
        called_at = EXCLUDED.called_at, place = EXCLUDED.place, contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone,
        due_at = EXCLUDED.due_at, updated_at = now(),
        -- the handling unit may still change while nobody has signed for the order
        agency_id = CASE WHEN work_orders.status IN ('pending_dispatch', 'pending_sign') THEN EXCLUDED.agency_id ELSE work_orders.agency_id END
      RETURNING id, stage_seq, stage_due_at, (xmax = 0) AS inserted
    ), steps AS (
      INSERT INTO work_order_steps (order_id, action, from_status, to_status, actor_id, actor_name, note)
      SELECT id, 'import', NULL, 'pending_sign', NULL, '12345导入', NULL FROM up WHERE inserted
    ), timers AS (
      INSERT INTO jobs (queue, payload, run_at, dedupe_key, max_attempts)
      SELECT ${w.timerQueue}, jsonb_build_object('orderId', up.id, 'stageSeq', up.stage_seq, 'kind', k.kind),
        CASE k.kind WHEN 'warn' THEN greatest(${w.now}::timestamptz, up.stage_due_at - make_interval(hours => ${w.warnHours}::int)) ELSE up.stage_due_at END,
        up.id || ':' || up.stage_seq || ':' || k.kind, 8
      FROM up CROSS JOIN (VALUES ('warn'), ('overdue')) AS k(kind) WHERE up.inserted AND up.stage_due_at IS NOT NULL
      ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('pending', 'running') DO NOTHING
    ), counts AS (
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up
    ), progress AS (
      UPDATE work_order_imports i SET processed = i.processed + c.inserted + c.updated, inserted = i.inserted + c.inserted, updated = i.updated + c.updated
      FROM counts c WHERE i.id = ${w.importId}
    ), done AS (
      UPDATE work_order_import_chunks SET done = true, rows = '[]' WHERE import_id = ${w.importId} AND seq = ${w.seq}
    )
    SELECT inserted, updated FROM counts`.execute(db);
  return r.rows[0];
}
