import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const nextAfter = async (from: string, days = 1) => (await t.anon.get(`/api/v1/calendar/add-working-days?from=${from}&days=${days}`)).json();
const auditOf = (action: string, targetId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute();

/** A plausible 2027 notice (dates for the test only). */
const notice2027 = () => ({
  notice: '国务院办公厅关于2027年部分节假日安排的通知',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
  ],
});

describe('calendar maintenance by the center admin', () => {
  it('adds a holiday, which moves the computed dates, and removing it restores them', async () => {
    const admin = await t.as('admin.sun');
    expect(await nextAfter('2026-09-30')).toEqual({ date: '2026-10-08' });
    const put = await admin.put('/api/v1/calendar/days/2026-10-08', { kind: 'holiday', name: '国庆节（延长）', note: '示例' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2026-10-08', kind: 'holiday', name: '国庆节（延长）', source: 'admin' });
    expect(await nextAfter('2026-09-30')).toEqual({ date: '2026-10-09' });
    expect(await auditOf('calendar.day_added', '2026-10-08')).toHaveLength(1);

    const del = await admin.delete('/api/v1/calendar/days/2026-10-08');
    expect(del.statusCode).toBe(200);
    expect(await nextAfter('2026-09-30')).toEqual({ date: '2026-10-08' });
    expect(await auditOf('calendar.day_removed', '2026-10-08')).toHaveLength(1);
  });

  it('changes a seeded day and audits what it was before', async () => {
    const admin = await t.as('admin.sun');
    // Turn the make-up Saturday 10/10 into an ordinary day off by making it a holiday.
    const res = await admin.put('/api/v1/calendar/days/2026-10-10', { kind: 'holiday', name: '国庆节' });
    expect(res.statusCode).toBe(200);
    expect(await nextAfter('2026-09-30', 3)).toEqual({ date: '2026-10-12' });
    const [audit] = await auditOf('calendar.day_changed', '2026-10-10');
    expect(audit.detail).toMatchObject({ before: { kind: 'workday' }, after: { kind: 'holiday' } });
    await admin.put('/api/v1/calendar/days/2026-10-10', { kind: 'workday', name: '国庆节调休上班' });
    expect(await nextAfter('2026-09-30', 3)).toEqual({ date: '2026-10-10' });
  });

  it('imports a new year from its notice, extending the covered range', async () => {
    const admin = await t.as('admin.sun');
    expect((await t.anon.get('/api/v1/calendar/add-working-days?from=2026-12-30&days=5')).json().code).toBe('DATE_OUT_OF_RANGE');
    const res = await admin.put('/api/v1/calendar/years/2027', notice2027());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, covered: true, notice: notice2027().notice });
    expect(res.json().days).toHaveLength(5);
    // 12/31 Thu, then 1/1–3 off, 1/4 Mon … 1/7 Thu.
    expect(await nextAfter('2026-12-30', 5)).toEqual({ date: '2027-01-07' });
    expect((await t.anon.get('/api/v1/calendar/years')).json().years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(await auditOf('calendar.year_imported', '2027')).toHaveLength(1);
  });

  it('replaces a year wholesale on re-import', async () => {
    const admin = await t.as('admin.sun');
    const res = await admin.put('/api/v1/calendar/years/2027', { notice: '更正', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(res.json().days.map((d: { date: string }) => d.date)).toEqual(['2027-01-01']);
    expect(await nextAfter('2027-01-01', 1)).toEqual({ date: '2027-01-04' });
  });

  it('rejects bad entries and changes nothing', async () => {
    const admin = await t.as('admin.sun');
    const weekdayMakeUp = await admin.put('/api/v1/calendar/days/2026-10-14', { kind: 'workday', name: '调休' });
    expect(weekdayMakeUp.statusCode).toBe(400);
    expect(weekdayMakeUp.json()).toMatchObject({ code: 'CALENDAR_MAKEUP_NOT_WEEKEND', field: 'kind' });

    const wrongYear = await admin.put('/api/v1/calendar/years/2028', { days: [{ date: '2027-05-01', kind: 'holiday', name: '劳动节' }] });
    expect(wrongYear.json()).toMatchObject({ code: 'INVALID_DATE', field: 'days.0.date' });
    const duplicate = await admin.put('/api/v1/calendar/years/2028', { days: [{ date: '2028-05-01', kind: 'holiday', name: '劳动节' }, { date: '2028-05-01', kind: 'holiday', name: '劳动节' }] });
    expect(duplicate.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'days.1.date' });
    const badDate = await admin.put('/api/v1/calendar/days/2026-02-30', { kind: 'holiday', name: '错' });
    expect(badDate.json()).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    const uncovered = await admin.put('/api/v1/calendar/days/2030-05-01', { kind: 'holiday', name: '劳动节' });
    expect(uncovered.json()).toMatchObject({ code: 'DATE_OUT_OF_RANGE' });
    const unknownField = await admin.put('/api/v1/calendar/days/2026-10-15', { kind: 'holiday', name: 'x', force: true });
    expect(unknownField.json().code).toBe('VALIDATION_FAILED');
    const missing = await admin.delete('/api/v1/calendar/days/2026-03-10');
    expect(missing.statusCode).toBe(404);

    expect((await t.anon.get('/api/v1/calendar/days?year=2028')).json()).toMatchObject({ covered: false, days: [] });
  });

  it('allows only the center admin to edit', async () => {
    for (const login of ['scj.admin', 'clerk.zhou', 'sup.zheng', 'zhangwei']) {
      const r = await t.as(login);
      expect((await r.put('/api/v1/calendar/days/2026-10-15', { kind: 'holiday', name: '越权' })).statusCode, login).toBe(403);
      expect((await r.put('/api/v1/calendar/years/2029', notice2027())).statusCode, login).toBe(403);
      expect((await r.delete('/api/v1/calendar/days/2026-10-01')).statusCode, login).toBe(403);
    }
    expect((await t.anon.put('/api/v1/calendar/days/2026-10-15', { kind: 'holiday', name: '越权' })).statusCode).toBe(401);
    expect(await nextAfter('2026-10-14')).toEqual({ date: '2026-10-15' });
  });
});
