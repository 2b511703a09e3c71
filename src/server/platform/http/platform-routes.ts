import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queueHealth } from '../jobs/worker.js';
import { checkIdCard, checkItemCode, checkRegionCode, checkUscc } from '../validation/identifiers.js';
import { RateLimiter } from './rate-limit.js';

const validators = { idCard: checkIdCard, uscc: checkUscc, itemCode: checkItemCode, regionCode: checkRegionCode };
const ValidateBody = z.strictObject({ type: z.enum(['idCard', 'uscc', 'itemCode', 'regionCode']), value: z.string().max(100) });
const validateLimiter = new RateLimiter(120, 60_000);

/** Platform endpoints: health, the public identifier validator, and a static reference endpoint for benchmarks. */
export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { tags: ['platform'], summary: '健康检查：数据库与任务队列' } }, async (_req, reply) => {
    const started = Date.now();
    try {
      await sql`SELECT 1`.execute(app.ctx.db);
      const queue = await queueHealth(app.ctx.db);
      const ok = queue.oldest_due_seconds === null || queue.oldest_due_seconds < 300;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { ok: true, latencyMs: Date.now() - started }, jobs: { ok, ...queue } });
    } catch (err) {
      return reply.status(503).send({ status: 'down', database: { ok: false, error: (err as Error).message }, jobs: { ok: false } });
    }
  });

  app.post('/v1/validate', { schema: { tags: ['platform'], summary: '校验身份证号、统一社会信用代码、事项编码或行政区划代码', body: ValidateBody } }, async (req) => {
    validateLimiter.hit(req.ip);
    const verdict = validators[req.body.type](req.body.value);
    return verdict.valid ? { valid: true } : { valid: false, reason: verdict.reason };
  });

  // A plain static JSON answer: the reference the benchmarks compare real endpoints against.
  const pong = { ok: true, service: 'tongban' };
  app.get('/v1/ping', { schema: { hide: true } }, async () => pong);
};
