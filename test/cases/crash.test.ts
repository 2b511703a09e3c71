import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/server/platform/db/database.js';
import { getCurrentItemVersion } from '../../src/server/modules/cases/ports.js';
import { createTestDatabase } from '../harness.js';
import { application } from './factories.js';

/**
 * The real server process, killed with SIGKILL in the middle of a burst of submissions and started again on the
 * same database: every acknowledged case must be there exactly once, retries with the same Idempotency-Key must
 * neither duplicate nor lose a case, and a deadline timer due after the kill must still fire.
 */
const SUBMISSIONS = 60;
/** The server is killed once this many submissions were acknowledged, with others still in flight. */
const KILL_AFTER = 12;
const CONCURRENCY = 8;

let database: { url: string; drop: () => Promise<void> };
let db: Db;
let server: ChildProcess | null = null;
let port = 0;
let log = '';
const dataDir = () => path.resolve(`.tmp/crash-${process.pid}-${port}`);

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});

async function startServer(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: database.url, TONGBAN_DEMO: '1', TONGBAN_DATA_DIR: dataDir(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}:\n${log}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/v1/ping`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start:\n${log}`);
}

async function call(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`http://127.0.0.1:${port}${url}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() as Record<string, any> };
}
const tokenOf = async (login: string) => (await call('POST', '/api/v1/auth/dev-login', { login })).json.token as string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 2).db;
  port = await freePort();
  await startServer();
}, 180_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await db?.destroy();
  await database?.drop();
  rmSync(dataDir(), { recursive: true, force: true });
});

describe('crash safety', () => {
  it('keeps every acknowledged case exactly once and still fires a pending timer after SIGKILL and restart', async () => {
    const item = await getCurrentItemVersion(db, 'food-business-licence');
    const body = application(item);
    const resident = { authorization: `Bearer ${await tokenOf('liuyang')}` };
    const clerk = { authorization: `Bearer ${await tokenOf('clerk.zhou')}` };

    // A running case with its yellow-warning timer pending (a job row planned at acceptance).
    const timed = (await call('POST', '/api/v1/cases', body, resident)).json;
    expect((await call('POST', `/api/v1/cases/${timed.id}/accept`, { version: timed.version }, clerk)).status).toBe(200);

    const run = randomBytes(4).toString('hex');
    const keys = Array.from({ length: SUBMISSIONS }, (_, i) => `crash-${run}-${i}`);
    const acknowledged = new Map<string, string>();
    const submitOne = async (key: string) => {
      try {
        const r = await call('POST', '/api/v1/cases', body, { ...resident, 'idempotency-key': key });
        if (r.status === 201 || r.status === 200) acknowledged.set(key, r.json.caseNo);
        if (acknowledged.size === KILL_AFTER) server!.kill('SIGKILL');
      } catch {
        // connection reset by the kill: unacknowledged, retried below
      }
    };
    const queue = [...keys];
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      for (let k = queue.shift(); k; k = queue.shift()) await submitOne(k);
    });
    await Promise.all(workers);
    if (server!.exitCode === null && server!.signalCode === null) await new Promise((r) => server!.once('exit', r));
    expect(server!.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(SUBMISSIONS); // the kill really cut the burst short
    // The timer falls due a few seconds after the kill, while no server runs.
    const moved = await sql`UPDATE jobs SET run_at = now() + interval '2 seconds' WHERE queue = 'cases.deadline' AND dedupe_key = ${`case:${timed.id}:yellow`} AND state = 'pending'`.execute(db);
    expect(Number(moved.numAffectedRows)).toBe(1);
    const before = await db.selectFrom('cases').select(['warned_yellow_at']).where('id', '=', timed.id).executeTakeFirstOrThrow();
    expect(before.warned_yellow_at).toBeNull();

    await startServer();
    for (const key of keys) {
      const r = await call('POST', '/api/v1/cases', body, { ...resident, 'idempotency-key': key });
      expect([200, 201], `${key}: ${JSON.stringify(r.json)}`).toContain(r.status);
      if (acknowledged.has(key)) {
        expect(r.status).toBe(200); // a replay: the case existed
        expect(r.json.caseNo).toBe(acknowledged.get(key));
      }
    }

    const saved = await db.selectFrom('idempotency_keys').select(['key', 'response']).where('key', 'like', `crash-${run}-%`).execute();
    expect(saved).toHaveLength(SUBMISSIONS);
    const caseNos = saved.map((s) => (s.response as { caseNo: string }).caseNo);
    const rows = await db.selectFrom('cases').select(['case_no']).where('case_no', 'in', caseNos).execute();
    expect(rows).toHaveLength(SUBMISSIONS);
    expect(new Set(rows.map((r) => r.case_no)).size).toBe(SUBMISSIONS);
    const applicant = await db.selectFrom('users').select('id').where('login', '=', 'liuyang').executeTakeFirstOrThrow();
    const all = await db.selectFrom('cases').select(['status']).where('created_by_user_id', '=', applicant.id).execute();
    expect(all.filter((c) => c.status === 'draft')).toHaveLength(0); // no half-made application survived the kill
    expect(all).toHaveLength(SUBMISSIONS + 1);

    let fired = null;
    for (let i = 0; i < 120 && !fired; i++) {
      fired = (await db.selectFrom('cases').select('warned_yellow_at').where('id', '=', timed.id).executeTakeFirstOrThrow()).warned_yellow_at;
      if (!fired) await new Promise((r) => setTimeout(r, 500));
    }
    expect(fired, log).not.toBeNull();
    const timerSteps = await db.selectFrom('case_steps').select('action').where('case_id', '=', timed.id).where('action', '=', 'deadline_warning').execute();
    expect(timerSteps).toHaveLength(1);
  }, 300_000);
});
