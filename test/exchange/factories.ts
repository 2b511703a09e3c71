import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/platform/db/database.js';
import { publish } from '../../src/server/platform/jobs/events.js';
import type { CityPlatformClient, OutgoingRecord, PushAnswer } from '../../src/server/modules/exchange/client.js';
import { RecorderClient, TransientPushError } from '../../src/server/modules/exchange/client.js';
import '../../src/server/modules/exchange/tables.js';

/** A case reference as the cases module puts it in every event (caseRef in cases/events.ts). */
export function caseRef(over: Record<string, unknown> = {}) {
  const id = randomUUID();
  return { caseId: id, caseNo: `310112${id.slice(0, 8)}`, itemId: 'food-business-licence', itemVersionId: null as string | null, agencyId: 'mh-scjgj', applicantUserId: null, enterpriseId: null, channel: 'pc', situationCode: null as string | null, ...over };
}

export const publishEvent = (db: Db, event: string, payload: Record<string, unknown>) => db.transaction().execute((tx) => publish(tx, event, payload));

/** A client that fails with a network error the first `failures` times, then behaves like the recorder. */
export class FlakyClient implements CityPlatformClient {
  readonly name = 'flaky';
  calls = 0;
  readonly recorder = new RecorderClient();
  constructor(private failures: number) {}
  async push(records: OutgoingRecord[]): Promise<PushAnswer[]> {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw new TransientPushError('NETWORK', 'connect ECONNREFUSED 10.0.0.1:443');
    }
    return this.recorder.push(records);
  }
}

/** Lets the clock "pass" for queued retries: due now instead of after the back-off. */
export async function fastForwardRetries(db: Db) {
  await db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('state', '=', 'pending').execute();
  await db.updateTable('exchange_records').set({ next_attempt_at: new Date(Date.now() - 1000) }).where('state', '=', 'pending').execute();
}

/** A record as it would stand after pushing, for report fixtures: times are given, nothing is sent. */
export async function insertPushedRecord(db: Db, r: { caseId: string; kind: 'apply' | 'accept' | 'step' | 'special' | 'finish'; seq: number | null; business: string; uploaded?: string | null; state?: 'pending' | 'acked' | 'rejected' | 'failed'; errorCode?: string }) {
  await db
    .insertInto('exchange_records')
    .values({
      source_key: `fixture:${randomUUID()}`,
      source_event: 'fixture',
      kind: r.kind,
      case_id: r.caseId,
      case_no: `NO-${r.caseId}`,
      agency_id: 'mh-scjgj',
      handling_code: null,
      seq: r.seq,
      step_code: r.kind.toUpperCase(),
      business_time: r.business,
      body: JSON.stringify({}),
      state: r.state ?? (r.uploaded ? 'acked' : 'pending'),
      uploaded_at: r.uploaded ? new Date(r.uploaded) : null,
      last_attempt_at: r.uploaded ? new Date(r.uploaded) : null,
      error_code: r.errorCode ?? null,
      attempts: r.uploaded ? 1 : 0,
    })
    .execute();
}
