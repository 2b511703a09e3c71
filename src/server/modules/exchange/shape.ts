import type { ExchangeKind } from './tables.js';

/**
 * Builds records in the national exchange shape (GB/T 39046-2020 tables 5–8: 受理, 环节, 特别程序, 办结) from the
 * cases module's events. Pure functions: the event payload and the item facts in, the record out.
 */

/** The item facts a record needs that the event may not carry (looked up from the catalog). */
export interface ItemFacts {
  handlingCode: string | null; // 业务办理项编码
  itemName: string | null;
  agencyName: string | null;
  /** 受理单位统一社会信用代码: the first 18 characters of the 实施编码. */
  agencyUscc: string | null;
}

export interface ShapedRecord {
  kind: ExchangeKind;
  sourceKey: string;
  caseId: string;
  caseNo: string;
  agencyId: string | null;
  handlingCode: string | null;
  stepCode: string;
  businessTime: Date;
  businessTimeInferred: boolean;
  body: Record<string, unknown>;
}

type Payload = Record<string, unknown>;

/** Exchange timestamps: YYYYMMDDThhmmss in Beijing time (UTC+8, no daylight saving since 1991). */
export function exchangeTime(d: Date | null | undefined): string | null {
  if (!d || Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

const str = (p: Payload, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
};
const obj = (p: Payload, key: string): Payload => (p[key] && typeof p[key] === 'object' ? (p[key] as Payload) : {});
const time = (p: Payload, ...keys: string[]): Date | null => {
  const s = str(p, ...keys);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** 办理形式 (GB/T 39046 annex A): 1 窗口, 2 电脑端网上, 3 移动端, 9 其他 (a kiosk is a terminal in the hall). */
export function channelCode(channel: string | null): string {
  switch (channel) {
    case 'window': return '1';
    case 'pc': return '2';
    case 'mobile': return '3';
    default: return '9';
  }
}

/** 业务动作: 通过 / 退回 / 其他. */
export function stepAction(action: string | null): string {
  const a = (action ?? '').toLowerCase();
  if (['approve', 'approved', 'pass', 'passed', 'accept', 'grant', 'complete', 'deliver', 'submit', '通过', '准予'].includes(a)) return '通过';
  if (['return', 'returned', 'send_back', 'sent_back', '退回'].includes(a)) return '退回';
  return '其他';
}

/** 办结结果 in the codes provincial exchanges use. */
export function finishOutcome(p: Payload, licenceNo: string | null): string {
  const o = (str(p, 'outcome', 'decision', 'result') ?? '').toLowerCase();
  if (['correction_timeout', 'corrections_timeout', '补正超时驳回'].includes(o)) return '补正超时驳回';
  if (['withdrawn', 'cancelled', 'void', '作废'].includes(o)) return '作废';
  if (['transferred', '转报'].includes(o)) return '转报';
  if (['denied', 'rejected', 'refused', '不予许可', '退回'].includes(o)) return '退回';
  return licenceNo ? '出证办结' : '办结';
}

/** 收取方式 of a case material, in the words of the city's 材料数据 (indicator #19, 《对接技术规范》). */
const COLLECTION_METHODS: Record<string, string> = {
  online_upload: '上传', paper_at_window: '纸质', e_licence: '电子证照引用', data_check: '数据核验', exempt: '免提交', commitment: '告知承诺',
};

/**
 * 材料数据: each material's name, 收取方式 and, for an e-licence, the 派生件编号 (carried by case.submitted and
 * case.accepted since cases' third slice). Null when the event carries no list (older events), so the field is absent.
 */
export function materialsOf(p: Payload): Payload[] | null {
  if (!Array.isArray(p.materials)) return null;
  return (p.materials as Payload[]).filter((m) => m && typeof m === 'object').map((m) => {
    const method = str(m, 'method') ?? '';
    return { materialName: str(m, 'name'), collectionMethod: COLLECTION_METHODS[method] ?? '其他', eLicenceDerivedNo: str(m, 'eLicenceNo'), fileCount: typeof m.fileCount === 'number' ? m.fileCount : null };
  });
}

/** Which record an event produces, and the fields specific to it. */
type Built = { kind: ExchangeKind; stepCode: string; discriminator: string | null; time: Date | null; fields: Payload };
const builders: Record<string, (p: Payload) => Built | null> = {
  'case.submitted': (p) => ({
    kind: 'apply', stepCode: 'SB', discriminator: null, time: time(p, 'submittedAt', 'occurredAt'),
    fields: { applicantType: p.enterpriseId ? '2' : '1', channel: channelCode(str(p, 'channel')), terminalId: str(p, 'terminalId', 'kioskId'), ...(materialsOf(p) ? { materials: materialsOf(p) } : {}) },
  }),
  'case.accepted': (p) => ({
    kind: 'accept', stepCode: 'SL', discriminator: null, time: time(p, 'acceptedAt', 'occurredAt'),
    fields: { outcome: '通过', acceptStaff: str(p, 'acceptedByName', 'actorName', 'staffName'), acceptDocNo: str(p, 'acceptanceDocNo', 'noticeNo'), promisedFinishTime: exchangeTime(time(p, 'deadlineAt', 'dueAt', 'promisedAt')) },
  }),
  'case.not_accepted': (p) => ({
    kind: 'accept', stepCode: 'SL', discriminator: null, time: time(p, 'decidedAt', 'occurredAt'),
    fields: { outcome: '不受理', acceptStaff: str(p, 'staffName', 'handlerName'), reason: str(p, 'reason') },
  }),
  'case.step_completed': (p) => {
    const action = str(p, 'action', 'outcome');
    // The end node is bookkeeping, not a handling step; a refusal to accept is the 受理 record itself (不受理).
    if (action === 'end') return null;
    if (action === 'not_accept') {
      return { kind: 'accept', stepCode: 'SL', discriminator: null, time: time(p, 'endedAt', 'completedAt', 'occurredAt'), fields: { outcome: '不受理', acceptStaff: str(p, 'actorName'), reason: str(p, 'opinion') } };
    }
    return {
      kind: 'step', stepCode: str(p, 'stepCode', 'nodeId', 'nodeKey') ?? 'HJ', discriminator: str(p, 'stepId', 'taskId', 'nodeId'),
      time: time(p, 'endedAt', 'completedAt', 'occurredAt'),
      fields: { stepName: str(p, 'stepName', 'nodeName'), action: stepAction(action), actionLabel: str(p, 'actionLabel'), handler: str(p, 'actorName', 'handlerName'), opinion: str(p, 'opinion', 'comment'), startTime: exchangeTime(time(p, 'startedAt')), endTime: exchangeTime(time(p, 'endedAt', 'completedAt')), status: '2' },
    };
  },
  'case.corrections_requested': (p) => ({
    kind: 'step', stepCode: 'BZ', discriminator: str(p, 'correctionId', 'requestedAt'), time: time(p, 'requestedAt', 'occurredAt'),
    fields: { stepName: '补正告知', action: '其他', preAcceptanceOutcome: p.acceptedAt ? null : '补交补正', correctionItems: Array.isArray(p.items) ? p.items.length : null, correctionDueTime: exchangeTime(time(p, 'dueAt')), status: '2' },
  }),
  'case.special_procedure': (p) => ({
    kind: 'special', stepCode: 'TBCX', discriminator: str(p, 'procedureId', 'startedAt'), time: time(p, 'startedAt', 'occurredAt'),
    fields: { procedureKind: str(p, 'kind') === 'extension' || str(p, 'kind') === '1' ? '1' : '2', procedureName: str(p, 'name') ?? '延长审批', reason: str(p, 'reason'), days: p.days ?? null, endTime: exchangeTime(time(p, 'endsAt', 'endedAt')) },
  }),
  'case.completed': (p) => {
    const r = obj(p, 'result');
    const licenceNo = str(r, 'licenceNo', 'number') ?? str(p, 'licenceNo');
    return {
      kind: 'finish', stepCode: 'BJ', discriminator: null, time: time(p, 'completedAt', 'occurredAt'),
      fields: { outcome: finishOutcome(p, licenceNo), licenceName: str(r, 'licenceName', 'name') ?? str(p, 'licenceName'), licenceNo, licenceValidFrom: str(r, 'validFrom'), licenceValidUntil: str(r, 'validUntil', 'validTo') ?? str(p, 'licenceValidUntil'), issuingAgency: str(r, 'issuer', 'issuingAgency') ?? null },
    };
  },
  'case.delivered': (p) => ({
    kind: 'step', stepCode: 'SD', discriminator: null, time: time(p, 'deliveredAt', 'occurredAt'),
    fields: { stepName: '送达', action: '通过', express: str(obj(p, 'delivery'), 'method') === 'express', carrier: str(obj(p, 'delivery'), 'carrier'), trackingNo: str(obj(p, 'delivery'), 'trackingNo'), status: '2' },
  }),
};
export const EXCHANGED_EVENTS = Object.keys(builders);

/** The record for one case event (null when the event needs none); receivedAt stands in for a missing business time (flagged). */
export function shapeRecord(event: string, payload: Payload, item: ItemFacts, receivedAt: Date): ShapedRecord | null {
  const build = builders[event];
  if (!build) throw new Error(`exchange: no record shape for event ${event}`);
  const caseId = str(payload, 'caseId');
  if (!caseId) throw new Error(`exchange: ${event} without caseId`);
  const caseNo = str(payload, 'caseNo') ?? caseId;
  const b = build(payload);
  if (!b) return null;
  const businessTime = b.time ?? receivedAt;
  const handlingCode = str(payload, 'handlingCode', 'situationCode') ?? item.handlingCode;
  const body: Payload = {
    caseNo, // 申办流水号 / 办件编号
    handlingCode, // 业务办理项编码
    itemName: str(payload, 'itemName') ?? item.itemName,
    agencyName: str(payload, 'agencyName') ?? item.agencyName, // 受理单位 / 办理部门
    agencyUscc: str(payload, 'agencyUscc') ?? item.agencyUscc,
    businessTime: exchangeTime(businessTime), // 业务发生时间 (受理时间 / 结束时间 / 办结时间 by kind)
    ...b.fields,
  };
  return {
    kind: b.kind,
    sourceKey: [event, caseId, b.discriminator ?? ''].join(':'),
    caseId,
    caseNo,
    agencyId: str(payload, 'agencyId'),
    handlingCode,
    stepCode: b.stepCode,
    businessTime,
    businessTimeInferred: !b.time,
    body,
  };
}
