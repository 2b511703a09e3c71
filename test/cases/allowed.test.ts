import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, itemByKey, staffView, submit, userIdOf } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const allowed = async (login: string, caseId: string) => (await staffView(t, login, caseId)).allowedActions as any[];
const names = async (login: string, caseId: string) => (await allowed(login, caseId)).map((a) => a.action).sort();
const entry = async (login: string, caseId: string, action: string) => (await allowed(login, caseId)).find((a) => a.action === action);

describe('allowedActions on the staff case view', () => {
  it('lists exactly what each viewer may do at each stage, and every listed action then succeeds', async () => {
    const c = await submit(t, 'zhangwei', await itemByKey(t, 'food-business-licence'));
    expect(await names('clerk.zhou', c.id)).toEqual(['accept', 'claim', 'not_accept', 'request_correction', 'transfer']);
    expect((await entry('clerk.zhou', c.id, 'not_accept')).required).toEqual(['reason']);
    expect((await entry('clerk.zhou', c.id, 'accept')).path).toBe('accept');
    // The reviewer has nothing to do before acceptance; the department admin may only urge (the task is the center's).
    expect(await names('scj.reviewer', c.id)).toEqual([]);
    expect(await names('scj.admin', c.id)).toEqual(['urge']);
    expect((await act(t, 'scj.reviewer', c.id, 'accept')).statusCode).toBe(403);

    const accept = await entry('clerk.zhou', c.id, 'accept');
    expect((await act(t, 'clerk.zhou', c.id, accept.path, { taskId: accept.tasks[0].taskId })).statusCode).toBe(200);
    // At 审查 nothing has been passed that could take the case back (受理 is not a send-back target).
    expect(await names('scj.reviewer', c.id)).toEqual(['claim', 'pass', 'request_correction', 'special', 'transfer']);
    expect((await entry('scj.reviewer', c.id, 'special')).kinds).toEqual(['extend', 'pause']);
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(200);

    const back = await entry('scj.approver', c.id, 'send_back');
    expect(back.tasks[0].sendBackTargets).toEqual([{ nodeId: 'review', name: '审查' }]);
    expect(back.required.sort()).toEqual(['reason', 'toNode']);
    expect((await entry('scj.approver', c.id, 'deny')).required).toEqual(['opinion']);
    const reviewerId = await userIdOf(t, 'scj.reviewer');
    const view = await staffView(t, 'scj.reviewer', c.id);
    expect(view.steps.find((s: any) => s.action === 'pass').actorUserId).toBe(reviewerId);
    expect(view.allowedActions.map((a: any) => a.action)).toContain('withdraw');
    expect(view.withdrawal).toMatchObject({ viewerWasLastActor: true, allowed: true, reason: null, lastNodeName: '审查' });
    expect((await staffView(t, 'scj.approver', c.id)).withdrawal).toMatchObject({ viewerWasLastActor: false, allowed: false });

    // Once the approver claims the decision, the reviewer was still the last actor but may no longer withdraw.
    expect((await act(t, 'scj.approver', c.id, 'claim')).statusCode).toBe(200);
    const late = await staffView(t, 'scj.reviewer', c.id);
    expect(late.withdrawal).toMatchObject({ viewerWasLastActor: true, allowed: false, reason: '下一环节已签收办理，不能撤回' });
    expect(late.allowedActions.map((a: any) => a.action)).not.toContain('withdraw');
    expect((await act(t, 'scj.reviewer', c.id, 'withdraw', { reason: '太晚了' })).statusCode).toBe(409);
    // The claimant no longer sees 签收, only the decision and the task-level actions.
    expect((await names('scj.approver', c.id))).toEqual(['approve', 'deny', 'send_back', 'special', 'transfer']);

    expect((await act(t, 'scj.approver', c.id, 'approve')).statusCode).toBe(200);
    const complete = await entry('scj.approver', c.id, 'complete');
    expect(complete).toMatchObject({ outcome: 'approved', outcomeRequired: false, licenceNameRequired: true });
    expect(complete.required).toEqual(['result']);
  });

  it('in 会签 lists the signers one may remove and colleagues to add, never the last open signer', async () => {
    const c = await submit(t, 'lina', await itemByKey(t, 'drug-retail-licence'));
    await act(t, 'clerk.zhou', c.id, 'accept');
    await act(t, 'scj.reviewer', c.id, 'pass');
    const signers = (await entry('scj.admin', c.id, 'remove_signer')).signers;
    expect(signers).toHaveLength(2);
    expect(signers.map((s: any) => s.nodeId)).toEqual(['joint_review', 'joint_review']);
    const add = await entry('scj.reviewer', c.id, 'add_signer');
    const approverId = await userIdOf(t, 'scj.approver');
    expect(add.candidates.map((p: any) => p.id)).toContain(approverId);
    expect(add.required.sort()).toEqual(['reason', 'userId']);
    // The transfer form offers colleagues of the pool, not the viewer.
    const transfer = await entry('scj.reviewer', c.id, 'transfer');
    expect(transfer.users.map((u: any) => u.id)).not.toContain(await userIdOf(t, 'scj.reviewer'));
    expect(transfer.pools).toContainEqual({ agencyId: 'mh-scjgj', role: 'reviewer' });

    expect((await act(t, 'scj.reviewer', c.id, 'pass', { taskId: signers[0].taskId })).statusCode).toBe(200);
    expect(await entry('scj.admin', c.id, 'remove_signer')).toBeUndefined();
    // The reviewer signed one slot of this 会签 and may not sign the other.
    expect((await names('scj.reviewer', c.id))).not.toContain('pass');
    expect(await names('scj.reviewer2', c.id)).toContain('pass');
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(403);
  });
});
