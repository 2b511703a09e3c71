import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { insertPushedRecord } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
  // One Shanghai day, 2026-01-15 (UTC+8), hand-computed below.
  await insertPushedRecord(t.db, { caseId: 'A', kind: 'accept', seq: 1, business: '2026-01-15T02:00:00Z', uploaded: '2026-01-15T02:02:00Z' }); // 120 s
  await insertPushedRecord(t.db, { caseId: 'A', kind: 'step', seq: 2, business: '2026-01-15T03:00:00Z', uploaded: '2026-01-15T03:20:00Z' }); // 1200 s, late
  await insertPushedRecord(t.db, { caseId: 'B', kind: 'step', seq: 1, business: '2026-01-15T04:00:00Z', uploaded: '2026-01-15T04:00:30Z' }); // 30 s, before its acceptance
  await insertPushedRecord(t.db, { caseId: 'B', kind: 'accept', seq: 2, business: '2026-01-15T03:59:00Z', uploaded: '2026-01-15T04:05:00Z' }); // 360 s, business time before seq 1's
  await insertPushedRecord(t.db, { caseId: 'C', kind: 'accept', seq: 1, business: '2026-01-15T05:00:00Z', uploaded: '2026-01-15T05:00:05Z', state: 'rejected', errorCode: 'E102' });
  await insertPushedRecord(t.db, { caseId: 'C', kind: 'step', seq: null, business: '2026-01-15T05:10:00Z' }); // waiting behind the rejection
  await insertPushedRecord(t.db, { caseId: 'D', kind: 'accept', seq: 1, business: '2026-01-15T06:00:00Z', state: 'failed', errorCode: 'NETWORK' });
  await insertPushedRecord(t.db, { caseId: 'E', kind: 'accept', seq: 1, business: '2026-01-14T16:30:00Z', uploaded: '2026-01-14T16:30:10Z' }); // 00:30 on the 15th in Shanghai: inside
  await insertPushedRecord(t.db, { caseId: 'F', kind: 'accept', seq: 1, business: '2026-01-14T15:59:00Z', uploaded: '2026-01-14T17:00:00Z' }); // 23:59 on the 14th: outside
  await insertPushedRecord(t.db, { caseId: 'G', kind: 'step', seq: 1, business: '2026-01-15T16:00:00Z', uploaded: '2026-01-15T16:00:01Z' }); // 00:00 on the 16th: outside
});
afterAll(() => t.close());

const report = async (login: string, query: string) => (await t.as(login)).get(`/api/v1/exchange/quality?${query}`);

describe('exchange quality report', () => {
  it('computes the 15-minute share, delay percentiles and distribution over the Shanghai day', async () => {
    const res = await report('sup.zheng', 'from=2026-01-15&to=2026-01-15');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.records).toBe(8);
    expect(r.byState).toEqual({ pending: 1, sending: 0, acked: 5, rejected: 1, failed: 1 });
    expect(r.timeliness).toMatchObject({ withinFifteenMinutes: 4, denominator: 8, ratio: 0.5 });
    expect(r.timeliness.delaySeconds.p50).toBe(120);
    expect(r.timeliness.delaySeconds.max).toBe(1200);
    expect(r.timeliness.distribution.map((b: { count: number }) => b.count)).toEqual([2, 1, 1, 1, 0]);
  });

  it('finds steps sent before their acceptance and records out of business order', async () => {
    const r = (await report('admin.sun', 'from=2026-01-15&to=2026-01-15')).json();
    expect(r.stepOrder).toMatchObject({ cases: 5, casesWithErrors: 1, ratio: 0.2 });
    expect(r.stepOrder.errors.map((e: { caseId: string; seq: number; reason: string }) => [e.caseId, e.seq, e.reason])).toEqual([
      ['B', 1, 'before_acceptance'],
      ['B', 2, 'business_time_out_of_order'],
    ]);
  });

  it('groups error codes and lists the rejected and failed records', async () => {
    const r = (await report('admin.sun', 'from=2026-01-15&to=2026-01-15')).json();
    expect(r.errorCodes.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([['E102', 1], ['NETWORK', 1]]);
    expect(r.problems.map((p: { caseId: string; state: string }) => [p.caseId, p.state])).toEqual([['C', 'rejected'], ['D', 'failed']]);
    expect(r.waiting.pending).toBe(1);
  });

  it('is for the center admin and supervisors only', async () => {
    expect((await report('zhangwei', 'from=2026-01-15&to=2026-01-15')).statusCode).toBe(403);
    expect((await report('scj.admin', 'from=2026-01-15&to=2026-01-15')).statusCode).toBe(403);
    expect((await t.anon.get('/api/v1/exchange/quality?from=2026-01-15&to=2026-01-15')).statusCode).toBe(401);
  });

  it('rejects malformed, impossible and reversed dates with 400', async () => {
    expect((await report('admin.sun', 'from=2026-1-15&to=2026-01-15')).statusCode).toBe(400);
    const impossible = await report('admin.sun', 'from=2026-02-30&to=2026-03-01');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json()).toMatchObject({ code: 'INVALID_DATE', field: 'from' });
    expect((await report('admin.sun', 'from=2026-02-01&to=2026-01-01')).json().field).toBe('from');
    expect((await report('admin.sun', 'from=2026-01-15')).statusCode).toBe(400);
  });
});
