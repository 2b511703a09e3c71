import type { CreateItemBody } from '../../src/server/modules/catalog/schemas.js';

let seq = 0;
/** A unique main code per test item (5 chars of the code charset), so items never collide on their codes. */
export const nextMainCode = () => `T${String(++seq + Math.floor(Math.random() * 9000)).padStart(4, '0')}`;

export const STANDARD_HOURS = '星期一至星期五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）';

/** A complete, flawless guide: every element the guide check looks at is present and well formed. */
export function itemBody(over: Partial<CreateItemBody> = {}): CreateItemBody {
  const key = over.key ?? `test-item-${Date.now().toString(36)}-${++seq}`;
  return {
    key,
    name: '测试事项许可证核发',
    agencyId: 'mh-scjgj',
    itemType: '01',
    mainCode: nextMainCode(),
    subCode: '000',
    level: '4',
    kind: 'application',
    serviceObjects: ['2'],
    audience: ['法人'],
    themes: ['测试主题'],
    lifeEvents: ['测试场景'],
    synonyms: ['测试许可'],
    legalBasis: '《中华人民共和国行政许可法》第十二条',
    conditions: '申请人应当具有与经营项目相适应的场所。',
    processSteps: [
      { name: '受理', limit: '1个工作日', handler: '综合窗口', standard: '材料齐全、符合法定形式' },
      { name: '审查', limit: '3个工作日', handler: '审核人员', standard: '符合许可条件' },
      { name: '决定', limit: '1个工作日', handler: '审批人员', standard: '作出准予或不予许可决定' },
    ],
    legalLimit: { days: 20, unit: 'working' },
    committedLimit: { days: 5, unit: 'working' },
    immediate: false,
    onlineDepth: 4,
    visits: 0,
    haoban: true,
    kuaiban: false,
    noVisit: true,
    hallService: true,
    channels: { pc: true, mobile: true, kiosk: false, window: true },
    fee: { charged: false, basis: null },
    resultName: '测试许可证',
    resultType: '证照',
    resultSample: true,
    situations: [{ seq: '01', name: '新办' }],
    coAgencies: [],
    processKey: 'standard',
    correctionTimeoutDays: 30,
    appointment: true,
    payment: false,
    express: true,
    location: '上海市闵行区沪闵路6258号 闵行区行政服务中心一楼 A区 3-8号窗口',
    hours: STANDARD_HOURS,
    phone: '021-64121000',
    supervisionPhone: '12345',
    faq: [{ q: '可以网上办理吗？', a: '可以，通过一网通办全程网办。' }],
    materials: [
      { name: '营业执照', source: '政府部门核发', sourceAgency: '市场监督管理局', originals: 1, copies: 0, medium: 'electronic', required: true, note: null, eLicenceType: '营业执照', exemptable: true, count: 1, maxSizeMb: 10 },
    ],
    form: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '经营者名称', 'x-ui': { widget: 'input' } } } },
    ...over,
  } as CreateItemBody;
}
