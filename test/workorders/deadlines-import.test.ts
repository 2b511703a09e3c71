import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, orderFromBadRating } from './factories.js';
import { enqueue } from '../../src/server/platform/jobs/queue.js';
import { userId } from '../ratings/factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

/** Makes an order's pending timers due now (instead of waiting for the clock). */
async function fireTimers(orderId: string, kind: 'warn' | 'overdue') {
  await t.db.updateTable('jobs').set({ run_at: new Date() }).where('queue', '=', 'workorders.deadline').where('dedupe_key', 'like', `${orderId}:%:${kind}`).where('state', '=', 'pending').execute();
  await t.drain();
}
const messages = (template: string, orderNo: string) =>
  t.db.selectFrom('messages' as never).selectAll().where('template_key' as never, '=', template as never).where('body' as never, 'like', `%${orderNo}%` as never).execute() as Promise<{ user_id: string }[]>;

describe('deadline warnings and escalation', () => {
  it('warns the agency before the stage is due, exactly once', async () => {
    const { order } = await orderFromBadRating(t);
    await fireTimers(order!.id, 'warn');
    await enqueue(t.db, { queue: 'workorders.deadline', payload: { orderId: order!.id, stageSeq: 1, kind: 'warn' } });
    await t.drain();
    const row = await t.db.selectFrom('work_orders').select(['warned_at', 'escalated_at']).where('id', '=', order!.id).executeTakeFirstOrThrow();
    expect(row.warned_at).not.toBeNull();
    expect(row.escalated_at).toBeNull();
    const sent = await messages('workorder.deadline_warning', order!.order_no);
    const scj = await userId(t, 'scj.reviewer');
    expect(sent.filter((m) => m.user_id === scj)).toHaveLength(1);
  });

  it('escalates an overdue stage to the supervisors, once, with a history step', async () => {
    const { order } = await orderFromBadRating(t);
    await fireTimers(order!.id, 'overdue');
    await enqueue(t.db, { queue: 'workorders.deadline', payload: { orderId: order!.id, stageSeq: 1, kind: 'overdue' } });
    await t.drain();
    const sent = await messages('workorder.escalated', order!.order_no);
    expect(sent.map((m) => m.user_id)).toEqual([await userId(t, 'sup.zheng')]);
    const steps = await t.db.selectFrom('work_order_steps').select('action').where('order_id', '=', order!.id).execute();
    expect(steps.filter((s) => s.action === 'escalate')).toHaveLength(1);
  });

  it('timers of a stage already left do nothing', async () => {
    const { order } = await orderFromBadRating(t);
    await act(t, 'scj.reviewer', order!.id, 'sign');
    await enqueue(t.db, { queue: 'workorders.deadline', payload: { orderId: order!.id, stageSeq: 1, kind: 'overdue' } });
    await t.drain();
    const row = await t.db.selectFrom('work_orders').select(['escalated_at', 'stage_seq']).where('id', '=', order!.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ escalated_at: null, stage_seq: 2 });
  });
});

const CSV_HEADER = '工单编号,来电时间,诉求类型,承办单位,诉求内容,诉求人,联系电话';
async function importCsv(login: string, rows: string[], fileName = 'tickets.csv') {
  return (await t.as(login)).post('/api/v1/workorders/imports/text', { fileName, format: 'csv', content: [CSV_HEADER, ...rows].join('\r\n') });
}

describe('12345 import', () => {
  it('imports valid rows, reports bad rows with row numbers and fields, and shows progress', async () => {
    const r = await importCsv('sup.zheng', [
      'T2026000001,2026-11-20 09:30,咨询,mh-scjgj,"咨询食品经营许可证办理流程，""急""",张三,13900001111',
      'T2026000002,2026-11-20 10:00,投诉,上海市闵行区卫生健康委员会,投诉窗口态度差,,',
      'T2026000003,昨天,投诉,mh-scjgj,内容,,',
      'T2026000004,2026-11-20 10:00,闲聊,mh-nowhere,,,12',
      'T2026000001,2026-11-20 09:30,咨询,mh-scjgj,重复行,,',
    ]);
    expect(r.statusCode).toBe(202);
    const report = r.json();
    expect(report).toMatchObject({ total: 5, valid: 2, errorRows: 3, status: 'running' });
    expect(report.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 4, field: 'calledAt' }),
      expect.objectContaining({ row: 5, field: 'category' }), expect.objectContaining({ row: 5, field: 'agencyId' }),
      expect.objectContaining({ row: 5, field: 'content' }), expect.objectContaining({ row: 5, field: 'contactPhone' }),
      expect.objectContaining({ row: 6, field: 'ticketNo', ticketNo: 'T2026000001' }),
    ]));
    await t.drain();
    const done = (await (await t.as('sup.zheng')).get(`/api/v1/workorders/imports/${report.id}`)).json();
    expect(done).toMatchObject({ status: 'done', processed: 2, inserted: 2, updated: 0, progress: 1 });
    const o = await t.db.selectFrom('work_orders').selectAll().where('ticket_no', '=', 'T2026000002').executeTakeFirstOrThrow();
    expect(o).toMatchObject({ source: 'hotline', agency_id: 'mh-wjw', category: 'complaint', status: 'pending_sign' });
    // 投诉: 5 working days from the call (Fri 2026-11-20 → Fri 2026-11-27), end of the day in Shanghai
    expect(new Date(o.due_at!).toISOString()).toBe('2026-11-27T15:59:59.999Z');
  });

  it('re-importing the same ticket numbers updates the orders and never duplicates them (JSON file)', async () => {
    const tickets = [
      { ticketNo: 'J2026000001', calledAt: '2026-11-20 09:00', category: '求助', handlingUnit: 'mh-rsj', content: '社保卡补办咨询' },
      { ticketNo: 'J2026000002', calledAt: '2026-11-20T09:00:00+08:00', category: '建议', handlingUnit: 'mh-rsj', content: '建议延长窗口时间' },
    ];
    const sup = await t.as('sup.zheng');
    const first = (await sup.post('/api/v1/workorders/imports/text', { fileName: 'a.json', format: 'json', content: JSON.stringify(tickets) })).json();
    await t.drain();
    tickets[0].content = '社保卡补办：已补充材料';
    const second = (await sup.post('/api/v1/workorders/imports/text', { fileName: 'a.json', format: 'json', content: JSON.stringify({ tickets }) })).json();
    await t.drain();
    expect((await sup.get(`/api/v1/workorders/imports/${first.id}`)).json()).toMatchObject({ inserted: 2, updated: 0 });
    expect((await sup.get(`/api/v1/workorders/imports/${second.id}`)).json()).toMatchObject({ inserted: 0, updated: 2 });
    const rows = await t.db.selectFrom('work_orders').select(['ticket_no', 'content']).where('ticket_no', 'in', ['J2026000001', 'J2026000002']).execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.ticket_no === 'J2026000001')!.content).toBe('社保卡补办：已补充材料');
  });

  it('rejects unusable files with IMPORT_FILE_INVALID and lets only supervisors and center admins import', async () => {
    const sup = await t.as('sup.zheng');
    expect((await sup.post('/api/v1/workorders/imports/text', { fileName: 'x.json', format: 'json', content: '{oops' })).json().code).toBe('IMPORT_FILE_INVALID');
    expect((await sup.post('/api/v1/workorders/imports/text', { fileName: 'x.csv', format: 'csv', content: 'a,b\n1,2' })).json().code).toBe('IMPORT_FILE_INVALID');
    expect((await importCsv('scj.admin', ['T9,2026-11-20 09:30,咨询,mh-scjgj,x,,'])).statusCode).toBe(403);
  });

  it('accepts a multipart CSV upload', async () => {
    const boundary = '----tb';
    const csv = [CSV_HEADER, 'M2026000001,2026-11-20 09:30,建议,mh-scjgj,多开窗口,,'].join('\n');
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const r = await (await t.as('admin.sun')).post('/api/v1/workorders/imports', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({ total: 1, valid: 1, format: 'csv' });
  });
});
