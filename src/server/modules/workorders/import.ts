import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.js';
import type { JobContext } from '../../platform/jobs/worker.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { workOrderPolicy } from './policy.js';
import { readTickets, validateTicket, type Ticket } from './import-parse.js';
import { dueDate, findAgencies } from './deps.js';
import { stageDueAt, stageTimers } from './stages.js';
import * as repo from './repository.js';
import type { RowError } from './tables.js';

export const IMPORT_QUEUE = 'workorders.import';
const CHUNK = 1000;
const KEPT_ERRORS = 1000;

/** Agency ids, full names and short names → agency id, so files may name the 承办单位 either way. */
async function agencyLookup(db: Db) {
  const map = new Map<string, string>();
  for (const a of await findAgencies(db)) {
    map.set(a.id, a.id);
    map.set(a.name, a.id);
    if (a.short_name) map.set(a.short_name, a.id);
  }
  return map;
}

/**
 * Validates a 12345 file row by row and stores the valid rows in chunks; a job then writes them (progress =
 * processed / valid). Returns the validation report at once. A ticket number repeated inside the file is an error on
 * its later rows; across files the same number updates the existing order (upsert), never duplicates it.
 */
export async function startImport(db: Db, actor: Actor, file: { fileName: string; format: 'csv' | 'json'; text: string }) {
  workOrderPolicy.require(actor, 'workorder.import');
  let raws;
  try {
    raws = readTickets(file.text, file.format);
  } catch (e) {
    throw new AppError('IMPORT_FILE_INVALID', { detail: `导入文件格式不正确：${(e as Error).message}` });
  }
  if (raws.length === 0) throw new AppError('IMPORT_FILE_INVALID', { detail: '文件中没有工单' });
  const agencies = await agencyLookup(db);
  const categories = new Set((await repo.findCategoryLimits(db)).map((c) => c.category));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const valid: Ticket[] = [];
  raws.forEach((raw, i) => {
    const row = i + (file.format === 'csv' ? 2 : 1); // CSV rows are numbered as in a spreadsheet, after the header
    const { ticket, errors: e } = validateTicket(raw, row, agencies, categories);
    if (ticket && seen.has(ticket.ticketNo)) errors.push({ row, ticketNo: ticket.ticketNo, field: 'ticketNo', message: '文件内工单编号重复，已忽略此行' });
    else if (ticket) { seen.add(ticket.ticketNo); valid.push(ticket); }
    errors.push(...e);
  });
  const errorRows = new Set(errors.map((e) => e.row)).size;
  return db.transaction().execute(async (tx) => {
    const imp = await tx.insertInto('work_order_imports').values({
      file_name: file.fileName.slice(0, 200), format: file.format, total: raws.length, valid: valid.length,
      errors: JSON.stringify(errors.slice(0, KEPT_ERRORS)), error_count: errorRows, created_by: actor.userId,
      ...(valid.length === 0 ? { status: 'done' as const, finished_at: new Date() } : {}),
    }).returningAll().executeTakeFirstOrThrow();
    for (let i = 0; i * CHUNK < valid.length; i++) {
      await tx.insertInto('work_order_import_chunks').values({ import_id: imp.id, seq: i, rows: JSON.stringify(valid.slice(i * CHUNK, (i + 1) * CHUNK)) }).execute();
    }
    await recordAudit(tx, actor, { action: 'workorder.import_start', targetType: 'work_order_import', targetId: imp.id, detail: { fileName: file.fileName, total: raws.length, valid: valid.length, errorRows } });
    if (valid.length) await enqueue(tx, { queue: IMPORT_QUEUE, payload: { importId: imp.id }, dedupeKey: imp.id });
    return importView(imp, 200);
  });
}

export function importView(i: NonNullable<Awaited<ReturnType<typeof findImport>>>, maxErrors = KEPT_ERRORS) {
  return {
    id: i.id, fileName: i.file_name, format: i.format, status: i.status, total: i.total, valid: i.valid, processed: i.processed,
    progress: i.valid === 0 ? 1 : Math.round((i.processed / i.valid) * 1000) / 1000, inserted: i.inserted, updated: i.updated,
    errorRows: i.error_count, errors: i.errors.slice(0, maxErrors), createdAt: i.created_at.toISOString(), finishedAt: i.finished_at?.toISOString() ?? null,
  };
}

const findImport = (db: Db, id: string) => db.selectFrom('work_order_imports').selectAll().where('id', '=', id).executeTakeFirst();

export async function showImport(db: Db, actor: Actor, id: string) {
  workOrderPolicy.require(actor, 'workorder.import');
  const i = await findImport(db, id);
  if (!i) throw notFound('导入批次');
  return importView(i);
}

/** Job workorders.import: writes the chunks not yet written, one transaction each, so a crash resumes where it stopped. */
export async function processImport(p: { importId: string }, job: JobContext): Promise<void> {
  const chunks = await job.db.selectFrom('work_order_import_chunks').select('seq').where('import_id', '=', p.importId).where('done', '=', false).orderBy('seq').execute();
  const dues = new Map<string, Date>();
  for (const { seq } of chunks) {
    await job.db.transaction().execute(async (tx) => {
      const chunk = await tx.selectFrom('work_order_import_chunks').selectAll().where('import_id', '=', p.importId).where('seq', '=', seq).where('done', '=', false).forUpdate().executeTakeFirst();
      if (!chunk) return;
      const r = await upsertTickets(tx, chunk.rows as Ticket[], dues);
      await tx.updateTable('work_order_import_chunks').set({ done: true, rows: '[]' }).where('import_id', '=', p.importId).where('seq', '=', seq).execute();
      await tx.updateTable('work_order_imports').set((eb) => ({ processed: eb('processed', '+', chunk.rows.length), inserted: eb('inserted', '+', r.inserted), updated: eb('updated', '+', r.updated) })).where('id', '=', p.importId).execute();
      await recordAudit(tx, systemActor, { action: 'workorder.import_chunk', targetType: 'work_order_import', targetId: p.importId, detail: { seq, ...r } });
    });
  }
  await job.db.updateTable('work_order_imports').set({ status: 'done', finished_at: new Date() }).where('id', '=', p.importId).execute();
}

/** Due date of a ticket: its category's working-day limit counted from the call (cached per day and limit). */
async function ticketDue(tx: Tx, calledAt: string, days: number, cache: Map<string, Date>) {
  const key = `${new Date(new Date(calledAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}:${days}`;
  let d = cache.get(key);
  if (!d) cache.set(key, (d = await dueDate(tx, new Date(calledAt), { days, unit: 'working' })));
  return d;
}

/** Upsert on the ticket number: new tickets become orders waiting for sign-off; known ones get their fields refreshed. */
async function upsertTickets(tx: Tx, tickets: Ticket[], dues: Map<string, Date>) {
  const rule = await repo.findRule(tx, 'hotline');
  const limits = new Map((await repo.findCategoryLimits(tx)).map((c) => [c.category, c.days]));
  const now = new Date();
  const signDue = await stageDueAt(tx, rule, 'pending_sign', now);
  const contactDue = await dueDate(tx, now, { days: rule.contact_days, unit: 'working' });
  const rows = [];
  for (const t of tickets) rows.push({ ...t, dueAt: (await ticketDue(tx, t.calledAt, limits.get(t.category) ?? rule.rectify_days, dues)).toISOString() });
  const res = await sql<{ id: string; order_no: string; stage_seq: number; stage_due_at: Date | null; inserted: boolean }>`
    INSERT INTO work_orders (order_no, source, status, agency_id, title, content, category, ticket_no, called_at, place, contact_name,
      contact_phone, real_name, stage_started_at, stage_due_at, contact_due_at, due_at)
    SELECT 'GD' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('work_order_no_seq')::text, 7, '0'), 'hotline',
      'pending_sign', x."agencyId", x.title, x.content, x.category, x."ticketNo", x."calledAt", x.place, x."contactName", x."contactPhone",
      x."contactName" IS NOT NULL, ${now}, ${signDue}, CASE WHEN x."contactPhone" IS NOT NULL THEN ${contactDue}::timestamptz END, x."dueAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("ticketNo" text, "calledAt" timestamptz, category text, "agencyId" text,
      title text, content text, place text, "contactName" text, "contactPhone" text, "dueAt" timestamptz)
    ON CONFLICT (ticket_no) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content, category = EXCLUDED.category,
      called_at = EXCLUDED.called_at, place = EXCLUDED.place, contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone,
      due_at = EXCLUDED.due_at, updated_at = now(),
      -- the handling unit may still change while nobody has signed for the order
      agency_id = CASE WHEN work_orders.status IN ('pending_dispatch', 'pending_sign') THEN EXCLUDED.agency_id ELSE work_orders.agency_id END
    RETURNING id, order_no, stage_seq, stage_due_at, (xmax = 0) AS inserted`.execute(tx);
  const created = res.rows.filter((r) => r.inserted);
  if (created.length) {
    await tx.insertInto('work_order_steps').values(created.map((o) => ({ order_id: o.id, action: 'import', from_status: null, to_status: 'pending_sign' as const, actor_id: null, actor_name: '12345导入', note: null }))).execute();
    await enqueue(tx, ...created.flatMap((o) => stageTimers(o, rule.warn_hours)));
  }
  return { inserted: created.length, updated: res.rows.length - created.length };
}
