import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../../platform/auth/actor.js';
import { exchangePolicy } from './policy.js';
import * as q from './quality-repository.js';

const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10000) / 10000);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The push-quality report the city's indicator #19 (办件信息) is computed from, computed the same way here:
 * 上传及时率 (within 15 minutes of the business event), 环节顺序错误率, error codes, and what is still pending or failed.
 */
export async function qualityReport(db: Db, actor: Actor, range: { from: string; to: string }) {
  exchangePolicy.require(actor, 'exchange.quality');
  const { from, to } = range;
  for (const [field, v] of [['from', from], ['to', to]] as const) {
    if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) throw new AppError('INVALID_DATE', { field });
  }
  if (from > to) throw new AppError('VALIDATION_FAILED', { detail: '开始日期不能晚于结束日期', field: 'from' });
  if (Date.parse(to) - Date.parse(from) > 366 * 86400_000) throw new AppError('VALIDATION_FAILED', { detail: '统计区间不能超过一年', field: 'to' });

  const [delay, orders, cases, states, codes, problems] = await Promise.all([
    q.delayFigures(db, from, to), q.orderErrors(db, from, to), q.casesInRange(db, from, to),
    q.stateCounts(db, from, to), q.errorCodes(db, from, to), q.problemRecords(db, from, to, 50),
  ]);
  // Records still inside their first 15 minutes are not late yet: they join the denominator once they are.
  const timelyDenominator = delay.records - delay.not_due_yet;
  const casesWithErrors = new Set(orders.map((o) => o.case_id)).size;
  const byState = Object.fromEntries(['pending', 'sending', 'acked', 'rejected', 'failed'].map((s) => [s, states.find((x) => x.state === s)?.n ?? 0]));
  const oldestWaiting = states.filter((s) => s.state === 'pending' || s.state === 'sending').map((s) => s.oldest).filter(Boolean).sort()[0] ?? null;

  return {
    range: { from, to, timeZone: 'Asia/Shanghai', basis: '业务发生时间 business time' },
    records: delay.records,
    byState,
    timeliness: {
      definition: '上传及时率 = 业务发生后15分钟内被平台确认的记录数 / 记录数（尚未满15分钟且未上传的记录不计入分母）',
      withinFifteenMinutes: delay.timely,
      denominator: timelyDenominator,
      ratio: ratio(delay.timely, timelyDenominator),
      delaySeconds: { p50: round(delay.p50), p90: round(delay.p90), p99: round(delay.p99), max: round(delay.max) },
      distribution: [
        { bucket: '≤1分钟', count: delay.b1 },
        { bucket: '1–5分钟', count: delay.b5 },
        { bucket: '5–15分钟', count: delay.b15 },
        { bucket: '15–60分钟', count: delay.b60 },
        { bucket: '>60分钟', count: delay.bmore },
      ],
    },
    stepOrder: {
      definition: '环节顺序错误率 = 存在顺序错误（受理前上传环节、上传顺序或业务时间与环节序号不一致）的办件数 / 办件数',
      cases,
      casesWithErrors,
      ratio: ratio(casesWithErrors, cases),
      errors: orders.slice(0, 100).map((o) => ({ caseId: o.case_id, caseNo: o.case_no, recordId: o.record_id, seq: o.seq, reason: o.reason })),
    },
    errorCodes: codes.map((c) => ({ code: c.code, count: c.n, example: c.example })),
    waiting: { pending: byState.pending + byState.sending, oldestBusinessTime: oldestWaiting ? new Date(oldestWaiting).toISOString() : null },
    problems: problems.map((p) => ({
      id: p.id, caseId: p.case_id, caseNo: p.case_no, kind: p.kind, seq: p.seq, state: p.state, attempts: p.attempts,
      errorCode: p.error_code, errorMessage: p.error_message, businessTime: new Date(p.business_time).toISOString(),
    })),
  };
}

const round = (v: number | null) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
