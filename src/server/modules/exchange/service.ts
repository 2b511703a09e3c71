import type { Db } from '../../platform/db/database.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { backoffSeconds } from '../../platform/jobs/worker.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../../platform/auth/actor.js';
import { exchangePolicy } from './policy.js';
import { shapeRecord } from './shape.js';
import { itemFacts } from './item-facts.js';
import { cityPlatformClient, TransientPushError, type PushAnswer } from './client.js';
import * as repo from './repository.js';

export const PUSH_QUEUE = 'exchange.push';
/** Records per request to the city platform. */
export const BATCH_SIZE = 100;
/** After this many undelivered attempts (about an hour and a half of back-off) a record is marked failed. */
export const MAX_ATTEMPTS = 12;

/** A case event becomes one exchange record (once, however often the job runs) and a push is queued. */
export async function recordCaseEvent(db: Db, event: string, payload: Record<string, unknown>): Promise<number | null> {
  const facts = await itemFacts(db, payload.itemVersionId, payload.situationCode);
  const shaped = shapeRecord(event, payload, facts, new Date());
  if (!shaped) return null;
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertRecord(tx, shaped, event);
    if (id !== null) await enqueue(tx, { queue: PUSH_QUEUE, payload: { recordId: id }, dedupeKey: `record:${id}` });
    return id;
  });
}

/**
 * Pushes what may be pushed, in batches, until nothing is left or the platform is unreachable. A record that
 * becomes pushable because its predecessor was acknowledged goes in the next round of the same run.
 */
export async function pushPending(db: Db, maxRounds = 50): Promise<{ sent: number; acked: number; rejected: number; undelivered: number }> {
  const totals = { sent: 0, acked: 0, rejected: 0, undelivered: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const batch = await repo.claimPushable(db, BATCH_SIZE);
    if (batch.length === 0) break;
    totals.sent += batch.length;
    let answers: PushAnswer[];
    try {
      answers = await cityPlatformClient().push(batch.map((r) => ({ recordId: r.id, kind: r.kind, seq: r.seq!, stepCode: r.step_code, body: { ...r.body, seq: r.seq } })));
    } catch (err) {
      const e = err instanceof TransientPushError ? err : new TransientPushError('CLIENT_ERROR', (err as Error).message);
      await scheduleRetry(db, batch, e);
      totals.undelivered += batch.length;
      break;
    }
    const answered = new Map(answers.map((a) => [a.recordId, a]));
    const missing = batch.filter((r) => !answered.has(r.id));
    await db.transaction().execute(async (tx) => {
      for (const a of answers) await repo.markAnswered(tx, a.recordId, a);
    });
    totals.acked += answers.filter((a) => a.ok).length;
    totals.rejected += answers.filter((a) => !a.ok).length;
    if (missing.length) {
      await scheduleRetry(db, missing, new TransientPushError('NO_ANSWER', '平台应答中缺少该记录'));
      totals.undelivered += missing.length;
    }
  }
  return totals;
}

/** Back-off per record (2 s, 4 s, … capped at 10 min) and a timer job for the earliest retry. */
async function scheduleRetry(db: Db, batch: repo.ExchangeRow[], err: TransientPushError) {
  await db.transaction().execute(async (tx) => {
    let earliest: Date | null = null;
    for (const r of batch) {
      const final = r.attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(Date.now() + backoffSeconds(r.attempts) * 1000);
      await repo.markUndelivered(tx, r.id, { code: err.code, message: err.message, retryAt, final });
      if (!final && (!earliest || retryAt < earliest)) earliest = retryAt;
    }
    if (earliest) await enqueue(tx, { queue: PUSH_QUEUE, payload: { retry: true }, runAt: earliest, dedupeKey: `retry:${batch[0].id}:${batch[0].attempts}` });
  });
}

/** Sends a rejected or failed record again (after the data or the connection was fixed), audited. */
export async function retryRecord(db: Db, actor: Actor, id: number, ip?: string | null) {
  exchangePolicy.require(actor, 'exchange.retry');
  return db.transaction().execute(async (tx) => {
    const row = await repo.findRecordById(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { detail: '交换记录不存在' });
    const r = await repo.requeueRecord(tx, id);
    if (Number(r.numUpdatedRows) === 0) throw new AppError('EXCHANGE_RECORD_NOT_RETRYABLE', { detail: `记录状态为 ${row.state}，只有被拒或重试耗尽的记录可以重新推送` });
    await recordAudit(tx, actor, { action: 'exchange.retry', targetType: 'exchange_record', targetId: String(id), agencyId: row.agency_id, detail: { caseNo: row.case_no, previousState: row.state, errorCode: row.error_code }, ip });
    await enqueue(tx, { queue: PUSH_QUEUE, payload: { recordId: id }, dedupeKey: `manual:${id}:${Date.now()}` });
    return { id, state: 'pending' as const };
  });
}
