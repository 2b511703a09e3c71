import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const QualityQuery = z.strictObject({
  from: day.describe('开始日期（含），按业务发生时间，Asia/Shanghai'),
  to: day.describe('结束日期（含）'),
});

export const RecordsQuery = z.strictObject({
  caseId: z.string().min(1).max(100).optional(),
  state: z.enum(['pending', 'sending', 'acked', 'rejected', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const RecordIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
