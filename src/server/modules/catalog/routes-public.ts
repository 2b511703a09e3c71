import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GuideCheckQuery, IdOrKeyParams, ItemListQuery, SearchQuery, VersionParams } from './schemas.js';
import { getGuideJson, getVersion, listDepartments, listItems, listTags, listVersions } from './service-public.js';
import { searchItems } from './service-search.js';
import { listHalls } from './service-halls.js';
import { checkItemGuide, guideCheckReport } from './service-check.js';
import { openFormFile, openMaterialForm } from './service-files.js';

const tags = ['catalog'];

/** Sends a guide attachment as a download; nosniff so a browser never renders it as something else. */
function sendFile(reply: FastifyReply, file: { file_name: string; mime: string; content: Buffer; sha256: string }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'public, max-age=300')
    .send(file.content);
}

/** Public catalogue: lists, guides, version history, tags, departments, halls, search, form downloads. */
export const catalogPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get('/catalog/items', { schema: { tags, summary: '事项列表（已发布），可按部门、主题（个人/法人）、人生事件、渠道筛选', querystring: ItemListQuery } }, async (req) => listItems(db, req.query));

  app.get('/catalog/search', { schema: { tags, summary: '事项中文检索（分词、前缀匹配、高亮）', querystring: SearchQuery } }, async (req) => searchItems(db, req.query));

  // The guide comes as ready JSON text from the guide cache (service-public.ts getGuideJson).
  app.get('/catalog/items/:idOrKey', { schema: { tags, summary: '办事指南（当前发布版本），含预计办结日期', params: IdOrKeyParams } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(await getGuideJson(db, req.params.idOrKey)));

  app.get('/catalog/items/:idOrKey/versions', { schema: { tags, summary: '事项版本历史（草稿仅对工作人员可见）', params: IdOrKeyParams } }, async (req) => listVersions(db, req.actor, req.params.idOrKey));

  app.get('/catalog/items/:idOrKey/versions/:n', { schema: { tags, summary: '读取事项的任一版本', params: VersionParams } }, async (req) => getVersion(db, req.actor, req.params.idOrKey, req.params.n));

  const MaterialParams = IdOrKeyParams.extend({ materialId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) });
  app.get('/catalog/items/:idOrKey/materials/:materialId/blank-form', { schema: { tags, summary: '下载材料的空白表格', params: MaterialParams } }, async (req, reply) =>
    sendFile(reply, await openMaterialForm(db, req.actor, req.params.idOrKey, req.params.materialId, 'blank')));
  app.get('/catalog/items/:idOrKey/materials/:materialId/sample-form', { schema: { tags, summary: '下载材料的示例样表', params: MaterialParams } }, async (req, reply) =>
    sendFile(reply, await openMaterialForm(db, req.actor, req.params.idOrKey, req.params.materialId, 'sample')));
  app.get('/catalog/files/:fileId', { schema: { tags, summary: '下载指南附件', params: z.strictObject({ fileId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) }) } }, async (req, reply) =>
    sendFile(reply, await openFormFile(db, req.actor, req.params.fileId)));

  app.get('/catalog/themes', { schema: { tags, summary: '服务主题（含个人/法人）及事项数' } }, async () => listTags(db, 'themes'));
  app.get('/catalog/life-events', { schema: { tags, summary: '人生事件 / 企业场景及事项数' } }, async () => listTags(db, 'life_events'));
  app.get('/catalog/departments', { schema: { tags, summary: '有已发布事项的部门' } }, async () => listDepartments(db));
  app.get('/catalog/halls', { schema: { tags, summary: '政务服务大厅、窗口与自助终端' } }, async () => listHalls(db));

  app.get('/catalog/guide-check', { schema: { tags, summary: '办事指南准确度检查：逐事项问题清单与得分、部门平均分（工作人员）', querystring: GuideCheckQuery } }, async (req) =>
    guideCheckReport(db, req.actor, req.query));
  app.get('/catalog/items/:idOrKey/guide-check', { schema: { tags, summary: '检查单个事项的指南（有草稿时检查草稿）', params: IdOrKeyParams } }, async (req) =>
    checkItemGuide(db, req.actor, req.params.idOrKey));
};
