import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { completedCase, endedVisit, rate, userId } from './factories.js';
import { FakeCityRatingClient, setCityRatingClient } from '../../src/server/modules/ratings/city-client.js';

let t: TestPlatform;
const city = new FakeCityRatingClient();
beforeAll(async () => {
  t = await createTestPlatform();
  setCityRatingClient(city);
});
afterAll(() => t.close());

describe('case ratings (一事一评)', () => {
  it('a completed case invites its applicant in the app and through the notification outbox', async () => {
    const c = await completedCase(t);
    const inv = (await (await t.as('zhangwei')).get('/api/v1/ratings/invitations')).json().items;
    expect(inv.find((i: { caseId: string }) => i.caseId === c.caseId)).toMatchObject({ kind: 'case', rated: false, itemName: expect.stringContaining('食品经营许可证') });
    const msgs = (await t.db.selectFrom('messages' as never).selectAll().where('template_key' as never, '=', 'rating.invitation' as never).execute()) as Record<string, unknown>[];
    const mine = msgs.filter((m) => m.dedupe_key === `rating-invite:case:${c.caseId}`);
    expect(mine.map((m) => [m.channel, m.user_id])).toEqual([['inbox', await userId(t, 'zhangwei')]]);
    expect(String(mine[0].body)).toContain('食品经营许可证');
  });

  it('only the first rating of a case counts; repeats are kept with their 评价次数 and not counted', async () => {
    const c = await completedCase(t);
    const zw = await t.as('zhangwei');
    const first = await zw.post('/api/v1/ratings', rate(2, { caseId: c.caseId, comment: '很好' }));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ counted: true, ratingSeq: 1, isBad: false, realName: true, channelLabel: 'PC端', levelLabel: '满意' });
    const second = await zw.post('/api/v1/ratings', rate(1, { caseId: c.caseId, channel: 'mobile' }));
    expect(second.json()).toMatchObject({ counted: false, ratingSeq: 2, excludedReason: 'repeat' });
  });

  it('refuses ratings of cases not completed and by anyone but the applicant', async () => {
    const notDone = await (await t.as('zhangwei')).post('/api/v1/ratings', rate(1, { caseId: 'no-such-case' }));
    expect(notDone.statusCode).toBe(403);
    expect(notDone.json().code).toBe('RATING_NOT_ALLOWED');
    const c = await completedCase(t);
    const other = await (await t.as('lina')).post('/api/v1/ratings', rate(5, { caseId: c.caseId }));
    expect(other.json().code).toBe('RATING_NOT_ALLOWED');
    const anon = await t.anon.post('/api/v1/ratings', rate(1, { caseId: c.caseId }));
    expect(anon.statusCode).toBe(401);
  });

  it('rejects bad input with 400 and field names: level out of range, unknown channel, both or neither target', async () => {
    const zw = await t.as('zhangwei');
    for (const body of [rate(6, { caseId: 'x' }), rate(3, { caseId: 'x', channel: 'fax' }), rate(3), rate(3, { caseId: 'x', visitId: 'y' }), rate(3, { caseId: 'x', extra: 1 })]) {
      const r = await zw.post('/api/v1/ratings', body);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('pushes ratings to the city system with retries; the status shows pushed only after acknowledgement', async () => {
    const c = await completedCase(t);
    city.failNext = 1;
    const r = (await (await t.as('zhangwei')).post('/api/v1/ratings', rate(3, { caseId: c.caseId }))).json();
    await t.drain();
    let row = await t.db.selectFrom('ratings').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ push_status: 'pending', push_attempts: 1 });
    await t.db.updateTable('jobs').set({ run_at: new Date() }).where('queue', '=', 'ratings.push').where('state', '=', 'pending').execute();
    await t.drain();
    row = await t.db.selectFrom('ratings').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ push_status: 'pushed', push_attempts: 2 });
    expect(row.city_ref).toMatch(/^HCP-/);
    expect(city.received.find((x) => x.ratingId === r.id)).toMatchObject({ caseNo: c.caseNo, level: 3, realName: true, ratingSeq: 1, regionCode: '310112' });
  });

  it('staff see ratings of their own agency only, without the rater account', async () => {
    const c = await completedCase(t);
    await (await t.as('zhangwei')).post('/api/v1/ratings', rate(2, { caseId: c.caseId }));
    const scj = (await (await t.as('scj.reviewer')).get(`/api/v1/ratings?caseId=${c.caseId}`)).json().items;
    expect(scj).toHaveLength(1);
    expect(scj[0]).not.toHaveProperty('raterUserId');
    const wjw = (await (await t.as('wjw.reviewer')).get(`/api/v1/ratings?caseId=${c.caseId}`)).json().items;
    expect(wjw).toHaveLength(0);
    expect((await (await t.as('zhangwei')).get('/api/v1/ratings')).statusCode).toBe(403);
  });
});

describe('window visit ratings (一次一评) on the hall terminal', () => {
  it('shows the visit that just ended and the staff on duty (masked), without login', async () => {
    const v = await endedVisit(t, { windowId: 'W-01' });
    const page = (await t.anon.get('/api/v1/ratings/windows/W-01')).json();
    expect(page).toMatchObject({ windowId: 'W-01', hallId: 'mh-center', known: true, visit: { visitId: v.id } });
    expect(page.staffOnDuty.name).toMatch(/\*/);
  });

  it('accepts one anonymous rating per visit and refuses a second', async () => {
    const v = await endedVisit(t, { windowId: 'W-02' });
    const ok = await t.anon.post('/api/v1/ratings/windows/W-02', { visitId: v.id, level: 1 }, { 'x-forwarded-for': '10.0.0.2' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ realName: false });
    const again = await t.anon.post('/api/v1/ratings/windows/W-02', { visitId: v.id, level: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');
    expect((await t.anon.get('/api/v1/ratings/windows/W-02')).json().visit).toBeNull();
  });

  it('refuses a visit of another window, and an old visit without the token from the link', async () => {
    const v = await endedVisit(t, { windowId: 'W-03' });
    const wrong = await t.anon.post('/api/v1/ratings/windows/W-99', { visitId: v.id, level: 2 });
    expect(wrong.json().code).toBe('RATING_NOT_ALLOWED');
    await t.db.updateTable('rating_invitations').set({ occurred_at: new Date(Date.now() - 3_600_000) }).where('visit_id', '=', v.id).execute();
    const old = await t.anon.post('/api/v1/ratings/windows/W-03', { visitId: v.id, level: 2 });
    expect(old.json().code).toBe('RATING_NOT_ALLOWED');
    const badToken = await t.anon.post('/api/v1/ratings/windows/W-03', { visitId: v.id, level: 2, visitToken: 'x'.repeat(24) });
    expect(badToken.json().code).toBe('RATING_NOT_ALLOWED');
  });

  it('rate-limits one terminal that keeps posting', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await t.anon.post('/api/v1/ratings/windows/W-X', { visitId: 'nope', level: 1 }, { 'x-forwarded-for': '10.9.9.9' })).statusCode);
    expect(codes).toContain(429);
  });
});
