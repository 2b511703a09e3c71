import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, itemByKey, staffView, submit } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('a standard case from application to delivery', () => {
  it('runs 受理 → 预审 → 审查 → 决定 → 办结 → 送达 with a step record for each and an archive', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'zhangwei', item);
    expect(c.caseNo).toMatch(/^310112-\d{8}-\d{6}$/);
    expect(c.status).toBe('submitted');

    expect((await act(t, 'clerk.zhou', c.id, 'accept')).statusCode).toBe(200);
    let v = await staffView(t, 'scj.reviewer', c.id);
    expect(v.status).toBe('in_progress');
    expect(v.deadline.at).toBeTruthy();
    expect(v.limits.committed).toEqual({ days: item.committedLimit.days, unit: item.committedLimit.unit });
    expect(v.steps.map((s: any) => s.actionLabel).filter(Boolean)).toEqual(['受理', '系统处理']);

    expect((await act(t, 'scj.reviewer', c.id, 'pass', { opinion: '符合条件' })).statusCode).toBe(200);
    expect((await act(t, 'scj.approver', c.id, 'approve')).statusCode).toBe(200);
    const done = await act(t, 'scj.approver', c.id, 'complete', { result: { licenceName: '食品经营许可证', licenceNo: 'JY13101120000001', validFrom: '2026-11-22', validUntil: '2031-11-21' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');

    const inbox = (await (await t.as('clerk.zhou')).get('/api/v1/cases/inbox')).json();
    expect(inbox.items.some((i: any) => i.caseId === c.id && i.nodeId === 'deliver')).toBe(true);

    const delivered = await act(t, 'clerk.zhou', c.id, 'deliver', { delivery: { method: 'express', carrier: 'EMS', trackingNo: 'EMS1234567890' } });
    expect(delivered.json().status).toBe('delivered');
    v = await staffView(t, 'scj.reviewer', c.id);
    expect(v.steps.filter((s: any) => s.state === 'pending')).toHaveLength(0);
    expect(v.steps.every((s: any, i: number) => s.seq === i + 1)).toBe(true);

    const archive = await (await t.as('scj.reviewer')).get(`/api/v1/cases/${c.id}/archive`);
    expect(archive.statusCode).toBe(200);
    expect(archive.json()).toMatchObject({ caseNo: c.caseNo, intact: true });
    expect(archive.json().manifestSm3).toMatch(/^[0-9a-f]{64}$/);

    const mine = (await (await t.as('zhangwei')).get(`/api/v1/my/cases/${c.id}`)).json();
    expect(mine.timeline.map((e: any) => e.label)).toContain('已办结');
    expect(mine.delivery).toMatchObject({ method: 'express', trackingNo: 'EMS1234567890' });
  });

  it('answers 403 to a reviewer of another department (scope)', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'wangfang', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    const r = await act(t, 'wjw.reviewer', c.id, 'pass');
    expect(r.statusCode).toBe(403);
    expect((await (await t.as('wjw.reviewer')).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent accepts succeed; the other gets 409 CASE_CONCURRENT_UPDATE', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'liuyang', item);
    const [a, b] = await Promise.all([(await t.as('clerk.zhou')).post(`/api/v1/cases/${c.id}/accept`, { version: c.version }), (await t.as('clerk.wu')).post(`/api/v1/cases/${c.id}/accept`, { version: c.version })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('CASE_CONCURRENT_UPDATE');
    expect(loser.json().detail).toContain('刷新');
    const v = await staffView(t, 'scj.reviewer', c.id);
    expect(v.steps.filter((s: any) => s.action === 'accept')).toHaveLength(1);
  });
});
