import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getArchive } from './archive.js';
import { listProcessDefinitions } from './engine/service.js';
import { caseActionRoutes } from './routes-actions.js';
import { CaseIdParams, CreateDraftBody, InboxQuery, MyCasesQuery, OpenVisitBody, OverdueQuery, ResubmitBody, SubmitApplicationBody, SubmitDraftBody, UpdateDraftBody } from './schemas.js';
import { createDraft, getDraft, myDrafts, submitApplication, submitDraft, updateDraft } from './service-apply.js';
import { resubmitCorrection } from './service-correction.js';
import { closeVisit, openVisit } from './service-visits.js';
import { myCases, myCaseView } from './view-applicant.js';
import { inbox, overdueCases } from './view-inbox.js';
import { staffCaseView } from './view-staff.js';

const tags = ['cases'];
const keyOf = (header: unknown, field?: string) => (typeof header === 'string' && header ? header : field);

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.post('/cases/drafts', { schema: { tags, summary: '新建申请草稿', body: CreateDraftBody } }, async (req, reply) => reply.status(201).send(await createDraft(db, req.actor, req.body)));
  app.get('/cases/drafts/:id', { schema: { tags, summary: '查看草稿', params: CaseIdParams } }, async (req) => getDraft(db, req.actor, req.params.id));
  app.patch('/cases/drafts/:id', { schema: { tags, summary: '保存草稿（表单、办理情形、材料及收取方式）', params: CaseIdParams, body: UpdateDraftBody } }, async (req) => updateDraft(db, req.actor, req.params.id, req.body));
  app.post('/cases/drafts/:id/submit', { schema: { tags, summary: '提交草稿（幂等：Idempotency-Key 请求头或 idempotencyKey 字段）', params: CaseIdParams, body: SubmitDraftBody } }, async (req, reply) => {
    const r = await submitDraft(db, req.actor, req.params.id, { idempotencyKey: keyOf(req.headers['idempotency-key'], req.body.idempotencyKey) });
    return reply.status(r.replayed ? 200 : 201).send(r.result);
  });
  app.post('/cases', { schema: { tags, summary: '一次性提交申请（表单与材料，幂等）', body: SubmitApplicationBody } }, async (req, reply) => {
    const r = await submitApplication(db, req.actor, { ...req.body, idempotencyKey: keyOf(req.headers['idempotency-key'], req.body.idempotencyKey) });
    return reply.status(r.replayed ? 200 : 201).send(r.result);
  });

  app.get('/cases/inbox', { schema: { tags, summary: '我的待办（按角色与机构，含期限与红黄绿灯）', querystring: InboxQuery } }, async (req) => inbox(db, req.actor, req.query));
  app.get('/cases/overdue', { schema: { tags, summary: '超期办件（督查、中心管理员、部门管理员）', querystring: OverdueQuery } }, async (req) => overdueCases(db, req.actor, req.query));
  app.get('/cases/:id', { schema: { tags, summary: '办件详情（工作人员；个人信息按需脱敏）', params: CaseIdParams } }, async (req) => staffCaseView(db, req.actor, req.params.id));
  app.get('/cases/:id/archive', { schema: { tags, summary: '电子档案（办结后只读，含 SM3 清单摘要）', params: CaseIdParams } }, async (req) => getArchive(db, req.actor, req.params.id));
  await app.register(caseActionRoutes);

  app.get('/my/cases', { schema: { tags, summary: '我的办件', querystring: MyCasesQuery } }, async (req) => myCases(db, req.actor, req.query));
  app.get('/my/drafts', { schema: { tags, summary: '我的草稿' } }, async (req) => myDrafts(db, req.actor));
  app.get('/my/cases/:id', { schema: { tags, summary: '我的办件进度（时间线、补正告知、结果、送达）', params: CaseIdParams } }, async (req) => myCaseView(db, req.actor, req.params.id));
  app.post('/my/cases/:id/resubmit', { schema: { tags, summary: '补正后重新提交（恢复计时）', params: CaseIdParams, body: ResubmitBody } }, async (req) => resubmitCorrection(db, req.actor, req.params.id, req.body));

  app.post('/visits', { schema: { tags, summary: '开始现场服务（窗口记录申请人到场时间）', body: OpenVisitBody } }, async (req, reply) => reply.status(201).send(await openVisit(db, req.actor, req.body)));
  app.post('/visits/:id/end', { schema: { tags, summary: '结束现场服务（发布 visit.ended）', params: z.strictObject({ id: z.uuid() }) } }, async (req) => closeVisit(db, req.actor, req.params.id));

  app.get('/process-definitions', { schema: { tags, summary: '流程定义列表（各键最新版本）' } }, async (req) => listProcessDefinitions(db, req.actor));
};
