import type { TestPlatform } from '../harness.js';
import { completedCase, rate } from '../ratings/factories.js';

/** A case of 市场监管局 rated badly by its applicant; returns the work order the hub opened for it. */
export async function orderFromBadRating(t: TestPlatform, o: { level?: number; comment?: string | null; completedAt?: Date } = {}) {
  const c = await completedCase(t, { completedAt: o.completedAt });
  const r = await (await t.as('zhangwei')).post('/api/v1/ratings', rate(o.level ?? 5, { caseId: c.caseId, ...(o.comment === null ? {} : { comment: o.comment ?? '窗口让我跑了三次' }) }));
  if (r.statusCode !== 201) throw new Error(`rating failed: ${r.body}`);
  await t.drain();
  const row = await t.db.selectFrom('work_orders').selectAll().where('rating_id', '=', r.json().id).executeTakeFirst();
  return { case: c, rating: r.json(), order: row };
}

/** Posts a transition as a demo account and returns the response. */
export async function act(t: TestPlatform, login: string, orderId: string, action: string, body: Record<string, unknown> = {}) {
  return (await t.as(login)).post(`/api/v1/workorders/${orderId}/${action}`, body);
}

/** Walks an order from 待签收 to 回访 with a satisfied callback, as 市场监管局 staff. */
export async function walkToCallback(t: TestPlatform, orderId: string, outcome = 'satisfied') {
  for (const [action, body] of [
    ['sign', {}], ['contact', { note: '电话联系申请人' }], ['verify', { outcome: 'rectify', finding: '情况属实' }],
    ['finish', { resolution: '已整改' }], ['callback', { outcome, resolved: outcome !== 'unsatisfied' }],
  ] as const) {
    const r = await act(t, 'scj.reviewer', orderId, action, body);
    if (r.statusCode !== 200) throw new Error(`${action} failed: ${r.body}`);
  }
}
