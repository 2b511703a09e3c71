import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, itemByKey, staffView, submit } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const pendingOf = async (id: string) => (await staffView(t, 'admin.sun', id)).steps.filter((s: any) => s.state === 'pending');

describe('workflow engine', () => {
  it('sending back from a countersign node loses no task, and the deadline timer still fires afterwards', async () => {
    const item = await itemByKey(t, 'drug-retail-licence');
    const c = await submit(t, 'zhangwei', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    await act(t, 'scj.reviewer', c.id, 'pass');
    expect((await pendingOf(c.id)).map((s: any) => s.nodeId)).toEqual(['joint_review', 'joint_review']);
    expect((await act(t, 'scj.reviewer', c.id, 'pass')).statusCode).toBe(200);
    const back = await act(t, 'scj.reviewer2', c.id, 'send-back', { toNode: 'review', reason: '经营场所证明不清晰' });
    expect(back.statusCode, back.body).toBe(200);
    expect((await pendingOf(c.id)).map((s: any) => s.nodeId)).toEqual(['review']);
    await act(t, 'scj.reviewer', c.id, 'pass');
    const again = await pendingOf(c.id);
    expect(again.map((s: any) => s.nodeId)).toEqual(['joint_review', 'joint_review']);
    expect(new Set(again.map((s: any) => s.activation)).size).toBe(1);

    await sql`UPDATE jobs SET run_at = now() WHERE queue = 'cases.deadline' AND payload->>'caseId' = ${c.id} AND state = 'pending'`.execute(t.db);
    await t.drain();
    const row = await t.db.selectFrom('cases').select(['warned_yellow_at', 'warned_red_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.warned_yellow_at).not.toBeNull();
    expect(row.warned_red_at).not.toBeNull();
  });

  it('lets the last actor withdraw before the next one acted, and not after', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'wangfang', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    await act(t, 'scj.reviewer', c.id, 'pass');
    const w = await act(t, 'scj.reviewer', c.id, 'withdraw', { reason: '意见写错' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await pendingOf(c.id)).map((s: any) => s.nodeId)).toEqual(['review']);
    await act(t, 'scj.reviewer', c.id, 'pass');
    await act(t, 'scj.approver', c.id, 'claim');
    const late = await act(t, 'scj.reviewer', c.id, 'withdraw', { reason: '太晚了' });
    expect(late.statusCode).toBe(409);
  });

  it('joins parallel branches of the co-agencies before the decision', async () => {
    const item = await itemByKey(t, 'restaurant-opening');
    const c = await submit(t, 'liuyang', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    await act(t, 'scj.reviewer', c.id, 'pass');
    expect((await pendingOf(c.id)).map((s: any) => s.agencyId).sort()).toEqual(['mh-sthj', 'mh-swj']);
    expect((await act(t, 'sw.reviewer', c.id, 'pass')).statusCode).toBe(200);
    expect((await pendingOf(c.id)).map((s: any) => s.nodeId)).toEqual(['joint']);
    expect((await act(t, 'sthj.reviewer', c.id, 'pass')).statusCode).toBe(200);
    expect((await pendingOf(c.id)).map((s: any) => s.nodeId)).toEqual(['decide']);
  });
});
