import { z } from 'zod';
import { SOURCES, STATUSES } from './labels.js';

/** Free text without control characters (PostgreSQL refuses NUL; the others have no place in a complaint). */
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
const text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL, '不能包含控制字符');
const optText = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, '不能包含控制字符').optional();
const AgencyId = z.string().min(1).max(60).regex(/^[a-z0-9-]+$/, '机构标识格式不正确');
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确');
const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().max(300).transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(values))).optional();

export const IdParams = z.strictObject({ id: z.uuid() });

export const CannotGetDoneBody = z.strictObject({
  itemName: text(200).describe('想办的事项'),
  place: text(200).describe('办事地点（大厅、窗口或网上渠道）'),
  whatHappened: text(2000).describe('遇到的问题'),
  agencyId: AgencyId.optional().describe('涉及的部门（知道时填写）'),
  caseNo: z.string().max(60).regex(/^[A-Za-z0-9-]*$/).optional().describe('办件编号（有时填写）'),
  contactName: optText(50),
  contactPhone: phone.optional().describe('联系电话：匿名反映时必填'),
});

export const ManualBody = z.strictObject({
  agencyId: AgencyId, title: text(200), content: text(4000),
  indicatorKey: z.string().max(60).regex(/^[a-z_]+$/).optional().describe('由指标派生时的指标代码，如 bad_rate'),
  dueDays: z.number().int().min(1).max(60).optional().describe('办结时限（工作日），默认按规则'),
});

export const DispatchBody = z.strictObject({ agencyId: AgencyId, note: optText(500) });
export const ReasonBody = z.strictObject({ reason: text(1000) });
export const NoteBody = z.strictObject({ note: text(1000) });
export const OptionalNoteBody = z.strictObject({ note: optText(1000) });
export const VerifyBody = z.strictObject({ outcome: z.enum(['rectify', 'explain']).describe('rectify 需整改 / explain 解释说明'), finding: text(2000) });
export const FinishBody = z.strictObject({ resolution: text(2000).describe('整改情况或解释说明') });
export const CallbackBody = z.strictObject({
  outcome: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']).describe('回访满意度'),
  resolved: z.boolean().describe('诉求是否解决'),
  note: optText(1000),
});
export const DecideBody = z.strictObject({ decision: z.enum(['upheld', 'rejected']).describe('upheld 申诉成立 / rejected 驳回'), note: text(1000) });

export const ListQuery = z.strictObject({
  status: csv(STATUSES as [string, ...string[]]).describe('状态，逗号分隔'),
  source: csv(SOURCES as [string, ...string[]]).describe('来源，逗号分隔'),
  agencyId: AgencyId.optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: optText(100).describe('工单编号、12345编号或标题关键词'),
  from: z.iso.date().optional(), to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ImportJsonBody = z.strictObject({
  fileName: text(200),
  format: z.enum(['csv', 'json']),
  content: z.string().min(1).describe('文件内容（文本）；大文件请用 multipart 上传'),
});

export const RuleParams = z.strictObject({ source: z.enum(SOURCES as [string, ...string[]]) });
export const RuleBody = z.strictObject({
  contactDays: z.number().int().min(0).max(30).optional(), signDays: z.number().int().min(0).max(30).optional(),
  verifyDays: z.number().int().min(0).max(30).optional(), rectifyDays: z.number().int().min(0).max(60).optional(),
  callbackDays: z.number().int().min(0).max(30).optional(), warnHours: z.number().int().min(0).max(72).optional(),
  returnAllowed: z.boolean().optional(),
});
export const CategoryParams = z.strictObject({ category: z.string().min(1).max(40).regex(/^[a-z_]+$/) });
export const CategoryBody = z.strictObject({ days: z.number().int().min(1).max(60) });
