import { z } from 'zod';
import { CHANNELS } from './levels.js';

/** Ids of cases, visits and windows as other modules issue them; also keeps control characters out of queries. */
const Id = z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/, '标识只能包含字母、数字和 . _ : -');
const Level = z.number().int().min(1).max(5).describe('满意度 1 非常满意 … 5 非常不满意（GB/T 39046）');
const Comment = z.string().trim().max(500).regex(/^[^\u0000-\u0008]*$/, '不能包含控制字符').nullish().describe('文字评价');

export const RateBody = z
  .strictObject({
    caseId: Id.optional().describe('办件ID（办件评价，一事一评）'),
    visitId: Id.optional().describe('到窗服务ID（一次一评）'),
    level: Level,
    comment: Comment,
    channel: z.enum(CHANNELS).describe('评价渠道'),
  })
  .refine((b) => (b.caseId ? 1 : 0) + (b.visitId ? 1 : 0) === 1, { message: '请指定 caseId 或 visitId 之一', path: ['caseId'] });

export const WindowParams = z.strictObject({ windowId: Id });

export const WindowRateBody = z.strictObject({
  visitId: Id.describe('要评价的到窗服务ID（评价页面从 GET 得到）'),
  visitToken: z.string().min(10).max(100).regex(/^[A-Za-z0-9_-]+$/).optional().describe('短信/二维码评价链接中的令牌：有则为实名评价'),
  level: Level,
  comment: Comment,
  channel: z.enum(['hall_tablet', 'hall_terminal', 'qr']).default('hall_tablet'),
});

export const RatingListQuery = z.strictObject({
  caseId: Id.optional(),
  windowId: Id.optional(),
  bad: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  from: z.iso.date().optional().describe('评价日期起（含），YYYY-MM-DD'),
  to: z.iso.date().optional().describe('评价日期止（含），YYYY-MM-DD'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ConfigBody = z.strictObject({
  badLevels: z.array(z.number().int().min(1).max(5)).min(1).max(5).optional().describe('属于差评的等级（上海：4、5）'),
  invitationValidDays: z.number().int().min(1).max(365).optional(),
  visitRatingMinutes: z.number().int().min(1).max(240).optional(),
  visitTokenMinutes: z.number().int().min(5).max(10_080).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
});
