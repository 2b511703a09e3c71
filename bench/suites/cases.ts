import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { durationSeconds, percentile, type BenchContext, type BenchSuite } from '../lib.js';
import { captureSubmission, dropScratch, pgbenchScript } from '../cases/tables.js';
import { databaseUrl, hasPgbench, PGBENCH, runPgbench } from '../cases/pgbench.js';
import { loadBulkCases } from '../cases/bulk.js';
import { getCurrentItemVersion } from '../../src/server/modules/cases/ports.js';
import { submitApplication } from '../../src/server/modules/cases/service-apply.js';
import { actorForToken } from '../../src/server/modules/identity/sessions.js';
import { application } from '../../test/cases/factories.js';

/**
 * Case submission (form + 3 materials already uploaded + case + step + audit + outbox, committed) over HTTP, side by
 * side with pgbench running the same inserts as one plain SQL transaction on the same database; then a fixed
 * rate of 300 submissions/s, and the staff inbox with a million cases loaded.
 */
const CONCURRENCY = (process.env.BENCH_CASES_CONCURRENCY ?? '1,4,16,32').split(',').map(Number);
const RATE = Number(process.env.BENCH_CASES_RATE ?? 300);
const BULK = Number(process.env.BENCH_CASES_BULK ?? 1_000_000);

async function call(baseUrl: string, method: string, url: string, token: string | null, body?: unknown) {
  const r = await fetch(`${baseUrl}${url}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json() as Record<string, any>;
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}
const login = async (baseUrl: string, who: string) => (await call(baseUrl, 'POST', '/api/v1/auth/dev-login', null, { login: who })).token as string;

async function uploadPdf(baseUrl: string, token: string, n: number): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([`%PDF-1.4\n1 0 obj<<>>endobj\n% bench material ${n}\ntrailer<<>>\n%%EOF\n`], { type: 'application/pdf' }), `材料${n}.pdf`);
  const r = await fetch(`${baseUrl}/api/v1/materials/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** The submission body: the item's form, three materials as online uploads (already uploaded), the rest by e-licence or data check. */
async function submissionBody(ctx: BenchContext, baseUrl: string, token: string) {
  const { platform: p } = await ctx.platform();
  const item = await getCurrentItemVersion(p.db, 'food-business-licence');
  const body = application(item);
  let n = 0;
  for (const m of body.materials.slice(0, 3) as { materialId: string; method: string; uploadIds?: string[] }[]) {
    const count = item.materials.find((g) => g.id === m.materialId)!.count || 1;
    m.method = 'online_upload';
    m.uploadIds = [];
    for (let i = 0; i < count; i++) m.uploadIds.push(await uploadPdf(baseUrl, token, ++n));
    delete (m as { eLicenceNo?: string }).eLicenceNo;
  }
  return body;
}

/** Statements one in-process submission sends to PostgreSQL (pg client queries, BEGIN and COMMIT included). */
async function countRoundTrips(ctx: BenchContext, token: string, body: Record<string, unknown>): Promise<number> {
  const { platform: p } = await ctx.platform();
  const actor = (await actorForToken(p.db, token))!;
  const original = pg.Client.prototype.query;
  let n = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    n++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await submitApplication(p.db, actor, body as never);
  } finally {
    pg.Client.prototype.query = original;
  }
  return n;
}

async function httpLoad(url: string, token: string, body: unknown, o: { connections: number; seconds: number; rate?: number }) {
  const r = await autocannon({
    url, method: 'POST', connections: o.connections, duration: o.seconds, workers: 1, overallRate: o.rate,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}

async function submissionFigures(ctx: BenchContext, baseUrl: string, token: string, body: Record<string, unknown>, script: string | null, url: string, workDir: string) {
  const seconds = durationSeconds();
  for (const c of CONCURRENCY) {
    const http = await httpLoad(`${baseUrl}/api/v1/cases`, token, body, { connections: c, seconds });
    if (http.non2xx || http.errors) ctx.note(`cases c=${c}: ${http.non2xx} non-2xx, ${http.errors} errors of ${http.total}`);
    const ref = script ? await runPgbench(url, script, workDir, { clients: c, seconds }) : null;
    ctx.emit({ name: `cases.submit.c${c}.throughput`, value: http.rps, unit: 'submissions/s', ...(ref ? { reference: { name: `pgbench.c${c}.tps`, value: ref.tps } } : {}) });
    ctx.emit({ name: `cases.submit.c${c}.p50`, value: http.p50, unit: 'ms', ...(ref ? { reference: { name: `pgbench.c${c}.p50`, value: ref.p50 } } : {}) });
    ctx.emit({ name: `cases.submit.c${c}.p99`, value: http.p99, unit: 'ms', ...(ref ? { reference: { name: `pgbench.c${c}.p99`, value: ref.p99 } } : {}) });
  }
  const fixed = await httpLoad(`${baseUrl}/api/v1/cases`, token, body, { connections: 64, seconds, rate: RATE });
  const ref = script ? await runPgbench(url, script, workDir, { clients: 32, seconds, rate: RATE }) : null;
  ctx.emit({ name: `cases.submit.rate${RATE}.achieved`, value: fixed.rps, unit: 'submissions/s', ...(ref ? { reference: { name: `pgbench.rate${RATE}.tps`, value: ref.tps } } : {}) });
  ctx.emit({ name: `cases.submit.rate${RATE}.p99`, value: fixed.p99, unit: 'ms', ...(ref ? { reference: { name: `pgbench.rate${RATE}.p99`, value: ref.p99 } } : {}) });
}

/** Inbox p95 over sequential requests of a department reviewer with BULK cases in the tables. */
async function inboxFigures(ctx: BenchContext, baseUrl: string, template: { caseId: string; stepId: string }) {
  const { platform: p } = await ctx.platform();
  ctx.note(`loading ${BULK} cases with generate_series (once per database)…`);
  const loaded = await loadBulkCases(p.db, BULK, template);
  if (loaded.loaded) ctx.note(`loaded ${loaded.loaded} cases in ${loaded.seconds.toFixed(0)} s`);
  const token = await login(baseUrl, 'scj.reviewer');
  for (const [name, query] of [['default', ''], ['red', '?colour=red'], ['submitted-sort', '?sort=submitted']] as const) {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await call(baseUrl, 'GET', `/api/v1/cases/inbox${query}`, token);
      if (i >= 10) times.push(performance.now() - t0); // the first ones warm caches and plans
    }
    times.sort((a, b) => a - b);
    ctx.emit({ name: `cases.inbox.${name}.p95`, value: percentile(times, 95), unit: 'ms' });
  }
}

const suite: BenchSuite = {
  name: 'cases',
  description: 'case submission vs pgbench (same inserts as plain SQL), fixed rate p99, inbox p95 with 1M cases',
  async run(ctx) {
    const { baseUrl, platform: p } = await ctx.platform();
    const token = await login(baseUrl, 'liuyang');
    const body = await submissionBody(ctx, baseUrl, token);
    const first = await call(baseUrl, 'POST', '/api/v1/cases', token, body);
    const clerk = await login(baseUrl, 'clerk.zhou');
    await call(baseUrl, 'POST', `/api/v1/cases/${first.id}/accept`, clerk, { version: first.version });
    const sample = await call(baseUrl, 'POST', '/api/v1/cases', token, body);
    ctx.emit({ name: 'cases.submit.roundTrips', value: await countRoundTrips(ctx, token, body), unit: 'statements/submission' });

    const workDir = p.config.dataDir;
    const url = await databaseUrl(p);
    let script: string | null = null;
    if (hasPgbench()) {
      const counts = await captureSubmission(p.db, sample.id, sample.caseNo);
      ctx.note(`rows per submission: ${JSON.stringify(counts)}`);
      script = path.join(workDir, 'cases-submit.pgbench.sql');
      writeFileSync(script, await pgbenchScript(p.db, counts));
    } else ctx.note(`${PGBENCH} not found: submission figures without the pgbench reference`);
    try {
      await submissionFigures(ctx, baseUrl, token, body, script, url, workDir);
    } finally {
      if (script) await dropScratch(p.db);
    }
    const step = await p.db.selectFrom('case_steps').select('id').where('case_id', '=', first.id).where('state', '=', 'pending').executeTakeFirstOrThrow();
    await inboxFigures(ctx, baseUrl, { caseId: first.id, stepId: step.id });
  },
};
export default suite;
