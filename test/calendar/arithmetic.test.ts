import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { addWorkingDays, dueDate, isWorkingDay, workingDaysBetween, workingDaysElapsed } from '../../src/server/modules/calendar/service.js';
import { invalidateCalendar } from '../../src/server/modules/calendar/calendar-index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const add = (from: string, days: number) => t.anon.get(`/api/v1/calendar/add-working-days?from=${from}&days=${days}`);
const between = (from: string, to: string) => t.anon.get(`/api/v1/calendar/working-days?from=${from}&to=${to}`);

/** Every date from a to b inclusive. */
function span(a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${a}T00:00:00Z`); d <= new Date(`${b}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe('calendar seed', () => {
  it('holds the 2026 arrangement exactly as the State Council notice (standards.md)', async () => {
    const res = await t.anon.get('/api/v1/calendar/days?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.covered).toBe(true);
    const off = body.days.filter((d: { kind: string }) => d.kind === 'holiday').map((d: { date: string }) => d.date);
    const makeUp = body.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { date: string }) => d.date);
    expect(off).toEqual([
      ...span('2026-01-01', '2026-01-03'), ...span('2026-02-15', '2026-02-23'), ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'), ...span('2026-06-19', '2026-06-21'), ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ]);
    expect(makeUp).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(body.days.find((d: { date: string }) => d.date === '2026-10-01').name).toBe('国庆节');
    expect(body.days.find((d: { date: string }) => d.date === '2026-04-05').name).toBe('清明节');
  });

  it('records 2024–2026 as the covered years', async () => {
    const res = await t.anon.get('/api/v1/calendar/years');
    expect(res.json().years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
  });
});

describe('working-day arithmetic', () => {
  it('skips the 2026 National Day span and counts the make-up Saturday 10/10', async () => {
    expect(await addWorkingDays(t.db, '2026-09-30', 1)).toBe('2026-10-08');
    expect(await addWorkingDays(t.db, '2026-09-30', 2)).toBe('2026-10-09');
    expect(await addWorkingDays(t.db, '2026-09-30', 3)).toBe('2026-10-10');
    expect(await addWorkingDays(t.db, '2026-09-30', 4)).toBe('2026-10-12');
  });

  it('counts the make-up Sunday 9/20 and skips the Mid-Autumn Friday 9/25', async () => {
    expect(await addWorkingDays(t.db, '2026-09-18', 1)).toBe('2026-09-20');
    expect(await addWorkingDays(t.db, '2026-09-24', 1)).toBe('2026-09-28');
  });

  it('counts the Spring Festival make-up Saturdays 2/14 and 2/28 and skips 2/15–23', async () => {
    expect(await addWorkingDays(t.db, '2026-02-13', 1)).toBe('2026-02-14');
    expect(await addWorkingDays(t.db, '2026-02-13', 2)).toBe('2026-02-24');
    expect(await workingDaysBetween(t.db, '2026-02-13', '2026-02-28')).toBe(6);
    expect(await workingDaysBetween(t.db, '2026-02-14', '2026-02-23')).toBe(0);
  });

  it('starts counting after a holiday start day, and days=0 answers the start day itself', async () => {
    expect(await addWorkingDays(t.db, '2026-10-01', 1)).toBe('2026-10-08');
    expect(await addWorkingDays(t.db, '2026-10-01', 0)).toBe('2026-10-01');
    expect(await addWorkingDays(t.db, '2026-10-09', 0)).toBe('2026-10-09');
  });

  it('is the inverse of counting: N working days after from end on a day with N working days between', async () => {
    for (const n of [1, 5, 20, 60, 200]) {
      const due = await addWorkingDays(t.db, '2024-12-27', n);
      expect(await workingDaysBetween(t.db, '2024-12-27', due)).toBe(n);
      expect(await isWorkingDay(t.db, due)).toBe(true);
    }
  });

  it('answers a negative count when to is before from', async () => {
    expect(await workingDaysBetween(t.db, '2026-10-12', '2026-09-30')).toBe(-4);
  });

  it('tells working days from holidays and weekends', async () => {
    expect(await isWorkingDay(t.db, '2026-10-10')).toBe(true);
    expect(await isWorkingDay(t.db, '2026-10-05')).toBe(false);
    expect(await isWorkingDay(t.db, '2026-10-17')).toBe(false);
    expect(await isWorkingDay(t.db, '2026-10-16')).toBe(true);
  });

  it('refuses to guess beyond the covered years', async () => {
    await expect(addWorkingDays(t.db, '2026-12-30', 5)).rejects.toMatchObject({ code: 'DATE_OUT_OF_RANGE', field: 'days' });
    await expect(addWorkingDays(t.db, '2023-06-01', 1)).rejects.toMatchObject({ code: 'DATE_OUT_OF_RANGE', field: 'from' });
    await expect(workingDaysBetween(t.db, '2026-12-01', '2027-01-05')).rejects.toMatchObject({ code: 'DATE_OUT_OF_RANGE', field: 'to' });
    expect(await addWorkingDays(t.db, '2026-12-30', 1)).toBe('2026-12-31');
  });
});

describe('deadlines', () => {
  it('ends a working-day limit at 23:59:59.999 Shanghai time of the due day', async () => {
    const due = await dueDate(t.db, new Date('2026-09-30T10:00:00+08:00'), { days: 1, unit: 'working' });
    expect(due.toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('counts from the Shanghai day, not the UTC day, of the start instant', async () => {
    // 2026-02-13 17:00 UTC is already Saturday 2/14 01:00 in Shanghai (a make-up working day, which does not count).
    const due = await dueDate(t.db, new Date('2026-02-13T17:00:00Z'), { days: 1, unit: 'working' });
    expect(due.toISOString()).toBe('2026-02-24T15:59:59.999Z');
  });

  it('adds calendar days for a natural-day limit, holidays included', async () => {
    const due = await dueDate(t.db, new Date('2026-09-30T10:00:00+08:00'), { days: 3, unit: 'natural' });
    expect(due.toISOString()).toBe('2026-10-03T15:59:59.999Z');
  });

  it('gives a same-day deadline for an immediate (即办) limit of 0 working days', async () => {
    const due = await dueDate(t.db, new Date('2026-03-02T09:00:00+08:00'), { days: 0, unit: 'working' });
    expect(due.toISOString()).toBe('2026-03-02T15:59:59.999Z');
  });

  it('measures the working days a case has used', async () => {
    expect(await workingDaysElapsed(t.db, new Date('2026-09-30T09:00:00+08:00'), new Date('2026-10-09T18:00:00+08:00'))).toBe(2);
  });
});

describe('public endpoints', () => {
  it('answers add-working-days and working-days in the documented shapes', async () => {
    const a = await add('2026-09-30', 3);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual({ date: '2026-10-10' });
    const b = await between('2026-09-30', '2026-10-12');
    expect(b.json()).toEqual({ days: 4 });
  });

  it('rejects bad dates with 400 INVALID_DATE naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/calendar/add-working-days?from=2026-02-30&days=1', 'from'],
      ['/api/v1/calendar/add-working-days?from=20261001&days=1', 'from'],
      ['/api/v1/calendar/add-working-days?from=&days=1', 'from'],
      ['/api/v1/calendar/working-days?from=2026-10-01&to=2026-13-01', 'to'],
      ['/api/v1/calendar/working-days?from=yesterday&to=2026-10-01', 'from'],
    ]) {
      const res = await t.anon.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'INVALID_DATE', field });
    }
  });

  it('bounds N to 0..3650 and rejects a missing or non-numeric N', async () => {
    for (const days of ['-1', '3651', '1.5', 'abc', '']) {
      const res = await t.anon.get(`/api/v1/calendar/add-working-days?from=2026-01-05&days=${days}`);
      expect(res.statusCode, days).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.anon.get('/api/v1/calendar/add-working-days?from=2026-01-05')).statusCode).toBe(400);
  });

  it('documents the calendar and message endpoints in OpenAPI', async () => {
    const res = await t.anon.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/calendar/add-working-days', '/api/v1/calendar/working-days', '/api/v1/calendar/days/{date}', '/api/v1/calendar/years/{year}', '/api/v1/messages', '/api/v1/messages/deliveries']) {
      expect(paths, p).toContain(p);
    }
  });

  it('answers 400 for a non-numeric year', async () => {
    expect((await t.anon.get('/api/v1/calendar/days?year=abc')).statusCode).toBe(400);
    expect((await (await t.as('admin.sun')).put('/api/v1/calendar/years/20x7', { days: [] })).statusCode).toBe(400);
  });

  it('answers 400 DATE_OUT_OF_RANGE beyond the calendar', async () => {
    const res = await add('2026-12-30', 5);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'DATE_OUT_OF_RANGE', coveredYears: [2024, 2025, 2026] });
  });
});

describe('cache', () => {
  it('picks up an edit made by another server copy within a minute', async () => {
    invalidateCalendar();
    expect(await addWorkingDays(t.db, '2026-03-02', 1)).toBe('2026-03-03');
    // Another copy's edit reaches the database but not this process's memory.
    await t.db.insertInto('calendar_days').values({ day: '2026-03-03', kind: 'holiday', name: '测试休假', source: 'admin' }).execute();
    expect(await addWorkingDays(t.db, '2026-03-02', 1)).toBe('2026-03-03');
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 60_000);
    try {
      expect(await addWorkingDays(t.db, '2026-03-02', 1)).toBe('2026-03-04');
    } finally {
      clock.mockRestore();
      await t.db.deleteFrom('calendar_days').where('day', '=', '2026-03-03').execute();
      invalidateCalendar();
    }
  });
});
