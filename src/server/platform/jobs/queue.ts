import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import '../db/platform-tables.js';

export interface NewJob {
  queue: string;
  payload?: Record<string, unknown>;
  /** When the job may run; a timer is a job with a future run_at. */
  runAt?: Date;
  /** At most one unfinished job per (queue, dedupeKey): scheduling the same timer twice is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Enqueues jobs in the caller's transaction (transactional outbox): they exist exactly when the change commits. */
export async function enqueue(db: Executor, ...jobs: NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('jobs')
    .values(
      jobs.map((j) => ({
        queue: j.queue,
        payload: JSON.stringify(j.payload ?? {}),
        run_at: j.runAt ?? new Date(),
        dedupe_key: j.dedupeKey ?? null,
        max_attempts: j.maxAttempts ?? 8,
      })),
    )
    .onConflict((oc) => oc.expression(sql`queue, dedupe_key`).where('dedupe_key', 'is not', null).where(sql.ref('state'), 'in', ['pending', 'running']).doNothing())
    .execute();
}

/** Cancels unfinished jobs of a queue by dedupe key prefix (e.g. the timers of a case that was sent back). */
export async function cancelJobs(db: Executor, queue: string, dedupeKeyPrefix: string): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: new Date() })
    .where('queue', '=', queue)
    .where('dedupe_key', 'like', `${dedupeKeyPrefix.replace(/[%_]/g, '\\$&')}%`)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
