import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { completedCase, endedVisit, rate } from '../ratings/factories.js';
import { act, walkToCallback } from '../workorders/factories.js';
import * as ratings from '../../src/server/modules/ratings/figures.js';
import * as ratingsLive from '../../src/server/modules/ratings/figures-live.js';
import * as orders from '../../src/server/modules/workorders/figures.js';
import * as ordersLive from '../../src/server/modules/workorders/figures-live.js';
import { FakeCityRatingClient, setCityRatingClient } from '../../src/server/modules/ratings/city-client.js';
import { shanghaiDays } from '../../src/server/platform/time/shanghai.js';

let t: TestPlatform;
const city = new FakeCityRatingClient();
beforeAll(async () => {
  t = await createTestPlatform();
  setCityRatingClient(city);
});
afterAll(() => t.close());

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const byAgency = <T extends { agency_id: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.agency_id).localeCompare(String(b.agency_id)));

async function rateCase(caseId: string, level: number, comment?: string) {
  const r = await (await t.as('zhangwei')).post('/api/v1/ratings', rate(level, { caseId, ...(comment ? { comment } : {}) }));
  expect(r.statusCode).toBe(201);
  await t.drain();
  return r.json();
}
const orderOf = (ratingId: string) => t.db.selectFrom('work_orders').selectAll().where('rating_id', '=', ratingId).executeTakeFirstOrThrow();

/** Every figure read from the daily summary tables equals the same figure computed from the rows themselves. */
async function expectSummaryMatchesRows(agencyId: string | null) {
  const r = { from: dayStart(today), to: new Date(dayStart(today).getTime() + 86_400_000), agencyId };
  expect(byAgency(await ratings.caseRatingCoverage(t.db, r))).toEqual(byAgency(await ratingsLive.caseRatingCoverageLive(t.db, r)));
  expect(byAgency(await ratings.ratingLevels(t.db, r))).toEqual(byAgency(await ratingsLive.ratingLevelsLive(t.db, r)));
  expect(await ratings.ratingLevelsPerItem(t.db, r)).toEqual(await ratingsLive.ratingLevelsPerItemLive(t.db, r));
  expect(byAgency(await orders.badRatingFollowUp(t.db, r))).toEqual(byAgency(await ordersLive.badRatingFollowUpLive(t.db, r)));
  expect(await orders.ordersBySourceAndStage(t.db, r)).toEqual(await ordersLive.ordersBySourceAndStageLive(t.db, r));
}

describe('daily summary tables', () => {
  it('agree with a direct computation after ratings, work orders, reopen, appeal, push and import changes', async () => {
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await completedCase(t));
    const query = await completedCase(t, { itemKey: 'social-insurance-record-query' });
    await rateCase(cases[0].caseId, 1);
    await rateCase(cases[0].caseId, 5, '重复评价'); // repeat: kept, not counted
    const bad = await rateCase(cases[1].caseId, 5, '让我跑了三次'); // 差评 → rectified, reopened once, closed
    const appealed = await rateCase(cases[2].caseId, 4, '恶意差评'); // 差评 → appeal upheld
    city.failNext = 1000;
    const unpushed = await rateCase(cases[3].caseId, 4); // 意见建议, not acknowledged by the city
    city.failNext = 0;
    await rateCase(query.caseId, 2);
    const v = await endedVisit(t, { windowId: 'W-SUM' });
    expect((await t.anon.post('/api/v1/ratings/windows/W-SUM', { visitId: v.id, level: 5, comment: '态度差' })).statusCode).toBe(201);
    await t.drain();
    await expectSummaryMatchesRows(null);

    const o = await orderOf(bad.id);
    await walkToCallback(t, o.id, 'unsatisfied'); // reopens to 整改
    await act(t, 'scj.reviewer', o.id, 'finish', { resolution: '再次整改' });
    await act(t, 'scj.reviewer', o.id, 'callback', { outcome: 'satisfied', resolved: true });
    expect((await act(t, 'sup.zheng', o.id, 'close')).statusCode).toBe(200);
    const oa = await orderOf(appealed.id);
    await act(t, 'scj.reviewer', oa.id, 'appeal', { reason: '恶意差评' });
    await act(t, 'sup.zheng', oa.id, 'decide-appeal', { decision: 'upheld', note: '属实' });
    const ou = await orderOf(unpushed.id);
    await act(t, 'scj.reviewer', ou.id, 'return', { reason: '非本单位事项' });
    await act(t, 'sup.zheng', ou.id, 'dispatch', { agencyId: 'mh-wjw' });
    // a later push acknowledges the rating that failed before
    await t.db.updateTable('ratings').set({ push_status: 'pushed', pushed_at: new Date() }).where('id', '=', unpushed.id).execute();
    const sup = await t.as('sup.zheng');
    const csv = ['工单编号,来电时间,诉求类型,承办单位,诉求内容', 'S2026000001,2026-11-20 09:30,咨询,mh-scjgj,咨询', 'S2026000002,2026-11-20 09:30,投诉,mh-wjw,投诉'];
    await sup.post('/api/v1/workorders/imports/text', { fileName: 's.csv', format: 'csv', content: csv.join('\n') });
    await t.drain();
    csv[1] = 'S2026000001,2026-11-20 09:30,求助,mh-rsj,改派'; // re-import moves the unsigned ticket to another unit
    await sup.post('/api/v1/workorders/imports/text', { fileName: 's.csv', format: 'csv', content: csv.join('\n') });
    await t.drain();

    await expectSummaryMatchesRows(null);
    await expectSummaryMatchesRows('mh-scjgj');
    await expectSummaryMatchesRows('mh-wjw');
    const rsj = await orders.ordersBySourceAndStage(t.db, { from: dayStart(today), to: new Date(dayStart(today).getTime() + 86_400_000), agencyId: 'mh-rsj' });
    expect(rsj).toContainEqual({ source: 'hotline', status: 'pending_sign', n: 1 });
  });

  it('computes ranges that do not fall on Shanghai midnights from the rows themselves', async () => {
    const from = new Date(dayStart(today).getTime() + 3_600_000);
    const r = { from, to: new Date(Date.now() + 3_600_000), agencyId: null };
    expect(await orders.ordersBySourceAndStage(t.db, r)).toEqual(await ordersLive.ordersBySourceAndStageLive(t.db, r));
    expect(await ratings.ratingLevels(t.db, r)).toEqual(await ratingsLive.ratingLevelsLive(t.db, r));
    expect(shanghaiDays(r)).toBeNull();
    expect(shanghaiDays({ from: dayStart('2026-01-01'), to: dayStart('2027-01-01'), agencyId: null })).toEqual({ fromDay: '2026-01-01', toDay: '2027-01-01' });
  });
});
