import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors/app-error.js';
import { agenciesWith, hasRole } from '../../platform/auth/actor.js';
import { CreateItemBody, HallBody, IdOrKeyParams, ImportBody, ItemContentPatch, KioskInput, PublishBody, VersionParams } from './schemas.js';
import { createItem, editDraft, publishDraft } from './service-items.js';
import { importItems } from './service-import.js';
import { saveHall, saveKiosk } from './service-halls.js';
import { MAX_FORM_FILE_BYTES, uploadFormFile } from './service-files.js';
import { requireCatalog } from './policy.js';
import * as repo from './repository.js';

const tags = ['catalog-admin'];
const security = [{ bearer: [] }];

/** Catalogue administration: items and their versions, form files, halls, windows and kiosks. */
export const catalogAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get('/catalog/admin/items', { schema: { tags, security, summary: '事项管理列表（含草稿状态）', querystring: z.strictObject({ agencyId: z.string().regex(/^[a-z0-9-]{1,40}$/).optional() }) } }, async (req) => {
    requireCatalog(req.actor, 'item.read_drafts', req.query.agencyId);
    // Department staff see their own agencies; center roles see the district.
    const centerWide = hasRole(req.actor, ['center_admin', 'supervisor', 'window_clerk']);
    const scope = req.query.agencyId ? [req.query.agencyId] : centerWide ? null : agenciesWith(req.actor, ['dept_admin', 'reviewer', 'approver']);
    const rows = await repo.listItemsWithLatest(db, scope);
    return {
      items: rows.map((r) => ({
        id: r.id, key: r.key, agencyId: r.agency_id, name: r.name, implementationCode: r.implementation_code, codeWarnings: r.code_warnings,
        latestVersion: r.latest_version, latestStatus: r.latest_status, publishedVersion: r.published_version, updatedAt: r.updated_at,
      })),
    };
  });

  app.post('/catalog/admin/items', { schema: { tags, security, summary: '新建事项（编码严格校验，生成草稿版本1）', body: CreateItemBody } }, async (req, reply) =>
    reply.status(201).send(await createItem(db, req.actor, req.body, { ip: req.ip })));

  app.patch('/catalog/admin/items/:idOrKey', { schema: { tags, security, summary: '修改事项：修改草稿；已发布的事项生成新草稿版本', params: IdOrKeyParams, body: ItemContentPatch } }, async (req) =>
    editDraft(db, req.actor, req.params.idOrKey, req.body, { ip: req.ip }));

  app.patch('/catalog/admin/items/:idOrKey/versions/:n', { schema: { tags, security, summary: '修改指定版本（仅草稿可改）', params: VersionParams, body: ItemContentPatch } }, async (req) =>
    editDraft(db, req.actor, req.params.idOrKey, req.body, { ip: req.ip, onlyVersion: req.params.n }));

  app.post('/catalog/admin/items/:idOrKey/publish', { schema: { tags, security, summary: '发布草稿（中心管理员），上一发布版本归档', params: IdOrKeyParams, body: PublishBody.optional() } }, async (req) =>
    publishDraft(db, req.actor, req.params.idOrKey, { ip: req.ip, version: req.body?.version }));

  app.post('/catalog/admin/import', { schema: { tags, security, summary: '导入事项（接受旧版或外省编码，返回警告清单）', body: ImportBody } }, async (req, reply) =>
    reply.status(201).send(await importItems(db, req.actor, req.body.items, { ip: req.ip })));

  app.post('/catalog/admin/files', { schema: { tags, security, summary: '上传空白表格或示例样表（multipart，字段 file，10MB 以内）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    requireCatalog(req.actor, 'file.upload');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '请以 multipart/form-data 上传文件' });
    const part = await req.file({ limits: { fileSize: MAX_FORM_FILE_BYTES } });
    if (!part) throw new AppError('VALIDATION_FAILED', { detail: '缺少文件', field: 'file' });
    const content = await part.toBuffer();
    return reply.status(201).send(await uploadFormFile(db, req.actor, { fileName: part.filename || 'form', content }, { ip: req.ip }));
  });

  const HallParams = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/) });
  app.put('/catalog/admin/halls/:id', { schema: { tags, security, summary: '新建或更新大厅及其窗口（窗口清单整体替换）', params: HallParams, body: HallBody } }, async (req) =>
    saveHall(db, req.actor, { ...req.body, id: req.params.id }, { ip: req.ip }));

  const KioskParams = z.strictObject({ terminalId: z.string().regex(/^[A-Za-z0-9-]{3,40}$/) });
  app.put('/catalog/admin/kiosks/:terminalId', { schema: { tags, security, summary: '新建或更新自助终端', params: KioskParams, body: KioskInput.omit({ terminalId: true }) } }, async (req) =>
    saveKiosk(db, req.actor, { ...req.body, terminalId: req.params.terminalId }, { ip: req.ip }));
};
