import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { submitApplication } from '../../src/server/modules/cases/service-apply.js';
import { acceptCase } from '../../src/server/modules/cases/service-actions.js';
import { requestCorrection, resubmitCorrection } from '../../src/server/modules/cases/service-correction.js';
import { specialProcedure } from '../../src/server/modules/cases/service-actions-more.js';
import { act, actorOf, application, at, caseRow, dayOf, itemByKey, messagesTo, staffView, submit } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const correctionItems = [{ kind: 'material' as const, ref: 'premises', problem: '经营场所证明未盖章' }];

/** A food-business-licence case (5 working days) submitted and accepted at the given Shanghai times. */
async function acceptedAt(login: string, submittedAt: Date, accepted: Date) {
  const item = await itemByKey(t, 'food-business-licence');
  const { result } = await submitApplication(t.db, await actorOf(t, login), application(item) as never, { now: submittedAt });
  const r = await acceptCase(t.db, await actorOf(t, 'clerk.zhou'), result.id, { version: result.version, now: accepted });
  return { id: result.id, version: r.version };
}

const pendingJobs = (queue: string, caseId: string) =>
  t.db.selectFrom('jobs').select(['id', 'run_at', 'payload', 'dedupe_key']).where('queue', '=', queue).where('state', '=', 'pending').where(sql<string>`payload->>'caseId'`, '=', caseId).execute();

describe('time limits', () => {
  it('补正 across the National Day holiday moves the deadline only by the working days the pause cost', async () => {
    // Accepted Mon 2026-09-28: five working days are 9-29, 9-30, 10-8, 10-9 and 10-10 (a Saturday 调休 working day).
    const c = await acceptedAt('zhangwei', at('2026-09-28 09:00'), at('2026-09-28 10:00'));
    expect(dayOf((await caseRow(t, c.id)).deadline_at!)).toBe('2026-10-10');
    const reviewer = await actorOf(t, 'scj.reviewer');
    const asked = await requestCorrection(t.db, reviewer, c.id, { version: c.version, items: correctionItems, now: at('2026-09-30 15:00') });
    const paused = await caseRow(t, c.id);
    expect(paused.status).toBe('correction');
    expect(paused.paused_at).toEqual(at('2026-09-30 15:00'));
    expect(await pendingJobs('cases.deadline', c.id)).toHaveLength(0); // no warning fires while the clock stands still

    // Resubmitted Fri 10-09: the pause cost 10-8 and 10-9 (2 working days), not the 7 holidays in between.
    await resubmitCorrection(t.db, await actorOf(t, 'zhangwei'), c.id, { version: asked.version }, { now: at('2026-10-09 11:00') });
    const resumed = await caseRow(t, c.id);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.paused_at).toBeNull();
    expect(dayOf(resumed.deadline_at!)).toBe('2026-10-13');
    const pause = await t.db.selectFrom('case_pauses').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(pause).toMatchObject({ kind: 'correction', shifted_days: 2 });
    const red = (await pendingJobs('cases.deadline', c.id)).find((j) => j.dedupe_key?.endsWith(':red'));
    expect((red!.payload as { plannedFor: string }).plannedFor).toBe(new Date(resumed.deadline_at!).toISOString());
  });

  it('gives the applicant’s resubmission back to the reviewer who asked, who is told, and cancels the 补正超时 timer', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'wangfang', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    expect((await act(t, 'scj.reviewer2', c.id, 'corrections', { items: correctionItems })).statusCode).toBe(200);
    expect(await pendingJobs('cases.correction-timeout', c.id)).toHaveLength(1);
    const mine = (await (await t.as('wangfang')).get(`/api/v1/my/cases/${c.id}`)).json();
    expect(mine.correction.items).toEqual(correctionItems);

    const r = await (await t.as('wangfang')).post(`/api/v1/my/cases/${c.id}/resubmit`, { version: mine.version, note: '已补盖公章' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('in_progress');
    const pending = (await staffView(t, 'admin.sun', c.id)).steps.filter((s: any) => s.state === 'pending');
    expect(pending.map((s: any) => s.nodeId)).toEqual(['review']);
    expect(pending[0].claimedByUserId).toBe((await actorOf(t, 'scj.reviewer2')).userId);
    expect(await messagesTo(t, 'scj.reviewer2', 'case.resubmitted')).not.toHaveLength(0);
    expect(await pendingJobs('cases.correction-timeout', c.id)).toHaveLength(0);
    // A second resubmission has nothing to answer.
    const again = await (await t.as('wangfang')).post(`/api/v1/my/cases/${c.id}/resubmit`, { version: r.json().version });
    expect(again.statusCode).toBe(409);
  });

  it('closes the case as 补正超时 when the correction period passes without a resubmission', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'liuyang', item);
    await act(t, 'clerk.zhou', c.id, 'accept');
    await act(t, 'scj.reviewer', c.id, 'corrections', { items: correctionItems });
    const [timer] = await pendingJobs('cases.correction-timeout', c.id);
    const due = (await t.db.selectFrom('case_corrections').select('due_at').where('case_id', '=', c.id).executeTakeFirstOrThrow()).due_at;
    expect(new Date(timer.run_at)).toEqual(new Date(due));
    await sql`UPDATE jobs SET run_at = now() WHERE id = ${timer.id}`.execute(t.db);
    await t.drain();
    const closed = await caseRow(t, c.id);
    expect(closed).toMatchObject({ status: 'correction_timeout', closed_reason: '补正超时' });
    expect(closed.completed_at).not.toBeNull();
    expect((await messagesTo(t, 'liuyang', 'case.correction_timeout')).filter((m) => m.channel === 'inbox')).toHaveLength(1);
    const v = await staffView(t, 'admin.sun', c.id);
    expect(v.steps.filter((s: any) => s.state === 'pending')).toHaveLength(0);
    expect(v.steps.map((s: any) => s.action)).toContain('correction_timeout');
    const late = await (await t.as('liuyang')).post(`/api/v1/my/cases/${c.id}/resubmit`, { version: v.version });
    expect(late.statusCode).toBe(409);
  });

  it('特别程序: extension adds working days; a pause stops the clock and resume shifts it by the working days paused', async () => {
    const c = await acceptedAt('lina', at('2026-11-02 09:00'), at('2026-11-02 09:30')); // Mon: due Mon 11-09
    const reviewer = await actorOf(t, 'scj.reviewer');
    expect(dayOf((await caseRow(t, c.id)).deadline_at!)).toBe('2026-11-09');
    const ext = await specialProcedure(t.db, reviewer, c.id, { version: c.version, kind: 'extend', days: 3, reason: '需现场核查', now: at('2026-11-03 10:00') });
    const extended = await caseRow(t, c.id);
    expect(dayOf(extended.deadline_at!)).toBe('2026-11-12');
    expect(extended.extended_days).toBe(3);

    const paused = await specialProcedure(t.db, reviewer, c.id, { version: ext.version, kind: 'pause', reason: '听证', now: at('2026-11-04 10:00') });
    expect(paused.status).toBe('suspended');
    expect(await pendingJobs('cases.deadline', c.id)).toHaveLength(0);
    const wrongKind = specialProcedure(t.db, reviewer, c.id, { version: paused.version, kind: 'extend', days: 1, reason: 'x', now: at('2026-11-05 10:00') });
    await expect(wrongKind).rejects.toMatchObject({ code: 'CASE_STATE_CONFLICT' });
    // Paused Wed 11-04 → resumed Tue 11-10: 11-05, 11-06, 11-09, 11-10 = 4 working days (the weekend is free).
    const resumed = await specialProcedure(t.db, reviewer, c.id, { version: paused.version, kind: 'resume', reason: '听证结束', now: at('2026-11-10 09:00') });
    expect(resumed.status).toBe('in_progress');
    expect(dayOf((await caseRow(t, c.id)).deadline_at!)).toBe('2026-11-18');
    const kinds = (await t.db.selectFrom('case_pauses').select(['kind', 'shifted_days']).where('case_id', '=', c.id).orderBy('started_at').execute());
    expect(kinds).toEqual([{ kind: 'extension', shifted_days: 3 }, { kind: 'special_pause', shifted_days: 4 }]);
    expect(await pendingJobs('cases.deadline', c.id)).toHaveLength(2);
    const events = await t.db.selectFrom('jobs').select('payload').where('queue', 'like', 'event:case.special_procedure:%').where(sql<string>`payload->>'caseId'`, '=', c.id).execute();
    expect(events.map((e) => (e.payload as { kind: string }).kind).sort()).toEqual(['extension', 'other']);
    // Only the handler or the department admin may start a special procedure.
    const outsider = specialProcedure(t.db, await actorOf(t, 'wjw.reviewer'), c.id, { version: resumed.version, kind: 'extend', days: 5, reason: '无关人员' });
    await expect(outsider).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('即办件 is due by the end of the day it is accepted', async () => {
    const item = await itemByKey(t, 'individual-business-registration');
    expect(item.immediate).toBe(true);
    const { result } = await submitApplication(t.db, await actorOf(t, 'chenjie'), application(item) as never, { now: at('2026-11-20 15:00') });
    await acceptCase(t.db, await actorOf(t, 'clerk.wu'), result.id, { version: result.version, now: at('2026-11-20 15:10') });
    const c = await caseRow(t, result.id);
    expect(c.immediate).toBe(true);
    expect(new Date(c.deadline_at!)).toEqual(new Date('2026-11-20T23:59:59.999+08:00'));
    expect(new Date(c.warn_at!).getTime()).toBeGreaterThan(at('2026-11-20 15:10').getTime());
  });
});
