import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ExchangeRecordsTable } from './tables.js';
import type { ShapedRecord } from './shape.js';
import './tables.js';

export type ExchangeRow = Selectable<ExchangeRecordsTable>;

/** A record whose push was interrupted (process died while sending) is sent again after this long. */
const SENDING_LEASE = sql`interval '2 minutes'`;

/** Inserts the record unless the event was already recorded (subscriber jobs may run more than once). */
export async function insertRecord(db: Executor, r: ShapedRecord, sourceEvent: string): Promise<number | null> {
  const row = await db
    .insertInto('exchange_records')
    .values({
      source_key: r.sourceKey,
      source_event: sourceEvent,
      kind: r.kind,
      case_id: r.caseId,
      case_no: r.caseNo,
      agency_id: r.agencyId,
      handling_code: r.handlingCode,
      step_code: r.stepCode,
      business_time: r.businessTime,
      business_time_inferred: r.businessTimeInferred,
      body: JSON.stringify(r.body),
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The next record of each case that may go now. A case sends one record at a time, in the order the city checks:
 * the application and acceptance (受理) first, then steps, special procedures and the result by business time,
 * and nothing but the acceptance until the acceptance is acknowledged. A record that is rejected or failed holds
 * back the rest of its case until it is sent again, rather than letting later steps arrive out of order.
 */
const HEADS = sql`
  SELECT DISTINCT ON (r.case_id) r.id, r.case_id, r.kind, r.state, r.next_attempt_at, r.last_attempt_at
  FROM exchange_records r WHERE r.state <> 'acked'
  ORDER BY r.case_id, (r.kind NOT IN ('apply', 'accept')), r.business_time, r.id`;
const PUSHABLE = sql`
  ((h.state = 'pending' AND h.next_attempt_at <= now()) OR (h.state = 'sending' AND h.last_attempt_at < now() - ${SENDING_LEASE}))
  AND (h.kind IN ('apply', 'accept')
       OR EXISTS (SELECT 1 FROM exchange_records a WHERE a.case_id = h.case_id AND a.kind = 'accept' AND a.state = 'acked'))`;

/** Claims pushable records and numbers them in push order within their case (the 环节序号 the city sees). */
export async function claimPushable(db: Executor, limit: number): Promise<ExchangeRow[]> {
  const r = await sql<ExchangeRow>`
    WITH heads AS (${HEADS}),
    due AS (
      SELECT e.id FROM exchange_records e
      WHERE e.id IN (SELECT h.id FROM heads h WHERE ${PUSHABLE})
      ORDER BY e.business_time, e.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE exchange_records e SET state = 'sending', attempts = e.attempts + 1, last_attempt_at = now(),
      seq = coalesce(e.seq, (SELECT coalesce(max(p.seq), 0) + 1 FROM exchange_records p WHERE p.case_id = e.case_id))
    FROM due WHERE e.id = due.id
    RETURNING e.*`.execute(db);
  return r.rows;
}

/** The platform answered: acknowledged or rejected with its code; either way this attempt is the upload. */
export const markAnswered = (db: Executor, id: number, a: { ok: boolean; code: string; message?: string | null }) =>
  db
    .updateTable('exchange_records')
    .set((eb) => ({
      state: a.ok ? 'acked' : 'rejected',
      uploaded_at: eb.ref('last_attempt_at'),
      ack_code: a.ok ? a.code : null,
      error_code: a.ok ? null : a.code,
      error_message: a.ok ? null : (a.message ?? null),
    }))
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .execute();

/** Not delivered: back to pending after the back-off, or failed when the attempts are used up. */
export const markUndelivered = (db: Executor, id: number, f: { code: string; message: string; retryAt: Date; final: boolean }) =>
  db
    .updateTable('exchange_records')
    .set({ state: f.final ? 'failed' : 'pending', next_attempt_at: f.retryAt, error_code: f.code, error_message: f.message.slice(0, 1000) })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .execute();

export async function countPushable(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`WITH heads AS (${HEADS}) SELECT count(*)::int AS n FROM heads h WHERE ${PUSHABLE}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export const findRecordById = (db: Executor, id: number) => db.selectFrom('exchange_records').selectAll().where('id', '=', id).executeTakeFirst();

/** Puts a rejected or failed record back in the queue (after its data or the link was fixed). */
export const requeueRecord = (db: Executor, id: number) =>
  db
    .updateTable('exchange_records')
    .set({ state: 'pending', next_attempt_at: new Date(), attempts: 0, error_code: null, error_message: null })
    .where('id', '=', id)
    .where('state', 'in', ['rejected', 'failed'])
    .executeTakeFirst();

export interface RecordFilter {
  caseId?: string;
  state?: ExchangeRow['state'];
  limit: number;
  offset: number;
}
export const findRecords = (db: Executor, f: RecordFilter) => {
  let q = db.selectFrom('exchange_records').selectAll();
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.state) q = q.where('state', '=', f.state);
  return q.orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
};
