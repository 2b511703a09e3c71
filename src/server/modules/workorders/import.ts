import type { Db } from '../../platform/db/database.js';
import type { JobContext } from '../../platform/jobs/worker.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { workOrderPolicy } from './policy.js';
import { readTickets, validateTicket, type DueTicket } from './import-parse.js';
import { dueDate, findAgencies } from './deps.js';
import { stageDueAt, TIMER_QUEUE } from './stages.js';
import * as repo from './repository.js';
import type { RowError } from './tables.js';

export const IMPORT_QUEUE = 'workorders.import';
// Tickets per chunk: one transaction and one progress step each (50 steps for a 100,000-ticket file).
const CHUNK = 2000;
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
  const limits = new Map((await repo.findCategoryLimits(db)).map((c) => [c.category, c.days]));
  const categories = new Set(limits.keys());
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const valid: DueTicket[] = [];
  const dues = new Map<string, Date | null>();
  for (const [i, raw] of raws.entries()) {
    const row = i + (file.format === 'csv' ? 2 : 1); // CSV rows are numbered as in a spreadsheet, after the header
    const { ticket, errors: e } = validateTicket(raw, row, agencies, categories);
    errors.push(...e);
    if (!ticket) continue;
    if (seen.has(ticket.ticketNo)) { errors.push({ row, ticketNo: ticket.ticketNo, field: 'ticketNo', message: '文件内工单编号重复，已忽略此行' }); continue; }
    const due = await ticketDue(db, ticket.calledAt, limits.get(ticket.category)!, dues);
    if (!due) { errors.push({ row, ticketNo: ticket.ticketNo, field: 'calledAt', message: '来电日期不在工作日历覆盖的年份内，无法计算办理期限' }); continue; }
    seen.add(ticket.ticketNo);
    valid.push({ ...ticket, dueAt: due.toISOString() });
  }
  const errorRows = new Set(errors.map((e) => e.row)).size;
  return db.transaction().execute(async (tx) => {
    const imp = await tx.insertInto('work_order_imports').values({
      file_name: file.fileName.slice(0, 200), format: file.format, total: raws.length, valid: valid.length,
      errors: JSON.stringify(errors.slice(0, KEPT_ERRORS)), error_count: errorRows, created_by: actor.userId,
      ...(valid.length === 0 ? { status: 'done' as const, finished_at: new Date() } : {}),
    }).returningAll().executeTakeFirstOrThrow();
    for (let i = 0; i * CHUNK < valid.length; i++) await repo.insertImportChunk(tx, imp.id, i, valid.slice(i * CHUNK, (i + 1) * CHUNK));
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

/**
 * Job workorders.import: writes the chunks not yet written, one transaction each, so a crash resumes where it stopped.
 * Each chunk is one set-based statement (orders upserted on the ticket number, history rows and stage timers of the
 * new orders, progress, chunk marked done) plus its audit record: a handful of round trips per 2,000 tickets.
 */
export async function processImport(p: { importId: string }, job: JobContext): Promise<void> {
  const chunks = await repo.findPendingImportChunks(job.db, p.importId);
  for (const seq of chunks) {
    await job.db.transaction().execute(async (tx) => {
      if (!(await repo.lockImportChunk(tx, p.importId, seq))) return; // written meanwhile by another worker
      const rule = await repo.findRule(tx, 'hotline');
      const now = new Date();
      const r = await repo.writeImportChunk(tx, {
        importId: p.importId, seq, now, warnHours: rule.warn_hours, timerQueue: TIMER_QUEUE,
        signDueAt: await stageDueAt(tx, rule, 'pending_sign', now),
        contactDueAt: await dueDate(tx, now, { days: rule.contact_days, unit: 'working' }),
      });
      await recordAudit(tx, systemActor, { action: 'workorder.import_chunk', targetType: 'work_order_import', targetId: p.importId, detail: { seq, ...r } });
    });
  }
  await repo.finishImport(job.db, p.importId);
}

/**
 * Due date of a ticket: its category's working-day limit counted from the call, cached per Shanghai day and limit;
 * null when the working calendar does not cover the call (the row is reported instead of failing the whole file).
 */
async function ticketDue(db: Db, calledAt: string, days: number, cache: Map<string, Date | null>) {
  const key = `${new Date(new Date(calledAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}:${days}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, await dueDate(db, new Date(calledAt), { days, unit: 'working' }));
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'DATE_OUT_OF_RANGE') throw e;
      cache.set(key, null);
    }
  }
  return cache.get(key)!;
}
