import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { completedCase, endedVisit, rate } from '../ratings/factories.js';
import { act, walkToCallback } from '../workorders/factories.js';
import { FakeCityRatingClient, setCityRatingClient } from '../../src/server/modules/ratings/city-client.js';

let t: TestPlatform;
const city = new FakeCityRatingClient();
beforeAll(async () => {
  t = await createTestPlatform();
  setCityRatingClient(city);
});
afterAll(() => t.close());

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
type Figure = { key: string; numerator: number; denominator: number; value: number | null; numeratorText?: string };
async function figures(login = 'sup.zheng', query = `from=${today}&to=${today}`) {
  const r = await (await t.as(login)).get(`/api/v1/analytics/indicators?${query}`);
  expect(r.statusCode).toBe(200);
  return Object.fromEntries((r.json().figures as Figure[]).map((f) => [f.key, f])) as Record<string, Figure & Record<string, number>>;
}
async function rateCase(caseId: string, level: number, comment?: string, login = 'zhangwei') {
  const r = await (await t.as(login)).post('/api/v1/ratings', rate(level, { caseId, ...(comment ? { comment } : {}) }));
  expect(r.statusCode).toBe(201);
  await t.drain();
  return r.json();
}
const orderOf = (ratingId: string) => t.db.selectFrom('work_orders').selectAll().where('rating_id', '=', ratingId).executeTakeFirstOrThrow();

describe('indicators against a hand-computed fixture', () => {
  it('computes each indicator with its definition from live data', async () => {
    const before = await figures();

    // Five 市场监管局 cases and one 查询类 case complete today.
    const [A, B, C, D, E] = [await completedCase(t), await completedCase(t), await completedCase(t), await completedCase(t), await completedCase(t)];
    const Q = await completedCase(t, { itemKey: 'social-insurance-record-query' });
    void D; // completed, never rated

    await rateCase(A.caseId, 2);
    await rateCase(A.caseId, 5, '重复评价不计'); // repeat: kept, not counted, no order
    const rB = await rateCase(B.caseId, 5, '让我跑了三次'); // 差评 → order, rectified on time with callback
    const rE = await rateCase(E.caseId, 5, '恶意差评'); // 差评 → appeal upheld, excluded
    await rateCase(Q.caseId, 1);
    const v = await endedVisit(t, { windowId: 'W-IND' });
    expect((await t.anon.post('/api/v1/ratings/windows/W-IND', { visitId: v.id, level: 5, comment: '态度差' })).statusCode).toBe(201); // anonymous 差评
    await t.drain();
    city.failNext = 1000; // C's rating never reaches the city system
    const rC = await rateCase(C.caseId, 4); // no comment → 意见建议, real-name, left open and overdue

    const oB = await orderOf(rB.id);
    await walkToCallback(t, oB.id);
    expect((await act(t, 'sup.zheng', oB.id, 'close')).statusCode).toBe(200);
    const oE = await orderOf(rE.id);
    await act(t, 'scj.reviewer', oE.id, 'appeal', { reason: '同行恶意差评' });
    await act(t, 'sup.zheng', oE.id, 'decide-appeal', { decision: 'upheld', note: '属实' });
    const oC = await orderOf(rC.id);
    await act(t, 'scj.reviewer', oC.id, 'sign');
    await t.db.updateTable('work_orders').set({ stage_due_at: new Date(Date.now() - 60_000) }).where('id', '=', oC.id).execute();

    const after = await figures();
    city.failNext = 0;
    const delta = (key: string, field: string) => Number(after[key][field]) - Number(before[key][field]);
    // 办件评价率: completed A–E (Q is 查询类) = 5; pushed counted ratings A, B, E = 3 (C not acknowledged)
    expect([delta('case_rating_rate', 'numerator'), delta('case_rating_rate', 'denominator'), delta('case_rating_rate', 'ratedLocally')]).toEqual([3, 5, 4]);
    // 差评率: counted ratings A, B, C, E, Q, visit = 6; bad B, C, visit = 3 (E upheld on appeal, A's repeat not counted)
    expect([delta('bad_rate', 'numerator'), delta('bad_rate', 'denominator')]).toEqual([3, 6]);
    // 平均等级: 2 + 5 + 4 + 5 + 1 + 5 = 22 over 6
    expect([delta('average_level', 'numerator'), delta('average_level', 'denominator')]).toEqual([22, 6]);
    // bad-rating orders B, C, visit = 3 (E excluded); rectified and on time: B; real-name: B, C; called back: B
    expect([delta('bad_rectified_rate', 'numerator'), delta('bad_rectified_rate', 'denominator')]).toEqual([1, 3]);
    expect([delta('bad_rectified_on_time_rate', 'numerator'), delta('bad_rectified_on_time_rate', 'denominator')]).toEqual([1, 3]);
    expect([delta('real_name_callback_rate', 'numerator'), delta('real_name_callback_rate', 'denominator')]).toEqual([1, 2]);
    expect(delta('overdue_orders', 'overdueOpen')).toBe(1);
    for (const f of Object.values(after)) {
      expect(f.name && (f as unknown as { definition: { numerator: string; denominator: string; excluded: string } }).definition.excluded).toBeTruthy();
      if (f.key !== 'overdue_orders' && f.key !== 'average_level') expect(f.value).toBe(f.denominator ? Math.round((f.numerator / f.denominator) * 10_000) / 10_000 : null);
    }
  });

  it('breaks figures down per agency and per item, and lists orders by source and stage', async () => {
    const r = (await (await t.as('sup.zheng')).get(`/api/v1/analytics/indicators?from=${today}&to=${today}`)).json();
    const scj = r.perAgency.find((a: { agencyId: string }) => a.agencyId === 'mh-scjgj');
    expect(scj.completedCases).toBeGreaterThanOrEqual(5);
    expect(r.perItem.some((i: { itemName: string }) => i.itemName.includes('食品经营许可证'))).toBe(true);
    expect(r.workOrders.bySourceAndStage).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'bad_rating', status: 'closed' })]));
    const own = (await (await t.as('scj.admin')).get(`/api/v1/analytics/indicators?from=${today}&to=${today}&agencyId=mh-scjgj`)).json();
    expect(own.range).toMatchObject({ scope: 'agency', agencyId: 'mh-scjgj' });
    expect(own.perAgency.every((a: { agencyId: string }) => a.agencyId === 'mh-scjgj')).toBe(true);
  });

  it('limits who may see which figures and rejects bad ranges', async () => {
    expect((await (await t.as('scj.admin')).get(`/api/v1/analytics/indicators?from=${today}&to=${today}`)).statusCode).toBe(403);
    expect((await (await t.as('scj.admin')).get(`/api/v1/analytics/indicators?from=${today}&to=${today}&agencyId=mh-wjw`)).statusCode).toBe(403);
    expect((await (await t.as('zhangwei')).get(`/api/v1/analytics/indicators?from=${today}&to=${today}`)).statusCode).toBe(403);
    const sup = await t.as('sup.zheng');
    expect((await sup.get('/api/v1/analytics/indicators?from=2026-13-01&to=2026-12-01')).statusCode).toBe(400);
    expect((await sup.get('/api/v1/analytics/indicators?from=2026-12-02&to=2026-12-01')).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});
