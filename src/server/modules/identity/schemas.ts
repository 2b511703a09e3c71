import { z } from 'zod';

export const DevLoginBody = z.strictObject({
  login: z.string().min(1).max(64).describe('演示账号登录名，如 zhangwei、clerk.zhou、scj.reviewer'),
  enterpriseUscc: z.string().length(18).optional().describe('以该企业身份办事（须为法定代表人或被授权人）'),
});

export const SessionResponse = z.object({ token: z.string(), csrf: z.string(), expiresAt: z.string() });

const IdCard = z.string().trim().min(1).max(18).describe('居民身份证号码（GB 11643）');
const Phone = z.string().trim().min(1).max(20).describe('手机号码');
const Uscc = z.string().length(18).describe('统一社会信用代码（GB 32100）');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('日期 YYYY-MM-DD（上海时间）');

export const LoginQuery = z.strictObject({
  returnTo: z.string().max(500).optional().describe('登录后返回的站内路径，如 /cases；只接受以 / 开头的站内地址'),
  kind: z.enum(['staff', 'person']).optional().describe('优先显示的登录方式：staff 工作人员密码 / person 个人或法人手机验证码'),
});
export const CallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export const ActAsBody = z.strictObject({ enterpriseUscc: Uscc.nullable().describe('要代表的企业；null 表示以个人身份办事') });

export const GrantAuthorizationBody = z.strictObject({
  agent: z
    .strictObject({ idCard: IdCard.optional(), phone: Phone.optional() })
    .refine((a) => Boolean(a.idCard) !== Boolean(a.phone), '请填写被授权人的身份证号码或手机号码（二选一）')
    .describe('被授权人（须已实名登记）'),
  itemCodes: z.array(z.string().max(12)).max(200).nullable().describe('授权事项的基本编码（12位）；null 表示全部事项'),
  validUntil: Day.describe('授权截止日期（含当日）'),
});
export const IdParam = z.strictObject({ id: z.uuid() });

export const AgencyBody = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/).describe('机构标识（小写字母、数字、连字符），如 mh-scjgj'),
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(30).nullable().optional(),
  uscc: Uscc,
  regionCode: z.string().length(6).describe('行政区划代码'),
  parentId: z.string().min(1).max(40).describe('上级机构'),
  nature: z.string().trim().min(1).max(30).optional().describe('实施主体性质，默认“机关”'),
  address: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});
export const AgencyPatch = AgencyBody.omit({ id: true, uscc: true, regionCode: true })
  .partial()
  .refine((p) => Object.keys(p).length > 0, '请至少修改一项');
export const AgencyParam = z.strictObject({ id: z.string().min(1).max(40) });

export const StaffQuery = z.strictObject({ agencyId: z.string().min(1).max(40).optional().describe('只看该机构及其下级') });
export const StaffBody = z.strictObject({
  login: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/).describe('登录名（工号），小写字母、数字、点、连字符'),
  name: z.string().trim().min(1).max(50),
  phone: Phone.nullable().optional(),
  agencyId: z.string().min(1).max(40),
});
export const StaffActiveBody = z.strictObject({ active: z.boolean().describe('true 启用 / false 停用') });
export const RoleBody = z.strictObject({
  role: z.enum(['window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor']),
  agencyId: z.string().min(1).max(40).describe('角色的数据范围（机构，含下级）'),
});

export const ResidentLookupBody = z.strictObject({ idCard: IdCard });
export const ResidentRegisterBody = z.strictObject({ idCard: IdCard, name: z.string().trim().min(1).max(50), phone: Phone });
