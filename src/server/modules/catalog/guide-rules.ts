import type { GuideView } from './views.js';

/**
 * The guide accuracy rules of the city evaluation (seed 004 #30–41, 办事指南准确度), checked element by element.
 * Each rule is a small function over the guide view; findings carry a suggestion the editor can act on.
 */
export type Severity = 'error' | 'warning' | 'info';
export interface Finding {
  element: string; // 指南要素
  rule: string; // stable rule id
  message: string;
  suggestion: string;
  severity: Severity;
}
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 15, warning: 5, info: 1 };
export const STANDARD_HOURS = '星期一至星期五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）';

const STREET = /[\u4e00-\u9fa5]{1,12}(路|街|道|大道|公路|弄|巷)\s*\d+(号|弄)/;
const ROOM = /(\d+\s*(室|房间|楼|层)|[一二三四五六七八九十]+(楼|层)|[A-Za-z]\s*区)/;
const WINDOW = /窗口|\d+\s*号窗/;
const TIME = String.raw`\d{1,2}:\d{2}\s*[-—~至]\s*\d{1,2}:\d{2}`;
const HOURS = new RegExp(
  String.raw`^星期[一二三四五六日]\s*至\s*星期[一二三四五六日][：:\s]*(上午\s*${TIME}\s*[，,；;]\s*下午\s*${TIME}|${TIME}\s*（[^）]*中午不休息[^）]*）)`,
);
const PHONE = /(0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4})/;
const NATURAL_PER_WORKING = 7 / 5;

type Rule = (g: GuideView) => Finding[];
const f = (element: string, rule: string, severity: Severity, message: string, suggestion: string): Finding => ({ element, rule, severity, message, suggestion });

const location: Rule = ({ guide }) => {
  const v = guide.location;
  if (!v) return [f('办理地点', 'location.missing', 'error', '未标注办理地点', '写明街道名称、门牌号、房间号和窗口号，如“沪闵路6258号 行政服务中心一楼A区 3号窗口”')];
  const out: Finding[] = [];
  if (!STREET.test(v)) out.push(f('办理地点', 'location.street', 'warning', '办理地点缺少街道名称和门牌号', '补充道路名称和门牌号，如“沪闵路6258号”'));
  if (!ROOM.test(v)) out.push(f('办理地点', 'location.room', 'warning', '办理地点缺少房间号（楼层、区域或室号）', '补充楼层、区域或房间号，如“一楼A区”或“305室”'));
  if (!WINDOW.test(v)) out.push(f('办理地点', 'location.window', 'warning', '办理地点缺少窗口号', '补充受理窗口号，如“3-8号窗口”'));
  return out;
};

const hours: Rule = ({ guide }) => {
  const v = guide.hours;
  if (!v) return [f('办理时间', 'hours.missing', 'error', '未标注办理时间', `按标准格式填写：${STANDARD_HOURS}`)];
  if (!HOURS.test(v)) return [f('办理时间', 'hours.format', 'warning', `办理时间“${v}”不是标准格式（应写明星期几至星期几及上下午时段）`, `改为标准格式：${STANDARD_HOURS}`)];
  if (!/法定节假日/.test(v)) return [f('办理时间', 'hours.holidays', 'info', '办理时间未说明法定节假日安排', '在时段后注明“（法定节假日除外）”')];
  return [];
};

const phone: Rule = ({ guide }) => {
  const out: Finding[] = [];
  if (!guide.phone) out.push(f('咨询方式', 'phone.missing', 'error', '未标注咨询电话', '填写受理部门的咨询电话，如“021-64121000”'));
  else if (!PHONE.test(guide.phone)) out.push(f('咨询方式', 'phone.department', 'warning', `咨询电话“${guide.phone}”不是受理部门的联系电话`, '填写受理部门的固定电话（12345 为市民热线，不能代替部门咨询电话）'));
  if (!guide.supervisionPhone) out.push(f('监督电话', 'supervision_phone.missing', 'info', '未标注监督投诉电话', '填写监督电话，如“12345”'));
  return out;
};

const basics: Rule = (g) => {
  const out: Finding[] = [];
  if (!g.guide.legalBasis) out.push(f('设定依据', 'legal_basis.missing', 'error', '未写明设定依据', '列出法律、法规、规章的名称、文号和条款'));
  if (!g.guide.conditions) out.push(f('受理条件', 'conditions.missing', 'error', '未写明受理条件', '逐条写明申请人应当具备的条件'));
  if (!g.guide.resultName && g.kind !== 'query') out.push(f('结果名称', 'result_name.missing', 'error', '未写明办理结果名称', '填写审批结果（证照、批文）的名称'));
  if (g.guide.fee.charged && !g.guide.fee.basis) out.push(f('收费依据', 'fee.basis', 'warning', '收费事项未写明收费依据', '写明收费依据的文件名称和文号'));
  if (!g.guide.faq.length) out.push(f('常见问题', 'faq.missing', 'info', '未提供常见问题', '整理三至五个申请人常问的问题及解答'));
  if (!Object.values(g.channels).some(Boolean)) out.push(f('办理形式', 'channels.none', 'error', '未开通任何办理渠道', '至少开通窗口或网上办理渠道'));
  return out;
};

const toWorking = (l: { days: number; unit: string }) => (l.unit === 'natural' ? l.days / NATURAL_PER_WORKING : l.days);
const limits: Rule = (g) => {
  if (g.immediate || g.legalLimit.days === 0) return [];
  const legal = toWorking(g.legalLimit);
  const committed = toWorking(g.committedLimit);
  if (committed > legal) return [f('承诺办结时限', 'limit.longer', 'error', `承诺时限（${g.committedLimit.days}天）超过法定时限（${g.legalLimit.days}天）`, '承诺时限不得超过法定时限，请核对')];
  if (committed === legal) return [f('承诺办结时限', 'limit.not_shorter', 'warning', '承诺时限未比法定时限缩短', '结合办理实际压缩承诺时限（减时限）')];
  return [];
};

const visits: Rule = (g) => {
  if (g.visits === null) return [f('到现场次数', 'visits.missing', 'warning', '未标注申请人到现场次数', '明确标注到现场次数（0、1 或 2 次）')];
  const max = [Infinity, Infinity, 2, 1, 0][g.onlineDepth];
  const out: Finding[] = [];
  if (g.visits > max) out.push(f('到现场次数', 'visits.depth', 'warning', `网办深度${g.onlineDepthLabel}应到现场不超过${max}次，指南标注为${g.visits}次`, '核对网办深度或到现场次数'));
  if (g.noVisit && g.visits > 0) out.push(f('到现场次数', 'visits.no_visit', 'warning', '标为“不见面办理”但到现场次数不为0', '取消“不见面办理”标记或改为0次'));
  return out;
};

const process: Rule = ({ guide }) => {
  if (!guide.processSteps.length) return [f('办理流程', 'process.missing', 'error', '未写明办理流程', '列出受理、审查、决定、送达等环节及各环节时限、办理人员和审查标准')];
  return guide.processSteps.flatMap((s, i) => {
    const out: Finding[] = [];
    const at = `第${i + 1}步“${s.name}”`;
    if (!s.limit) out.push(f('办理流程', 'process.limit', 'warning', `${at}未写明办理时限`, '写明该环节的办理时限，如“1个工作日”'));
    if (!s.handler) out.push(f('办理流程', 'process.handler', 'warning', `${at}未写明办理人员`, '写明该环节的办理岗位，如“综合窗口”“审核人员”'));
    if (!s.standard) out.push(f('办理流程', 'process.standard', 'info', `${at}未写明审查标准`, '写明该环节的审查要点'));
    return out;
  });
};

const materials: Rule = (g) =>
  g.materials.flatMap((m) => {
    const out: Finding[] = [];
    const at = `材料“${m.name}”`;
    if (!m.sourceAgency && !/申请人/.test(m.source)) out.push(f('申请材料', 'material.issuer', 'warning', `${at}未写明出具机构`, '写明出具该材料的单位'));
    if (m.medium !== 'electronic' && m.originals + m.copies === 0) out.push(f('申请材料', 'material.copies', 'warning', `${at}未写明原件和复印件份数`, '写明原件、复印件各需几份'));
    if (m.formType && !m.blankForm) out.push(f('表格下载', 'material.blank_form', 'warning', `${at}是表格类材料，未提供空白表格下载`, '上传空白表格（PDF 或 Word）'));
    if (m.formType && !m.sampleForm) out.push(f('样表下载', 'material.sample_form', 'warning', `${at}是表格类材料，未提供示例样表下载`, '上传填写示例样表'));
    return out;
  });

const office: Rule = (g) =>
  !g.hallService && g.kind === 'application'
    ? [f('办理地点', 'hall.not_in_hall', 'info', '依申请事项未入驻政务服务大厅（科室代窗口）', '将事项纳入行政服务中心综合窗口受理')]
    : [];

export const GUIDE_RULES: Rule[] = [location, hours, phone, basics, limits, visits, process, materials, office];

export function checkGuide(g: GuideView): { findings: Finding[]; score: number } {
  const findings = GUIDE_RULES.flatMap((r) => r(g));
  const penalty = findings.reduce((s, x) => s + SEVERITY_WEIGHT[x.severity], 0);
  return { findings, score: Math.max(0, 100 - penalty) };
}
