import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, itemByKey, messagesTo, staffView, submit, userIdOf } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const stepsOf = async (id: string) => (await staffView(t, 'admin.sun', id)).steps as any[];
const pendingOf = async (id: string) => (await stepsOf(id)).filter((s) => s.state === 'pending');

/** A case of `key` accepted at the window, waiting at its first review node. */
async function acceptedCase(key: string, applicant = 'zhangwei') {
  const c = await submit(t, applicant, await itemByKey(t, key));
  const r = await act(t, 'clerk.zhou', c.id, 'accept');
  if (r.statusCode !== 200) throw new Error(r.body);
  return c;
}

/** A drug-retail-licence case (会签 after the first review) at its countersign node. */
async function atCountersign(applicant: string) {
  const c = await acceptedCase('drug-retail-licence', applicant);
  await act(t, 'scj.reviewer', c.id, 'pass');
  expect((await pendingOf(c.id)).map((s) => s.nodeId)).toEqual(['joint_review', 'joint_review']);
  return c;
}

describe('handling actions', () => {
  it('签收 reserves a pool task; in 或签 the first signature completes the node and cancels the other task', async () => {
    const c = await acceptedCase('small-catering-filing');
    const [first, second] = await pendingOf(c.id);
    expect([first.nodeId, second.nodeId]).toEqual(['review', 'review']);
    const claimed = await act(t, 'scj.reviewer', c.id, 'claim', { taskId: first.id });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((await pendingOf(c.id)).find((s) => s.id === first.id).claimedByUserId).toBe(await userIdOf(t, 'scj.reviewer'));
    const taken = await act(t, 'scj.reviewer2', c.id, 'pass', { taskId: first.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('TASK_ALREADY_CLAIMED');
    const inbox2 = (await (await t.as('scj.reviewer2')).get('/api/v1/cases/inbox')).json();
    expect(inbox2.items.filter((i: any) => i.caseId === c.id).map((i: any) => i.taskId)).toEqual([second.id]);

    expect((await act(t, 'scj.reviewer', c.id, 'pass', { taskId: first.id, opinion: '符合备案条件' })).statusCode).toBe(200);
    const review = (await stepsOf(c.id)).filter((s) => s.nodeId === 'review');
    expect(review.find((s) => s.id === first.id)).toMatchObject({ state: 'done', action: 'pass' });
    expect(review.find((s) => s.id === second.id)).toMatchObject({ state: 'cancelled', opinion: '或签：他人已签署' });
    expect((await pendingOf(c.id)).map((s) => s.nodeId)).toEqual(['decide']);
  });

  it('转办 hands the task to a named colleague, who is told; the former handler can no longer act', async () => {
    const c = await acceptedCase('food-business-licence', 'wangfang');
    const reviewer2 = await userIdOf(t, 'scj.reviewer2');
    const outsider = await act(t, 'wjw.reviewer', c.id, 'transfer', { toUserId: reviewer2, reason: '越权转办' });
    expect(outsider.statusCode).toBe(403);
    const r = await act(t, 'scj.reviewer', c.id, 'transfer', { toUserId: reviewer2, reason: '本人出差，转同事办理' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await pendingOf(c.id))[0]).toMatchObject({ nodeId: 'review', assigneeUserId: reviewer2 });
    expect(await messagesTo(t, 'scj.reviewer2', 'case.task_assigned')).toHaveLength(1);
    expect((await stepsOf(c.id)).some((s) => s.action === 'transfer' && s.opinion === '本人出差，转同事办理')).toBe(true);
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(403);

    // The department admin may put it back into the department's reviewer pool.
    const back = await act(t, 'scj.admin', c.id, 'transfer', { toAgencyId: 'mh-scjgj', toRole: 'reviewer', reason: '退回岗位池' });
    expect(back.statusCode, back.body).toBe(200);
    expect((await pendingOf(c.id))[0]).toMatchObject({ assigneeUserId: null, agencyId: 'mh-scjgj', role: 'reviewer' });
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(200);
  });

  it('加签 adds a named signer the node waits for; 减签 removes one but never the last open signer', async () => {
    const c = await atCountersign('lina');
    const approver = await userIdOf(t, 'scj.approver');
    const added = await act(t, 'scj.reviewer', c.id, 'signers', { userId: approver, reason: '涉及处方药经营范围' });
    expect(added.statusCode, added.body).toBe(200);
    let pending = await pendingOf(c.id);
    expect(pending).toHaveLength(3);
    const extra = pending.find((s) => s.assigneeUserId === approver);
    expect(extra.nodeId).toBe('joint_review');
    expect((await act(t, 'scj.reviewer', c.id, 'signers', { userId: approver, reason: '重复' })).statusCode).toBe(409);

    expect((await act(t, 'scj.admin', c.id, 'signers/remove', { signerTaskId: extra.id, reason: '经研究无需加签' })).statusCode).toBe(200);
    pending = await pendingOf(c.id);
    expect(pending.map((s) => s.nodeId)).toEqual(['joint_review', 'joint_review']);
    expect((await stepsOf(c.id)).find((s) => s.id === extra.id).state).toBe('cancelled');
    expect((await act(t, 'scj.reviewer', c.id, 'pass', { taskId: pending[0].id })).statusCode).toBe(200);
    const last = await act(t, 'scj.admin', c.id, 'signers/remove', { signerTaskId: pending[1].id, reason: '只剩一人' });
    expect(last.statusCode).toBe(409);
    expect((await act(t, 'scj.reviewer2', c.id, 'pass', { taskId: pending[1].id })).statusCode).toBe(200);
    expect((await pendingOf(c.id)).map((s) => s.nodeId)).toEqual(['decide']);
  });

  it('adding a signer while another signer sends back: one wins, the other retries, and no task is lost or orphaned', async () => {
    const c = await atCountersign('chenjie');
    const approver = await userIdOf(t, 'scj.approver');
    const { version } = await staffView(t, 'admin.sun', c.id);
    const addBody = { version, userId: approver, reason: '补充会签' };
    const backBody = { version, toNode: 'review', reason: '药师资格证明有误' };
    const [add, back] = await Promise.all([
      (await t.as('scj.reviewer')).post(`/api/v1/cases/${c.id}/signers`, addBody),
      (await t.as('scj.reviewer2')).post(`/api/v1/cases/${c.id}/send-back`, backBody),
    ]);
    expect([add.statusCode, back.statusCode].sort()).toEqual([200, 409]);
    // The loser retries on the fresh version: a send-back still goes through; an add-signer finds no countersign open.
    const fresh = (await staffView(t, 'admin.sun', c.id)).version;
    if (back.statusCode === 409) {
      const retry = await (await t.as('scj.reviewer2')).post(`/api/v1/cases/${c.id}/send-back`, { ...backBody, version: fresh });
      expect(retry.statusCode, retry.body).toBe(200);
    } else {
      const retry = await (await t.as('scj.reviewer')).post(`/api/v1/cases/${c.id}/signers`, { ...addBody, version: fresh });
      expect([403, 409]).toContain(retry.statusCode);
    }
    const steps = await stepsOf(c.id);
    expect(steps.filter((s) => s.state === 'pending').map((s) => s.nodeId)).toEqual(['review']);
    expect(steps.filter((s) => s.nodeId === 'joint_review' && s.kind !== 'log').every((s) => s.state !== 'pending')).toBe(true);

    // Back at the countersign node: a fresh activation, with the added signer again when the addition had won.
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(200);
    const again = await pendingOf(c.id);
    expect(new Set(again.map((s) => s.activation))).toEqual(new Set([2]));
    expect(again.filter((s) => s.assigneeUserId === approver)).toHaveLength(add.statusCode === 200 ? 1 : 0);
    expect(again).toHaveLength(add.statusCode === 200 ? 3 : 2);
  });

  it('催办 by the applicant notifies every member of the pool once a day; strangers may not urge', async () => {
    const c = await acceptedCase('food-business-licence', 'liuyang');
    const urge = () => act(t, 'liuyang', c.id, 'urge', { message: '请尽快办理' });
    expect((await urge()).statusCode).toBe(200);
    expect((await urge()).statusCode).toBe(200);
    for (const login of ['scj.reviewer', 'scj.reviewer2']) {
      const got = (await messagesTo(t, login, 'case.urged')).filter((m) => m.channel === 'inbox');
      expect(got, login).toHaveLength(1);
    }
    expect(await messagesTo(t, 'scj.approver', 'case.urged')).toHaveLength(0);
    expect((await stepsOf(c.id)).filter((s) => s.action === 'urge')).toHaveLength(2);
    expect((await act(t, 'zhangwei', c.id, 'urge')).statusCode).toBe(403);
    // A supervisor may urge too; once claimed, only the claimant is told.
    await act(t, 'scj.reviewer2', c.id, 'claim');
    expect((await act(t, 'sup.zheng', c.id, 'urge')).statusCode).toBe(200);
  });
});
