import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { exchangePolicy } from './policy.js';
import * as repo from './repository.js';

/** The records as pushed, newest first: what the platform got, when, and what it answered. */
export async function listRecords(db: Db, actor: Actor, f: repo.RecordFilter) {
  exchangePolicy.require(actor, 'exchange.records');
  const rows = await repo.findRecords(db, f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      kind: r.kind,
      sourceEvent: r.source_event,
      seq: r.seq,
      stepCode: r.step_code,
      businessTime: new Date(r.business_time).toISOString(),
      businessTimeInferred: r.business_time_inferred,
      state: r.state,
      attempts: r.attempts,
      uploadedAt: r.uploaded_at ? new Date(r.uploaded_at).toISOString() : null,
      delaySeconds: r.uploaded_at ? Math.round((new Date(r.uploaded_at).getTime() - new Date(r.business_time).getTime()) / 100) / 10 : null,
      ackCode: r.ack_code,
      errorCode: r.error_code,
      errorMessage: r.error_message,
      nextAttemptAt: r.state === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
      body: r.body,
    })),
  };
}
