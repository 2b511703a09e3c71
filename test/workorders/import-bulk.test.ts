import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { processImport } from '../../src/server/modules/workorders/import.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const HEADER = '工单编号,来电时间,诉求类型,承办单位,诉求内容,诉求人,联系电话';
const tickets = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')},2026-11-20 09:30,投诉,mh-scjgj,第${i}号投诉,市民,1390000${String(i).padStart(4, '0')}`);
const orderIds = async (prefix: string) =>
  (await t.db.selectFrom('work_orders').select('id').where('ticket_no', 'like', `${prefix}%`).execute()).map((o) => o.id);

describe('12345 bulk import', () => {
  it('gives every new order its history step and its warning and overdue timers, and none to updated ones', async () => {
    const sup = await t.as('sup.zheng');
    const content = [HEADER, ...tickets('BK', 2500)].join('\n'); // more than one chunk
    expect((await sup.post('/api/v1/workorders/imports/text', { fileName: 'bk.csv', format: 'csv', content })).statusCode).toBe(202);
    await t.drain();
    const ids = await orderIds('BK');
    expect(ids).toHaveLength(2500);
    const steps = await t.db.selectFrom('work_order_steps').select(['order_id', 'action', 'to_status']).where('order_id', 'in', ids).execute();
    expect(steps).toHaveLength(2500);
    expect(steps.every((s) => s.action === 'import' && s.to_status === 'pending_sign')).toBe(true);
    const timers = await t.db.selectFrom('jobs').select(['dedupe_key', 'run_at', 'payload']).where('queue', '=', 'workorders.deadline').where('dedupe_key', 'like', `${ids[0]}:%`).execute();
    const o = await t.db.selectFrom('work_orders').select(['stage_due_at', 'contact_due_at']).where('id', '=', ids[0]).executeTakeFirstOrThrow();
    expect(timers.map((j) => j.dedupe_key).sort()).toEqual([`${ids[0]}:1:overdue`, `${ids[0]}:1:warn`]);
    expect(timers.find((j) => j.dedupe_key!.endsWith('overdue'))!.run_at).toEqual(o.stage_due_at);
    expect(timers.find((j) => j.dedupe_key!.endsWith('warn'))!.payload).toEqual({ orderId: ids[0], stageSeq: 1, kind: 'warn' });
    expect(o.contact_due_at).not.toBeNull();

    await sup.post('/api/v1/workorders/imports/text', { fileName: 'bk.csv', format: 'csv', content });
    await t.drain();
    expect(await t.db.selectFrom('work_order_steps').select('id').where('order_id', 'in', ids).execute()).toHaveLength(2500);
    const allTimers = await t.db.selectFrom('jobs').select('id').where('queue', '=', 'workorders.deadline').where('dedupe_key', 'like', `${ids[0]}:%`).execute();
    expect(allTimers).toHaveLength(2);
  });

  it('resumes after a crash with the chunks not yet written, and a chunk already written is not written again', async () => {
    const sup = await t.as('sup.zheng');
    const content = [HEADER, ...tickets('RS', 4500)].join('\n'); // three chunks
    const report = (await sup.post('/api/v1/workorders/imports/text', { fileName: 'rs.csv', format: 'csv', content })).json();
    // The job "crashed" after its first chunk: run that chunk's write alone, then let the queue resume the import.
    await t.db.updateTable('jobs').set({ state: 'cancelled' }).where('queue', '=', 'workorders.import').where('dedupe_key', '=', report.id).execute();
    await t.db.updateTable('work_order_import_chunks').set({ done: true }).where('import_id', '=', report.id).where('seq', '>', 0).execute();
    await processImport({ importId: report.id }, { db: t.db, jobId: 0, attempt: 1 });
    expect((await sup.get(`/api/v1/workorders/imports/${report.id}`)).json()).toMatchObject({ processed: 2000, progress: 0.444 });
    await t.db.updateTable('work_order_import_chunks').set({ done: false }).where('import_id', '=', report.id).where('seq', '>', 0).execute();
    await processImport({ importId: report.id }, { db: t.db, jobId: 0, attempt: 2 });
    expect((await sup.get(`/api/v1/workorders/imports/${report.id}`)).json()).toMatchObject({ status: 'done', processed: 4500, inserted: 4500, updated: 0, progress: 1 });
    expect(await orderIds('RS')).toHaveLength(4500);
  });

  it('reports a call outside the working calendar as a row error instead of failing the file', async () => {
    const r = await (await t.as('sup.zheng')).post('/api/v1/workorders/imports/text', {
      fileName: 'old.csv', format: 'csv', content: [HEADER, 'OLD0000001,1999-01-04 09:30,投诉,mh-scjgj,很早的投诉,,', 'OK00000001,2026-11-20 09:30,投诉,mh-scjgj,投诉,,'].join('\n'),
    });
    expect(r.json()).toMatchObject({ total: 2, valid: 1, errorRows: 1, errors: [expect.objectContaining({ row: 2, field: 'calledAt', ticketNo: 'OLD0000001' })] });
    await t.drain();
    expect(await orderIds('OK0000000')).toHaveLength(1);
  });
});
