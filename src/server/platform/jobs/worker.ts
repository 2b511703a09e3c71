import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import '../db/platform-tables.js';

export interface JobContext {
  db: Db;
  jobId: number;
  attempt: number;
}
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a queue. Modules call this when they are loaded. */
export function defineJob(queue: string, handler: JobHandler): void {
  handlers.set(queue, handler);
}

export function registeredQueues(): string[] {
  return [...handlers.keys()];
}

const LEASE_SECONDS = 60;
/** Exponential back-off: 2 s, 4 s, 8 s … capped at 10 minutes. */
export const backoffSeconds = (attempt: number) => Math.min(600, 2 ** attempt);

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED under a lease. A job whose process died is claimed again when its
 * lease runs out, so acknowledged work is never lost; handlers must therefore be idempotent.
 */
async function claim(db: Db, limit: number) {
  const r = await sql<{ id: number; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM jobs
      WHERE run_at <= now() AND (state = 'pending' OR (state = 'running' AND locked_until < now()))
      ORDER BY run_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, queue, payload, attempts, max_attempts`.execute(db);
  return r.rows;
}

async function runOne(db: Db, job: Awaited<ReturnType<typeof claim>>[number], log: (m: string) => void) {
  const handler = handlers.get(job.queue);
  try {
    if (!handler) throw new Error(`no handler for queue ${job.queue}`);
    await handler(job.payload, { db, jobId: job.id, attempt: job.attempts });
    await db.updateTable('jobs').set({ state: 'done', finished_at: new Date(), locked_until: null, last_error: null }).where('id', '=', job.id).execute();
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    const final = job.attempts >= job.max_attempts;
    log(`job ${job.id} (${job.queue}) attempt ${job.attempts} failed: ${message}`);
    await db
      .updateTable('jobs')
      .set({
        state: final ? 'failed' : 'pending',
        last_error: message.slice(0, 2000),
        locked_until: null,
        run_at: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
        finished_at: final ? new Date() : null,
      })
      .where('id', '=', job.id)
      .execute();
  }
}

/** Runs all due jobs until none is left (used by tests and by the polling loop). Returns how many ran. */
export async function drainJobs(db: Db, log: (m: string) => void = () => undefined, maxRounds = 1000): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxRounds; i++) {
    const jobs = await claim(db, 20);
    if (jobs.length === 0) break;
    for (const job of jobs) await runOne(db, job, log);
    total += jobs.length;
  }
  return total;
}

export interface Periodic {
  name: string;
  everyMs: number;
  run: (db: Db) => Promise<unknown>;
}
const periodics: Periodic[] = [];
/** Registers work that runs every few seconds in each server copy (e.g. sealing the audit chain). */
export function definePeriodic(p: Periodic): void {
  if (!periodics.some((x) => x.name === p.name)) periodics.push(p);
}

/** The worker loop of a server process: polls the queue and runs periodic work until stopped. */
export function startWorker(db: Db, log: (m: string) => void, pollMs = 500): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const last = new Map<string, number>();
  const tick = async () => {
    if (stopped) return;
    try {
      await drainJobs(db, log, 50);
      for (const p of periodics) {
        if (Date.now() - (last.get(p.name) ?? 0) < p.everyMs) continue;
        last.set(p.name, Date.now());
        await p.run(db).catch((e) => log(`periodic ${p.name} failed: ${(e as Error).message}`));
      }
    } catch (err) {
      log(`worker error: ${(err as Error).message}`);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), pollMs);
  };
  let timer = setTimeout(() => (running = tick()), 50);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/** Queue health for /api/health: due backlog and failures. */
export async function queueHealth(db: Db) {
  const r = await sql<{ due: number; failed: number; oldest_due_seconds: number | null }>`
    SELECT count(*) FILTER (WHERE state = 'pending' AND run_at <= now())::int AS due,
           count(*) FILTER (WHERE state = 'failed')::int AS failed,
           extract(epoch FROM now() - min(run_at) FILTER (WHERE state = 'pending' AND run_at <= now()))::float AS oldest_due_seconds
    FROM jobs`.execute(db);
  return r.rows[0];
}
