import { z } from 'zod';

/** Which guide material a file is for (both or neither), and for whom a window clerk scans it (代扫). */
export const UploadQuery = z.strictObject({
  itemVersionId: z.string().min(1).max(100).optional().describe('事项版本 id：与 materialId 一起给出时按该材料的大小上限校验'),
  materialId: z.string().min(1).max(100).optional().describe('材料清单项 id'),
  onBehalfOfUserId: z.uuid().optional().describe('窗口代扫：申请人的用户 id（仅综窗人员）'),
});
/** The query merged with form fields sent before the file: the pair must be complete. */
export const UploadParams = UploadQuery.refine((v) => !v.itemVersionId === !v.materialId, { message: 'itemVersionId 与 materialId 须同时提供', path: ['materialId'] });

export const UploadView = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  ext: z.string(),
  size: z.number(),
  sha256: z.string(),
  sm3: z.string(),
  scannedAtWindow: z.boolean(),
  itemVersionId: z.string().nullable(),
  materialId: z.string().nullable(),
  usedInCases: z.number(),
  createdAt: z.string(),
});

export const UploadIdParams = z.strictObject({ id: z.uuid() });

export const MineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const MineResponse = z.object({ total: z.number(), items: z.array(UploadView) });
