import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { computeIndicators } from './service.js';
import { DEFINITIONS } from './definitions.js';

export const IndicatorQuery = z.strictObject({
  from: z.iso.date().describe('统计开始日（含，上海时间）YYYY-MM-DD'),
  to: z.iso.date().describe('统计结束日（含）YYYY-MM-DD'),
  agencyId: z.string().min(1).max(60).regex(/^[a-z0-9-]+$/, '机构标识格式不正确').optional().describe('单位；省略或为区（mh）时为全区'),
});

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['analytics'];
  app.get('/analytics/indicators', { schema: { tags, summary: '好差评与工单指标（实时计算，附口径）', querystring: IndicatorQuery } }, async (req) =>
    computeIndicators(app.ctx.db, req.actor, req.query));
  app.get('/analytics/definitions', { schema: { tags, summary: '指标口径（分子、分母、不计入项）' } }, async () =>
    ({ items: Object.entries(DEFINITIONS).map(([key, d]) => ({ key, ...d })) }));
};
