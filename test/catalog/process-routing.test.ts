import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, itemByKey, staffView, submit } from '../cases/factories.js';

/**
 * The demo's 会签 / 或签 processes name reviewer-pool slots of the item's agency, never particular people: the health
 * commission's items that use them (医疗机构执业许可 会签, 护士执业注册 或签) go to 卫健委 reviewers, not to 市场监管.
 */
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const pendingOf = async (id: string) => ((await staffView(t, 'admin.sun', id)).steps as any[]).filter((s) => s.state === 'pending');

async function acceptedCase(key: string, applicant: string) {
  const c = await submit(t, applicant, await itemByKey(t, key));
  const r = await act(t, 'clerk.zhou', c.id, 'accept');
  expect(r.statusCode, r.body).toBe(200);
  return c;
}

describe('demo processes route 卫健委 items to 卫健委 staff', () => {
  it('会签 of medical-institution-licence: two 卫健委 reviewer slots, signed by two different reviewers', async () => {
    const c = await acceptedCase('medical-institution-licence', 'lina');
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(403);
    expect((await act(t, 'wjw.reviewer', c.id, 'pass')).statusCode).toBe(200);
    const joint = await pendingOf(c.id);
    expect(joint.map((s) => [s.nodeId, s.agencyId, s.role])).toEqual([['joint_review', 'mh-wjw', 'reviewer'], ['joint_review', 'mh-wjw', 'reviewer']]);
    expect((await act(t, 'scj.reviewer', c.id, 'pass', { taskId: joint[0].id })).statusCode).toBe(403);
    expect((await act(t, 'wjw.reviewer', c.id, 'pass', { taskId: joint[0].id })).statusCode).toBe(200);
    // The same reviewer may not fill the second slot of the same 会签.
    const second = await act(t, 'wjw.reviewer', c.id, 'pass', { taskId: joint[1].id });
    expect(second.statusCode).toBeGreaterThanOrEqual(400);
    expect(second.statusCode).toBeLessThan(500);
    expect((await act(t, 'wjw.reviewer2', c.id, 'pass', { taskId: joint[1].id })).statusCode).toBe(200);
    expect((await pendingOf(c.id)).map((s) => [s.nodeId, s.agencyId, s.role])).toEqual([['decide', 'mh-wjw', 'approver']]);
  });

  it('或签 of nurse-registration: 卫健委 reviewer slots; 市场监管 reviewers cannot sign, one 卫健委 signature decides', async () => {
    const c = await acceptedCase('nurse-registration', 'zhangwei');
    const review = await pendingOf(c.id);
    expect(review.map((s) => [s.nodeId, s.agencyId, s.role])).toEqual([['review', 'mh-wjw', 'reviewer'], ['review', 'mh-wjw', 'reviewer']]);
    expect((await act(t, 'scj.reviewer', c.id, 'pass', { taskId: review[0].id })).statusCode).toBe(403);
    expect((await act(t, 'wjw.reviewer2', c.id, 'pass', { taskId: review[0].id })).statusCode).toBe(200);
    expect((await pendingOf(c.id)).map((s) => [s.nodeId, s.agencyId])).toEqual([['decide', 'mh-wjw']]);
  });
});
