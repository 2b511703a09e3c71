import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QualityQuery, RecordIdParams, RecordsQuery } from './schemas.js';
import { qualityReport } from './quality.js';
import { listRecords } from './records.js';
import { retryRecord } from './service.js';

export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exchange/quality',
    { schema: { tags: ['exchange'], summary: '办件数据推送质量：上传及时率（15分钟）、推送延迟分布、环节顺序错误、错误码、待推送与失败记录（中心管理员、督查）', querystring: QualityQuery } },
    async (req) => qualityReport(app.ctx.db, req.actor, req.query),
  );

  app.get(
    '/exchange/records',
    { schema: { tags: ['exchange'], summary: '推送记录列表（按办件、状态筛选）', querystring: RecordsQuery } },
    async (req) => listRecords(app.ctx.db, req.actor, req.query),
  );

  app.post(
    '/exchange/records/:id/retry',
    { schema: { tags: ['exchange'], summary: '重新推送被拒或重试耗尽的记录（中心管理员）', params: RecordIdParams } },
    async (req) => retryRecord(app.ctx.db, req.actor, req.params.id, req.ip),
  );
};
