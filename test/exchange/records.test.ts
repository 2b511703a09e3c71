import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { getCurrentItemVersion } from '../../src/server/modules/catalog/service-contract.js';
import { RecorderClient, useCityPlatformClient } from '../../src/server/modules/exchange/client.js';
import { caseRef, FlakyClient, fastForwardRetries, publishEvent } from './factories.js';

let t: TestPlatform;
let recorder: RecorderClient;
let food: Awaited<ReturnType<typeof getCurrentItemVersion>>;
beforeAll(async () => {
  t = await createTestPlatform();
  food = await getCurrentItemVersion(t.db, 'food-business-licence');
});
afterAll(() => t.close());
afterEach(() => {
  recorder = new RecorderClient();
  useCityPlatformClient(recorder);
});

const recordsOf = (caseId: string) => t.db.selectFrom('exchange_records').selectAll().where('case_id', '=', caseId).orderBy('seq').orderBy('id').execute();
const foodCase = () => caseRef({ itemVersionId: food.id, situationCode: food.situations[0].handlingCode });

describe('case events become national exchange records', () => {
  it('turns case.accepted into a 受理 record with the item code, the acceptance unit, times as YYYYMMDDThhmmss, and pushes it', async () => {
    recorder = new RecorderClient();
    useCityPlatformClient(recorder);
    const ref = foodCase();
    await publishEvent(t.db, 'case.accepted', { ...ref, submittedAt: '2026-03-02T01:00:00.000Z', acceptedAt: '2026-03-02T01:30:05.000Z', deadlineAt: '2026-03-20T09:59:59.000Z' });
    await t.drain();
    const [r] = await recordsOf(ref.caseId);
    expect(r).toMatchObject({ kind: 'accept', source_event: 'case.accepted', seq: 1, step_code: 'SL', state: 'acked', ack_code: '0000', attempts: 1, business_time_inferred: false });
    expect(r.business_time.toISOString()).toBe('2026-03-02T01:30:05.000Z');
    expect(r.uploaded_at).not.toBeNull();
    expect(r.body).toMatchObject({
      caseNo: ref.caseNo,
      handlingCode: food.situations[0].handlingCode,
      itemName: food.name,
      agencyName: food.agencyName,
      agencyUscc: food.implementationCode.slice(0, 18),
      businessTime: '20260302T093005',
      promisedFinishTime: '20260320T175959',
      outcome: '通过',
    });
    expect(recorder.received.map((x) => x.recordId)).toEqual([r.id]);
    expect(recorder.received[0].body.seq).toBe(1);
  });

  it('records each event once even when its job runs twice', async () => {
    const ref = foodCase();
    const payload = { ...ref, acceptedAt: '2026-03-02T02:00:00.000Z' };
    await publishEvent(t.db, 'case.accepted', payload);
    await publishEvent(t.db, 'case.accepted', payload);
    await t.drain();
    expect(await recordsOf(ref.caseId)).toHaveLength(1);
  });

  it('sends the acceptance before steps that arrived earlier, then the steps and the result in business order', async () => {
    const ref = foodCase();
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 's1', nodeId: 'submit', nodeName: '申请', action: 'submit', actorName: '李娜', startedAt: '2026-03-03T01:00:00Z', endedAt: '2026-03-03T01:00:00Z' });
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 's2', nodeId: 'accept', nodeName: '受理', action: 'accept', actorName: '周敏', opinion: '材料齐全', startedAt: '2026-03-03T01:00:00Z', endedAt: '2026-03-03T02:00:00Z' });
    await publishEvent(t.db, 'case.accepted', { ...ref, acceptedAt: '2026-03-03T02:00:00Z' });
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 's3', nodeId: 'review', nodeName: '审查', action: 'send_back', actorName: '王审', startedAt: '2026-03-03T02:00:00Z', endedAt: '2026-03-04T02:00:00Z' });
    await publishEvent(t.db, 'case.completed', { ...ref, completedAt: '2026-03-05T02:00:00Z', outcome: 'approved', result: { licenceName: '食品经营许可证', licenceNo: 'JY23101120001234' } });
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 's9', nodeId: 'end', action: 'end', endedAt: '2026-03-05T02:00:01Z' });
    await t.drain();
    const rows = await recordsOf(ref.caseId);
    expect(rows.map((r) => [r.seq, r.kind, r.step_code, r.state])).toEqual([
      [1, 'accept', 'SL', 'acked'],
      [2, 'step', 'submit', 'acked'],
      [3, 'step', 'accept', 'acked'],
      [4, 'step', 'review', 'acked'],
      [5, 'finish', 'BJ', 'acked'],
    ]);
    expect(rows[3].body).toMatchObject({ action: '退回', stepName: '审查', handler: '王审', startTime: '20260303T100000', endTime: '20260304T100000' });
    expect(rows[4].body).toMatchObject({ outcome: '出证办结', licenceName: '食品经营许可证', licenceNo: 'JY23101120001234' });
  });

  it('holds steps while the case has no acknowledged acceptance', async () => {
    const ref = foodCase();
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 'x1', nodeId: 'submit', action: 'submit', endedAt: '2026-03-03T01:00:00Z' });
    await t.drain();
    expect((await recordsOf(ref.caseId)).map((r) => r.state)).toEqual(['pending']);
  });

  it('makes a refusal to accept (不受理) the case\'s acceptance record so its earlier steps can follow', async () => {
    const ref = foodCase();
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 'n1', nodeId: 'submit', action: 'submit', endedAt: '2026-03-03T01:00:00Z' });
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 'n2', nodeId: 'accept', action: 'not_accept', actorName: '周敏', opinion: '不属于本部门职权范围', endedAt: '2026-03-03T01:10:00Z' });
    await t.drain();
    const rows = await recordsOf(ref.caseId);
    expect(rows.map((r) => [r.kind, r.state])).toEqual([['accept', 'acked'], ['step', 'acked']]);
    expect(rows[0].body).toMatchObject({ outcome: '不受理', reason: '不属于本部门职权范围' });
  });
});

describe('pushing to the city platform', () => {
  it('retries with back-off after a network failure and succeeds later', async () => {
    const flaky = new FlakyClient(1);
    useCityPlatformClient(flaky);
    const ref = foodCase();
    await publishEvent(t.db, 'case.accepted', { ...ref, acceptedAt: new Date().toISOString() });
    await t.drain();
    let [r] = await recordsOf(ref.caseId);
    expect(r).toMatchObject({ state: 'pending', attempts: 1, error_code: 'NETWORK', uploaded_at: null });
    expect(r.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    const retryJobs = await t.db.selectFrom('jobs').select('run_at').where('queue', '=', 'exchange.push').where('state', '=', 'pending').execute();
    expect(retryJobs.length).toBeGreaterThan(0);

    await t.drain(); // nothing is due yet: no new attempt
    expect((await recordsOf(ref.caseId))[0].attempts).toBe(1);

    await fastForwardRetries(t.db);
    await t.drain();
    [r] = await recordsOf(ref.caseId);
    expect(r).toMatchObject({ state: 'acked', attempts: 2, ack_code: '0000', error_code: null });
    expect(flaky.calls).toBe(2);
  });

  it('marks a record the platform rejects with its error code, holds the rest of the case, and lets the center admin send it again', async () => {
    const ref = caseRef(); // no item version and no situation code: the platform refuses it (E101)
    await publishEvent(t.db, 'case.accepted', { ...ref, acceptedAt: '2026-03-06T01:00:00Z' });
    await publishEvent(t.db, 'case.step_completed', { ...ref, stepId: 'r1', nodeId: 'review', action: 'pass', endedAt: '2026-03-06T02:00:00Z' });
    await t.drain();
    let rows = await recordsOf(ref.caseId);
    expect(rows.map((r) => [r.kind, r.state, r.error_code])).toEqual([['accept', 'rejected', 'E101'], ['step', 'pending', null]]);

    const admin = await t.as('admin.sun');
    expect((await (await t.as('sup.zheng')).post(`/api/v1/exchange/records/${rows[0].id}/retry`)).statusCode).toBe(403);
    const res = await admin.post(`/api/v1/exchange/records/${rows[0].id}/retry`);
    expect(res.statusCode).toBe(200);
    const again = await admin.post(`/api/v1/exchange/records/${rows[0].id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EXCHANGE_RECORD_NOT_RETRYABLE');
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', String(rows[0].id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['exchange.retry']);

    // The data was fixed upstream (here: code and unit added), the record goes through and releases the step.
    const fixed = { handlingCode: food.situations[0].handlingCode, agencyUscc: food.implementationCode.slice(0, 18) };
    for (const r of rows) await t.db.updateTable('exchange_records').set({ body: JSON.stringify({ ...r.body, ...fixed }) }).where('id', '=', r.id).execute();
    await t.drain();
    rows = await recordsOf(ref.caseId);
    expect(rows.map((r) => r.state)).toEqual(['acked', 'acked']);
  });

  it('lists records for the center and refuses residents', async () => {
    const list = await (await t.as('admin.sun')).get('/api/v1/exchange/records?state=acked&limit=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items[0]).toHaveProperty('delaySeconds');
    expect((await (await t.as('zhangwei')).get('/api/v1/exchange/records')).statusCode).toBe(403);
    expect((await (await t.as('admin.sun')).get('/api/v1/exchange/records?state=lost')).statusCode).toBe(400);
  });
  it('sends the materials with their 收取方式 on the 申报 record and rejects an e-licence material without its 派生件编号 (E104)', async () => {
    const good = foodCase();
    const materials = [{ materialId: 'm1', name: '营业执照', method: 'e_licence', eLicenceNo: 'DZ-001', fileCount: 0 }, { materialId: 'm2', name: '经营场所证明', method: 'online_upload', eLicenceNo: null, fileCount: 2 }];
    await publishEvent(t.db, 'case.accepted', { ...good, acceptedAt: '2026-03-07T01:00:00Z', actorName: '周敏', acceptanceDocNo: `SL-${good.caseNo}` });
    await publishEvent(t.db, 'case.submitted', { ...good, submittedAt: '2026-03-07T00:30:00Z', materials });
    const bad = foodCase();
    await publishEvent(t.db, 'case.submitted', { ...bad, submittedAt: '2026-03-07T00:40:00Z', materials: [{ ...materials[0], eLicenceNo: null }] });
    await t.drain();
    const records = await recordsOf(good.caseId);
    const accept = records.find((r) => r.kind === 'accept')!;
    const apply = records.find((r) => r.kind === 'apply')!;
    expect(accept.body).toMatchObject({ acceptStaff: '周敏', acceptDocNo: `SL-${good.caseNo}` });
    expect(apply).toMatchObject({ kind: 'apply', state: 'acked' });
    expect((apply.body as any).materials).toEqual([
      { materialName: '营业执照', collectionMethod: '电子证照引用', eLicenceDerivedNo: 'DZ-001', fileCount: 0 },
      { materialName: '经营场所证明', collectionMethod: '上传', eLicenceDerivedNo: null, fileCount: 2 },
    ]);
    expect((await recordsOf(bad.caseId)).find((r) => r.kind === 'apply')).toMatchObject({ kind: 'apply', state: 'rejected', error_code: 'E104' });
  });
});
