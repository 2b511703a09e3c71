import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors/app-error.js';
import { MineQuery, MineResponse, UploadIdParams, UploadParams, UploadQuery, UploadView } from './schemas.js';
import { listMyMaterials, readMaterialContent, uploadMaterial } from './service.js';
import { requireLogin } from '../../platform/auth/actor.js';
import { zodProblems } from '../../platform/errors/problem.js';

const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** RFC 6266: an ASCII fallback plus the UTF-8 name, since most material names are Chinese. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const materialsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/materials/uploads',
    {
      schema: {
        tags: ['materials'],
        summary: '上传申请材料（multipart，字段 file；类型按内容识别；可在查询参数或文件之前的表单字段给出 itemVersionId/materialId/onBehalfOfUserId）',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        response: { 201: UploadView },
      },
    },
    async (req, reply) => {
      requireLogin(req.actor);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '请以 multipart/form-data 上传，文件字段名为 file' });
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', { detail: '缺少文件字段 file', field: 'file' });
      // Form fields sent before the file count like query parameters (the limit must be known before the bytes).
      const fields = Object.fromEntries(
        Object.entries(part.fields)
          .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const)
          .filter(([, v]) => v && 'value' in v && typeof v.value === 'string')
          .map(([k, v]) => [k, (v as { value: string }).value]),
      );
      const parsed = UploadParams.safeParse({ ...fields, ...req.query });
      if (!parsed.success) {
        part.file.resume();
        const errors = zodProblems(parsed.error.issues);
        throw new AppError('VALIDATION_FAILED', { detail: errors.map((e) => `${e.field} ${e.message}`).join('；'), field: errors[0]?.field, errors });
      }
      const upload = await uploadMaterial(app.ctx.db, { actor: req.actor, file: part.file, fileName: part.filename, ...parsed.data, ip: req.ip });
      return reply.status(201).send(upload);
    },
  );

  app.get(
    '/materials/uploads/:id/content',
    { schema: { tags: ['materials'], summary: '读取材料文件（本人、代扫的申请人或使用该材料的办件所属部门工作人员）', params: UploadIdParams } },
    async (req, reply) => {
      const f = await readMaterialContent(app.ctx.db, req.actor, req.params.id, req.ip);
      const inline = INLINE_TYPES.has(f.mime);
      return reply
        .header('content-type', f.mime)
        .header('content-length', String(f.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', f.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        // Previews are framed by our own workbench only; no sandbox, which would stop the browsers' PDF viewers.
        .header('content-security-policy', "frame-ancestors 'self'")
        .send(f.stream);
    },
  );

  app.get(
    '/materials/mine',
    { schema: { tags: ['materials'], summary: '我的电子材料库：本人上传或窗口代扫的材料', querystring: MineQuery, response: { 200: MineResponse } } },
    async (req) => listMyMaterials(app.ctx.db, req.actor, req.query),
  );
};
