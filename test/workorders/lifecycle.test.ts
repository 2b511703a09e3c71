import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, orderFromBadRating, walkToCallback } from './factories.js';
import { completedCase, rate } from '../ratings/factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('automatic work orders from bad ratings', () => {
  it('a bad rating with a comment opens a 差评 order for the agency that handled the case, contact due the same day', async () => {
    const { order, case: c } = await orderFromBadRating(t);
    expect(order).toMatchObject({ source: 'bad_rating', status: 'pending_sign', agency_id: 'mh-scjgj', case_id: c.caseId, real_name: true, rating_level: 5 });
    const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(shanghaiDay(new Date(order!.contact_due_at!))).toBe(shanghaiDay(new Date()));
  });

  it('a bad rating without a comment is kept as 意见建议, which may be returned', async () => {
    const { order } = await orderFromBadRating(t, { level: 4, comment: null });
    expect(order).toMatchObject({ source: 'suggestion', status: 'pending_sign' });
    const r = await act(t, 'scj.reviewer', order!.id, 'return', { reason: '不属于本单位职责' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'pending_dispatch', agencyId: null });
  });

  it('good ratings and repeated ratings open no order', async () => {
    const c = await completedCase(t);
    const zw = await t.as('zhangwei');
    await zw.post('/api/v1/ratings', rate(1, { caseId: c.caseId }));
    await zw.post('/api/v1/ratings', rate(5, { caseId: c.caseId, comment: '改主意了' }));
    await t.drain();
    const n = await t.db.selectFrom('work_orders').select(t.db.fn.countAll<number>().as('n')).where('case_id', '=', c.caseId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('a 差评 order may not be returned (no 退单)', async () => {
    const { order } = await orderFromBadRating(t);
    const r = await act(t, 'scj.reviewer', order!.id, 'return', { reason: '不想办' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('WORK_ORDER_RETURN_FORBIDDEN');
  });
});

describe('work-order lifecycle and permissions', () => {
  it('goes 待签收 → 核实 → 整改 → 回访 → 办结, every step in the history and the audit trail', async () => {
    const { order } = await orderFromBadRating(t);
    await walkToCallback(t, order!.id);
    const closed = await act(t, 'sup.zheng', order!.id, 'close', { note: '同意办结' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closure: 'resolved', closedOnTime: true, callback: { outcome: 'satisfied', resolved: true } });
    expect(closed.json().steps.map((s: { action: string }) => s.action)).toEqual(['create', 'sign', 'contact', 'verify', 'finish', 'callback', 'close']);
    const audits = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', order!.id).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['workorder.create', 'workorder.sign', 'workorder.contact', 'workorder.verify', 'workorder.finish', 'workorder.callback', 'workorder.close']);
  });

  it('takes the 解释说明 branch when verification finds nothing to rectify', async () => {
    const { order } = await orderFromBadRating(t);
    await act(t, 'scj.admin', order!.id, 'sign');
    const r = await act(t, 'scj.admin', order!.id, 'verify', { outcome: 'explain', finding: '材料要求系法定' });
    expect(r.json().status).toBe('explaining');
    expect((await act(t, 'scj.admin', order!.id, 'finish', { resolution: '已向申请人解释' })).json().status).toBe('callback');
  });

  it('an unhappy callback reopens the order for rectification', async () => {
    const { order } = await orderFromBadRating(t);
    await walkToCallback(t, order!.id, 'unsatisfied');
    const o = (await (await t.as('scj.reviewer')).get(`/api/v1/workorders/${order!.id}`)).json();
    expect(o).toMatchObject({ status: 'rectifying', reopenCount: 1, callback: { outcome: 'unsatisfied' } });
    expect((await act(t, 'sup.zheng', order!.id, 'close')).json().code).toBe('WORK_ORDER_STATE_CONFLICT');
  });

  it('only staff of the assigned agency handle it; only the supervisor dispatches and closes', async () => {
    const { order } = await orderFromBadRating(t);
    for (const login of ['wjw.reviewer', 'clerk.zhou', 'zhangwei']) {
      expect((await act(t, login, order!.id, 'sign')).statusCode).toBe(403);
    }
    expect((await act(t, 'scj.reviewer', order!.id, 'dispatch', { agencyId: 'mh-wjw' })).statusCode).toBe(403);
    const moved = await act(t, 'sup.zheng', order!.id, 'dispatch', { agencyId: 'mh-wjw', note: '改派卫健委' });
    expect(moved.json()).toMatchObject({ status: 'pending_sign', agencyId: 'mh-wjw' });
    expect((await act(t, 'scj.reviewer', order!.id, 'sign')).statusCode).toBe(403);
    expect((await act(t, 'wjw.reviewer', order!.id, 'sign')).statusCode).toBe(200);
    expect((await act(t, 'wjw.reviewer', order!.id, 'close')).statusCode).toBe(403);
    expect((await act(t, 'sup.zheng', order!.id, 'dispatch', { agencyId: 'nowhere' })).json().code).toBe('WORK_ORDER_STATE_CONFLICT');
  });

  it('refuses transitions out of order with WORK_ORDER_STATE_CONFLICT', async () => {
    const { order } = await orderFromBadRating(t);
    const r = await act(t, 'scj.reviewer', order!.id, 'finish', { resolution: 'x' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('WORK_ORDER_STATE_CONFLICT');
    expect((await act(t, 'scj.reviewer', order!.id, 'verify', { outcome: 'maybe', finding: 'x' })).statusCode).toBe(400);
  });

  it('masks the contact for everyone; the assigned handler reveals it and the look is audited', async () => {
    const { order } = await orderFromBadRating(t);
    const seen = (await (await t.as('sup.zheng')).get(`/api/v1/workorders/${order!.id}`)).json();
    expect(seen.contact.phone).toMatch(/\*{4}/);
    expect((await act(t, 'sup.zheng', order!.id, 'reveal-contact')).statusCode).toBe(403);
    expect((await (await t.as('wjw.reviewer')).get(`/api/v1/workorders/${order!.id}`)).statusCode).toBe(404);
    const revealed = await act(t, 'scj.reviewer', order!.id, 'reveal-contact');
    expect(revealed.json().phone).toMatch(/^1\d{10}$/);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('target_id', '=', order!.id).where('action', '=', 'workorder.reveal_contact').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('appeal (申诉复核)', () => {
  it('an upheld appeal closes the order and the rating no longer counts as 差评', async () => {
    const { order, rating } = await orderFromBadRating(t);
    await act(t, 'scj.reviewer', order!.id, 'sign');
    const ap = await act(t, 'scj.reviewer', order!.id, 'appeal', { reason: '评价人系同行恶意差评，有录像为证' });
    expect(ap.json().status).toBe('appealing');
    expect((await act(t, 'scj.admin', order!.id, 'decide-appeal', { decision: 'upheld', note: 'x' })).statusCode).toBe(403);
    const d = await act(t, 'sup.zheng', order!.id, 'decide-appeal', { decision: 'upheld', note: '经核查录像，评价不实' });
    expect(d.json()).toMatchObject({ status: 'closed', closure: 'appeal_upheld', appeal: { decision: 'upheld' } });
    const r = await t.db.selectFrom('ratings').select(['appeal_upheld', 'counted']).where('id', '=', rating.id).executeTakeFirstOrThrow();
    expect(r).toEqual({ appeal_upheld: true, counted: true });
  });

  it('a rejected appeal returns the order to the stage it was in', async () => {
    const { order } = await orderFromBadRating(t);
    await act(t, 'scj.reviewer', order!.id, 'sign');
    await act(t, 'scj.reviewer', order!.id, 'verify', { outcome: 'rectify', finding: '属实' });
    await act(t, 'scj.reviewer', order!.id, 'appeal', { reason: '不实' });
    const d = await act(t, 'sup.zheng', order!.id, 'decide-appeal', { decision: 'rejected', note: '证据不足' });
    expect(d.json()).toMatchObject({ status: 'rectifying', appeal: { decision: 'rejected' } });
  });
});

describe('办不成事 and supervisor tasks', () => {
  it('takes anonymous reports with a phone, refuses them without one, and rate-limits the form', async () => {
    const body = { itemName: '食品经营许可证', place: '区行政服务中心3号窗口', whatHappened: '跑了三次没办成' };
    expect((await t.anon.post('/api/v1/workorders/cannot-get-done', body)).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contactPhone' });
    const ok = await t.anon.post('/api/v1/workorders/cannot-get-done', { ...body, contactPhone: '13800138000', agencyId: 'mh-scjgj' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().status).toBe('pending_sign');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.anon.post('/api/v1/workorders/cannot-get-done', { ...body, contactPhone: '13800138000' })).statusCode);
    expect(codes).toContain(429);
  });

  it('a supervisor creates a task derived from an indicator; others may not', async () => {
    const body = { agencyId: 'mh-rsj', title: '差评率偏高专项整改', content: '本季度差评率高于全区平均', indicatorKey: 'bad_rate', dueDays: 10 };
    expect((await (await t.as('rsj.admin')).post('/api/v1/workorders', body)).statusCode).toBe(403);
    const r = await (await t.as('sup.zheng')).post('/api/v1/workorders', body);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ source: 'manual', indicatorKey: 'bad_rate', status: 'pending_sign', agencyId: 'mh-rsj' });
  });

  it('the supervisor view lists open orders with deadline colours and a per-agency table', async () => {
    const sup = await t.as('sup.zheng');
    const list = (await sup.get('/api/v1/workorders?open=true&source=bad_rating,manual')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((o: { status: string; source: string }) => o.status !== 'closed' && ['bad_rating', 'manual'].includes(o.source))).toBe(true);
    expect(['green', 'yellow', 'red']).toContain(list[0].deadlineColour);
    const table = (await sup.get('/api/v1/workorders/agency-table')).json().items;
    expect(table.find((r: { agencyId: string }) => r.agencyId === 'mh-scjgj').open).toBeGreaterThan(0);
    expect((await (await t.as('scj.reviewer')).get('/api/v1/workorders/agency-table')).statusCode).toBe(403);
    const own = (await (await t.as('rsj.reviewer')).get('/api/v1/workorders')).json().items;
    expect(own.every((o: { agencyId: string }) => o.agencyId === 'mh-rsj')).toBe(true);
  });
});
