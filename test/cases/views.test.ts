import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, caseRow, itemByKey, staffView, submit } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

async function acceptedFoodCase(applicant: string) {
  const c = await submit(t, applicant, await itemByKey(t, 'food-business-licence'));
  await act(t, 'clerk.zhou', c.id, 'accept');
  return c;
}

/** Moves a running case's clock so that it is yellow (past the warning) or red (past the deadline) now. */
async function makeLate(id: string, colour: 'yellow' | 'red') {
  const warn = sql`now() - interval '1 hour'`;
  const deadline = colour === 'red' ? sql`now() - interval '1 minute'` : sql`now() + interval '1 day'`;
  await sql`UPDATE cases SET warn_at = ${warn}, deadline_at = ${deadline} WHERE id = ${id}`.execute(t.db);
}

const inboxOf = async (login: string, query = '') => {
  const r = await (await t.as(login)).get(`/api/v1/cases/inbox${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('staff views', () => {
  it('the inbox shows my pool’s tasks with deadline day and colour, filters by colour, case number and item, and counts per status', async () => {
    const green = await acceptedFoodCase('zhangwei');
    const yellow = await acceptedFoodCase('wangfang');
    const red = await acceptedFoodCase('liuyang');
    await makeLate(yellow.id, 'yellow');
    await makeLate(red.id, 'red');
    const all = await inboxOf('scj.reviewer', '?limit=200');
    const colourOf = (id: string) => all.items.find((i: any) => i.caseId === id)?.colour;
    expect([colourOf(green.id), colourOf(yellow.id), colourOf(red.id)]).toEqual(['green', 'yellow', 'red']);
    const g = all.items.find((i: any) => i.caseId === green.id);
    expect(g).toMatchObject({ nodeId: 'review', caseNo: green.caseNo, applicantName: '张*' });
    expect(g.deadlineDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Sorted by deadline: the overdue case comes before the others.
    const order = all.items.map((i: any) => i.caseId);
    expect(order.indexOf(red.id)).toBeLessThan(order.indexOf(green.id));
    expect(all.counts.in_progress).toBe(all.items.filter((i: any) => i.status === 'in_progress').length);

    const reds = await inboxOf('scj.reviewer', '?colour=red');
    expect(reds.items.map((i: any) => i.caseId)).toEqual([red.id]);
    expect((await inboxOf('scj.reviewer', `?caseNo=${yellow.caseNo.slice(-6)}`)).items.map((i: any) => i.caseId)).toContain(yellow.id);
    expect((await inboxOf('scj.reviewer', '?itemId=no-such-item')).items).toEqual([]);
    expect((await inboxOf('wjw.reviewer')).items.some((i: any) => i.caseId === green.id)).toBe(false);
    const clerk = await inboxOf('clerk.wu');
    expect(clerk.items.every((i: any) => i.nodeId !== 'review')).toBe(true);
    expect((await (await t.as('scj.reviewer')).get('/api/v1/cases/inbox?colour=purple')).statusCode).toBe(400);
  });

  it('lists overdue cases per agency for its admin, everything for supervisors, and nothing for other departments', async () => {
    const c = await acceptedFoodCase('lina');
    await makeLate(c.id, 'red');
    const get = async (login: string, q = '') => (await t.as(login)).get(`/api/v1/cases/overdue${q}`);
    const mine = await get('scj.admin', '?agencyId=mh-scjgj');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().find((r: any) => r.caseId === c.id)).toMatchObject({ caseNo: c.caseNo, agencyId: 'mh-scjgj', applicantName: '李*' });
    expect((await get('scj.admin')).json().code).toBe('VALIDATION_FAILED');
    expect((await get('wjw.admin', '?agencyId=mh-scjgj')).statusCode).toBe(403);
    expect((await get('zhangwei', '?agencyId=mh-scjgj')).statusCode).toBe(403);
    expect((await get('sup.zheng')).json().some((r: any) => r.caseId === c.id)).toBe(true);
    expect((await get('sup.zheng', '?agencyId=mh-wjw')).json().some((r: any) => r.caseId === c.id)).toBe(false);
    // A paused case is not overdue while its clock stands still.
    await act(t, 'scj.reviewer', c.id, 'special-procedure', { kind: 'pause', reason: '等待检验报告' });
    expect((await get('scj.admin', '?agencyId=mh-scjgj')).json().some((r: any) => r.caseId === c.id)).toBe(false);
  });

  it('masks personal form fields for staff who do not handle the case, and audits the handler’s full view', async () => {
    const c = await acceptedFoodCase('zhangwei');
    const audits = () => t.db.selectFrom('audit_events').select(['actor_name', 'detail']).where('action', '=', 'case.pii_revealed').where('target_id', '=', c.id).execute();
    const other = await staffView(t, 'scj.approver', c.id);
    expect(other.piiMasked).toBe(true);
    expect(other.formData.contactPhone).toBe('138****0001');
    const stored = (await caseRow(t, c.id)).form_data as Record<string, string>;
    expect(other.formData.legalRepName).not.toBe(stored.legalRepName);
    expect(other.formData.legalRepName).toContain('*');
    expect(other.applicant.idNo).toBe('3101**********003X');
    expect(await audits()).toHaveLength(0);

    const handler = await staffView(t, 'scj.reviewer', c.id);
    expect(handler.piiMasked).toBe(false);
    expect(handler.formData.contactPhone).toBe('13816620001');
    expect(handler.applicant.idNo).toBe('31011219850312003X');
    const recorded = await audits();
    expect(recorded).toHaveLength(1);
    expect(recorded[0].actor_name).toBe((await (await t.as('scj.reviewer')).get('/api/v1/me')).json().name);
    expect((recorded[0].detail as { fields: string[] }).fields.sort()).toEqual(['contactPhone', 'legalRepName']);
  });

  it('records an on-site visit from start to end and publishes visit.ended once', async () => {
    const c = await submit(t, 'chenjie', await itemByKey(t, 'food-business-licence'));
    const clerk = await t.as('clerk.zhou');
    expect((await (await t.as('chenjie')).post('/api/v1/visits', { caseId: c.id, purpose: 'submit', hallId: 'mh-hall-main', windowId: 'A01' })).statusCode).toBe(403);
    const opened = await clerk.post('/api/v1/visits', { caseId: c.id, purpose: 'submit', hallId: 'mh-hall-main', windowId: 'A01' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ caseId: c.id, applicantName: '陈杰', endedAt: null });
    const ended = await clerk.post(`/api/v1/visits/${opened.json().id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(new Date(ended.json().endedAt).getTime()).toBeGreaterThanOrEqual(new Date(opened.json().startedAt).getTime());
    expect((await clerk.post(`/api/v1/visits/${opened.json().id}/end`)).json().code).toBe('VISIT_STATE_CONFLICT');
    const events = await t.db.selectFrom('jobs').select('payload').where('queue', 'like', 'event:visit.ended:%').where(sql<string>`payload->>'visitId'`, '=', opened.json().id).execute();
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ caseId: c.id, hallId: 'mh-hall-main', windowId: 'A01', endedAt: ended.json().endedAt });
    expect((await staffView(t, 'admin.sun', c.id)).visits).toHaveLength(1);
  });
});
