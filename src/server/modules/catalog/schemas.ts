import { z } from 'zod';

/**
 * The catalog's request and data schemas. One content schema serves the admin API, the import endpoint and the
 * demo loader, so a guide written by hand, imported or loaded from JSON is held to the same rules.
 */
// PostgreSQL text cannot hold NUL, and no guide needs control characters other than line breaks and tabs.
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/;
const clean = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, '不能包含控制字符');
const text = (max: number) => clean(max).min(1);
const optText = (max: number) => clean(max).nullish().transform((v) => (v ? v : null));
const param = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001f]*$/, '不能包含控制字符');

export const ItemKind = z.enum(['application', 'public_service', 'query']).describe('application 依申请 / public_service 公共服务 / query 查询类');
export type ItemKind = z.infer<typeof ItemKind>;
export const LimitUnit = z.enum(['working', 'natural']);
export type LimitUnit = z.infer<typeof LimitUnit>;
export const TimeLimit = z.strictObject({ days: z.number().int().min(0).max(3650), unit: LimitUnit, note: optText(500).optional() });
export const Channels = z.strictObject({ pc: z.boolean(), mobile: z.boolean(), kiosk: z.boolean(), window: z.boolean() });
export type Channels = z.infer<typeof Channels>;
export const CHANNELS = ['pc', 'mobile', 'kiosk', 'window'] as const;

export const ProcessStep = z.strictObject({
  name: text(100).describe('环节名称'),
  limit: optText(100).optional().describe('办理时限，如 1个工作日'),
  handler: optText(100).optional().describe('办理人员或岗位'),
  standard: optText(2000).optional().describe('审查标准'),
});

/** Guide elements of GB/T 39046 table 4 that no query filters on: kept together in one validated jsonb. */
export const Guide = z.strictObject({
  legalBasis: optText(5000).describe('设定依据'),
  conditions: optText(5000).describe('受理条件'),
  processSteps: z.array(ProcessStep).max(30).describe('办理流程'),
  fee: z.strictObject({ charged: z.boolean(), basis: optText(2000), standard: optText(2000).optional() }).describe('是否收费、收费依据'),
  resultName: optText(200).describe('结果名称'),
  resultType: optText(50).describe('结果类型：证照 / 批文 / 其他'),
  resultSample: z.boolean().describe('是否提供结果样本'),
  coAgencies: z.array(text(40)).max(20).describe('共同实施部门'),
  handlingOrg: optText(200).optional().describe('承办机构'),
  intermediary: optText(1000).optional().describe('中介服务'),
  quantityLimit: optText(500).optional().describe('数量限制'),
  scope: optText(100).optional().describe('通办范围，如 全区通办 / 全市通办 / 跨省通办'),
  specialProcedures: optText(1000).optional().describe('特别程序'),
  onlineUrl: optText(500).optional().describe('网办地址'),
  appointment: z.boolean().describe('是否支持预约'),
  payment: z.boolean().describe('是否支持网上支付'),
  express: z.boolean().describe('是否支持物流快递'),
  location: optText(500).describe('办理地点'),
  hours: optText(300).describe('办理时间'),
  phone: optText(100).describe('咨询电话'),
  supervisionPhone: optText(100).describe('监督电话'),
  faq: z.array(z.strictObject({ q: text(500), a: text(5000) })).max(50).describe('常见问题'),
});
export type Guide = z.infer<typeof Guide>;

export const Situation = z.strictObject({ seq: z.string().regex(/^(0[1-9]|[1-9]\d)$/, '办理项序号应为01至99'), name: text(100) });

const materialFields = {
  name: text(200).describe('材料名称'),
  source: text(50).describe('来源渠道：申请人自备 / 政府部门核发 / 其他'),
  sourceAgency: optText(200).describe('出具机构'),
  issuedByGovernment: z.boolean().optional().describe('是否政府部门核发；缺省时由来源渠道推断'),
  issueTimeRequirement: optText(200).optional().describe('出具时间要求'),
  originals: z.number().int().min(0).max(99).describe('原件份数'),
  copies: z.number().int().min(0).max(99).describe('复印件份数'),
  medium: z.enum(['paper', 'electronic', 'both']).describe('材料形式'),
  required: z.boolean().describe('是否必备'),
  note: optText(2000),
  eLicenceType: optText(100).describe('可替代的电子证照类型'),
  exemptable: z.boolean().describe('是否可免交'),
  formType: z.boolean().optional().describe('是否表格类材料；缺省时按名称推断（申请书、申请表、登记表等）'),
  count: z.number().int().min(1).max(50).default(1),
  maxSizeMb: z.number().int().min(1).max(50).default(10),
};
export const Material = z.strictObject({
  ...materialFields,
  blankFormFileId: z.uuid().nullish().describe('空白表格文件（先上传 /catalog/admin/files）'),
  sampleFormFileId: z.uuid().nullish().describe('示例样表文件'),
});
export type Material = z.infer<typeof Material>;

export const FormSchema = z
  .record(z.string(), z.unknown())
  .refine((s) => s.type === 'object' && typeof s.properties === 'object' && s.properties !== null, '申请表应为 type 为 object 且含 properties 的 JSON Schema')
  .refine((s) => !JSON.stringify(s).includes('\\u0000'), '申请表不能包含空字符')
  .describe('申请表 JSON Schema（draft 2020-12），字段可带 x-ui 与 x-pii');

/** What one version of an item says: the editable content of the guide. */
const contentFields = {
  name: text(200).describe('事项名称'),
  kind: ItemKind,
  serviceObjects: z.array(z.enum(['1', '2', '3', '4', '5', '6'])).min(1).max(6).describe('服务对象代码'),
  audience: z.array(z.enum(['个人', '法人'])).min(1).max(2),
  themes: z.array(text(30)).max(20),
  lifeEvents: z.array(text(30)).max(20),
  synonyms: z.array(text(50)).max(30),
  legalLimit: TimeLimit.describe('法定办结时限'),
  committedLimit: TimeLimit.describe('承诺办结时限'),
  immediate: z.boolean().describe('是否即办件'),
  onlineDepth: z.number().int().min(1).max(4).describe('网办深度 I–IV'),
  visits: z.number().int().min(0).max(9).nullable().describe('到现场次数（未声明为 null）'),
  haoban: z.boolean(),
  kuaiban: z.boolean(),
  noVisit: z.boolean(),
  hallService: z.boolean().describe('是否入驻大厅；否为科室代窗口'),
  channels: Channels,
  situations: z.array(Situation).min(1).max(99),
  processKey: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
  correctionTimeoutDays: z.number().int().min(1).max(365),
  form: FormSchema,
  changeNote: optText(500).optional(),
  ...Guide.shape,
};
export const ItemContent = z.strictObject({ ...contentFields, materials: z.array(Material).max(60) });
export type ItemContent = z.infer<typeof ItemContent>;
export const ItemContentPatch = ItemContent.partial();
export type ItemContentPatch = z.infer<typeof ItemContentPatch>;

/** The item's identity: slug, agency and code parts. Codes are derived from the parts and checked strictly. */
const identityFields = {
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, '标识应为小写字母、数字和连字符').describe('稳定英文标识'),
  agencyId: text(40),
  itemType: z.string().regex(/^\d{2}$/).describe('事项类型代码'),
  mainCode: z.string().describe('主项编码（5位）'),
  subCode: z.string().default('000').describe('子项编码（3位）'),
  level: z.string().describe('行使层级 1–7'),
};
export const CreateItemBody = z.strictObject({ ...identityFields, ...ItemContent.shape });
export type CreateItemBody = z.infer<typeof CreateItemBody>;

/** Import accepts codes as given by another system (older or provincial formats) instead of the parts. */
export const ImportItem = z.strictObject({
  ...ItemContent.shape,
  key: identityFields.key,
  agencyId: identityFields.agencyId,
  itemType: identityFields.itemType,
  basicCode: text(50),
  implementationCode: text(50),
  handlingCodes: z.record(z.string(), text(50)).optional().describe('按办理项序号给出的业务办理项编码'),
  level: z.string().max(1).optional(),
});
export type ImportItem = z.infer<typeof ImportItem>;
export const ImportBody = z.strictObject({ items: z.array(ImportItem).min(1).max(200) });

/** The demo format (src/server/demo/data/items/README.md): as the create body, with form files named or generated. */
export const DemoMaterial = z.strictObject({
  ...materialFields,
  blankForm: z.union([z.boolean(), z.string().regex(/^[\w./-]+\.(pdf|txt|docx|xlsx)$/)]),
  sampleForm: z.union([z.boolean(), z.string().regex(/^[\w./-]+\.(pdf|txt|docx|xlsx)$/)]),
});
export const DemoItem = z.strictObject({ ...identityFields, ...contentFields, materials: z.array(DemoMaterial).max(60) });
export type DemoItem = z.infer<typeof DemoItem>;

export const HallWindowInput = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,20}$/).describe('窗口号'),
  name: text(100),
  type: z.enum(['无差别综窗', '分领域综窗', '单一功能', '专窗']),
  itemKeys: z.array(z.string().regex(/^(\*|[a-z0-9][a-z0-9-]{1,79})$/, '应为事项标识或 *')).max(500).describe('可办事项标识；["*"] 表示全部事项'),
  active: z.boolean().default(true),
});
export const KioskInput = z.strictObject({
  terminalId: z.string().regex(/^[A-Za-z0-9-]{3,40}$/),
  name: text(100),
  kind: z.enum(['综合类', '专用']).default('综合类'),
  venueType: z.enum(['政务大厅', '园区', '社区', '居村', '其他']),
  address: text(300),
  hallId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/).nullish(),
  active: z.boolean().default(true),
});
export const HallInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/),
  name: text(100),
  level: text(30).default('区级'),
  agencyId: param(40).nullish(),
  address: text(300),
  hours: text(300),
  phone: optText(100).optional(),
  appointment: z.boolean(),
  active: z.boolean().default(true),
  windows: z.array(HallWindowInput).max(200).default([]),
  kiosks: z.array(KioskInput).max(200).default([]),
});
export type HallInput = z.infer<typeof HallInput>;
export type KioskInput = z.infer<typeof KioskInput>;
export const HallBody = HallInput.omit({ id: true });

const ID_OR_KEY = z.string().regex(/^[A-Za-z0-9-]{1,80}$/, '应为事项标识或编号');
export const IdOrKeyParams = z.strictObject({ idOrKey: ID_OR_KEY });
export const VersionParams = z.strictObject({ idOrKey: ID_OR_KEY, n: z.coerce.number().int().min(1).max(100000) });

const csv = param(200).optional();
export const ItemListQuery = z.strictObject({
  agencyId: param(40).optional(),
  theme: csv.describe('服务主题，或 个人 / 法人'),
  audience: z.enum(['个人', '法人']).optional(),
  lifeEvent: param(40).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: ItemKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;
export const SearchQuery = z.strictObject({
  q: param(50).trim().min(1).describe('检索词'),
  agencyId: param(40).optional(),
  theme: csv,
  audience: z.enum(['个人', '法人']).optional(),
  channel: z.enum(CHANNELS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export const GuideCheckQuery = z.strictObject({ agencyId: param(40).optional(), itemKey: param(80).optional() });
export const PublishBody = z.strictObject({ version: z.number().int().min(1).optional().describe('要发布的草稿版本号；缺省为当前草稿') });
