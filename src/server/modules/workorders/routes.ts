import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import { AppError } from '../../platform/errors/app-error.js';
import * as s from './schemas.js';
import * as life from './lifecycle.js';
import { agencyTable, listOrders, orderDetail, revealContact, showOrder } from './queries.js';
import type { WorkOrder } from './repository.js';
import { createManualOrder, reportCannotGetDone } from './intake.js';
import { showImport, startImport } from './import.js';
import { showRules, updateCategoryLimit, updateRule } from './rules.js';
import type { Source } from './tables.js';

// The public 办不成事 form needs no login: bound it per client so it cannot be used to flood agencies with orders.
const reportLimiter = new RateLimiter(5, 60 * 60_000);

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['workorders'];
  const byId = { tags, params: s.IdParams };

  app.post('/workorders/cannot-get-done', { schema: { tags, summary: '"办不成事"反映（可匿名，须留电话；限频）', body: s.CannotGetDoneBody } }, async (req, reply) => {
    reportLimiter.hit(`cgd:${req.ip}`);
    const o = await reportCannotGetDone(db, req.actor, req.body, req.ip);
    return reply.code(201).send({ id: o.id, orderNo: o.order_no, status: o.status, replyBy: o.due_at ? new Date(o.due_at).toISOString() : null });
  });

  app.post('/workorders', { schema: { tags, summary: '督查人员新建督办任务（可由指标派生）', body: s.ManualBody } }, async (req, reply) => {
    return reply.code(201).send(await orderDetail(db, await createManualOrder(db, req.actor, req.body)));
  });

  app.get('/workorders', { schema: { tags, summary: '工单列表（督查看全部，承办单位看本单位）：阶段、承办单位、时限颜色、来源', querystring: s.ListQuery } }, async (req) =>
    listOrders(db, req.actor, req.query));

  app.get('/workorders/agency-table', { schema: { tags, summary: '督查视图：分单位工单统计表' } }, async (req) => agencyTable(db, req.actor));

  app.get('/workorders/:id', { schema: { ...byId, summary: '工单详情与流转记录（联系方式脱敏）' } }, async (req) => showOrder(db, req.actor, req.params.id));

  app.post('/workorders/:id/reveal-contact', { schema: { ...byId, summary: '查看诉求人联系方式原文（仅承办人，留痕）' } }, async (req) =>
    revealContact(db, req.actor, req.params.id));

  const transitions = [
    ['dispatch', '派单（督查）', s.DispatchBody, life.dispatch],
    ['sign', '签收', s.OptionalNoteBody, life.sign],
    ['return', '退单（差评工单不得退单）', s.ReasonBody, life.returnOrder],
    ['contact', '记录先行联系', s.NoteBody, life.contact],
    ['verify', '核实：需整改或解释说明', s.VerifyBody, life.verify],
    ['finish', '整改或解释说明完成，转回访', s.FinishBody, life.finish],
    ['callback', '记录回访结果（不满意则重办）', s.CallbackBody, life.callback],
    ['close', '办结（督查）', s.OptionalNoteBody, life.close],
    ['appeal', '申诉复核（恶意或不实评价）', s.ReasonBody, life.appeal],
    ['decide-appeal', '申诉复核决定（督查）', s.DecideBody, life.decideAppeal],
  ] as const;
  for (const [action, summary, body, fn] of transitions) {
    app.post(`/workorders/:id/${action}`, { schema: { ...byId, summary, body } }, async (req) => {
      const o = await (fn as (d: typeof db, a: typeof req.actor, id: string, b: unknown) => Promise<WorkOrder>)(db, req.actor, req.params.id, req.body);
      return orderDetail(db, o);
    });
  }

  app.post('/workorders/imports', { schema: { tags, summary: '导入12345工单（multipart 上传 CSV 或 JSON 文件），返回校验报告', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '请以 multipart/form-data 上传文件，或使用 /workorders/imports/text' });
    const file = await req.file();
    if (!file) throw new AppError('IMPORT_FILE_INVALID', { detail: '没有收到文件' });
    const format = /\.json$/i.test(file.filename) || file.mimetype === 'application/json' ? 'json' : /\.csv$/i.test(file.filename) || file.mimetype === 'text/csv' ? 'csv' : null;
    if (!format) throw new AppError('IMPORT_FILE_INVALID', { detail: '只支持 .csv 或 .json 文件' });
    const text = (await file.toBuffer()).toString('utf8');
    return reply.code(202).send(await startImport(db, req.actor, { fileName: file.filename, format, text }));
  });

  app.post('/workorders/imports/text', { schema: { tags, summary: '导入12345工单（文件内容以 JSON 提交，适合小文件）', body: s.ImportJsonBody } }, async (req, reply) =>
    reply.code(202).send(await startImport(db, req.actor, { fileName: req.body.fileName, format: req.body.format, text: req.body.content })));

  app.get('/workorders/imports/:id', { schema: { ...byId, summary: '导入进度与行级错误' } }, async (req) => showImport(db, req.actor, req.params.id));

  app.get('/workorders/rules', { schema: { tags, summary: '工单时限规则与12345诉求类型时限' } }, async (req) => showRules(db, req.actor));
  app.put('/workorders/rules/:source', { schema: { tags, summary: '修改某来源的工单规则（中心管理员）', params: s.RuleParams, body: s.RuleBody } }, async (req) =>
    updateRule(db, req.actor, req.params.source as Source, req.body));
  app.put('/workorders/hotline-limits/:category', { schema: { tags, summary: '修改12345诉求类型办理时限（中心管理员）', params: s.CategoryParams, body: s.CategoryBody } }, async (req) =>
    updateCategoryLimit(db, req.actor, req.params.category, req.body.days));
};
