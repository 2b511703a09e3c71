import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isWeekend, parseDay, yearOf } from './days.js';
import { invalidateCalendar } from './calendar-index.js';
import { calendarPolicy } from './policy.js';
import type { CalendarDayKind } from './tables.js';
import * as repo from './repository.js';

/** The center admin's maintenance of the calendar (节假日维护): next year's notice needs no software release. */

export interface DayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
  note?: string | null;
}

const view = (r: { day: string; kind: CalendarDayKind; name: string; note: string | null; source: string; updated_at: Date }) => ({
  date: r.day,
  kind: r.kind,
  name: r.name,
  note: r.note,
  source: r.source,
  updatedAt: r.updated_at.toISOString(),
});

/** A make-up working day (调休上班) only makes sense on a weekend; a holiday may fall on any day. */
function checkDay(d: DayInput, prefix: string): number {
  const n = parseDay(d.date, `${prefix}date`);
  if (d.kind === 'workday' && !isWeekend(n)) throw new AppError('CALENDAR_MAKEUP_NOT_WEEKEND', { detail: `${d.date} 不是周六或周日，不能设为调休上班日`, field: `${prefix}kind` });
  return n;
}

async function requireYearCovered(db: Db, year: number, field: string) {
  const covered = await repo.findYear(db, year);
  if (!covered) throw new AppError('DATE_OUT_OF_RANGE', { detail: `${year} 年的节假日安排尚未录入，请先按通知导入整年`, field });
  return covered;
}

export async function listYears(db: Db) {
  const years = await repo.findCoveredYears(db);
  return { years: years.map((y) => ({ year: y.year, notice: y.notice, source: y.source, updatedAt: y.updated_at.toISOString() })) };
}

export async function listDays(db: Db, year: number) {
  const [covered, days] = await Promise.all([repo.findYear(db, year), repo.findDaysOfYear(db, year)]);
  return { year, covered: Boolean(covered), notice: covered?.notice ?? null, days: days.map(view) };
}

/** Adds or changes one day of a covered year (e.g. a late change announced after the notice). */
export async function setDay(db: Db, actor: Actor, input: DayInput) {
  calendarPolicy.require(actor, 'calendar.edit');
  const n = checkDay(input, '');
  await requireYearCovered(db, yearOf(n), 'date');
  const saved = await db.transaction().execute(async (tx) => {
    const before = await repo.findDay(tx, input.date);
    await repo.upsertDay(tx, { day: input.date, kind: input.kind, name: input.name, note: input.note ?? null, source: 'admin', updated_by: actor.userId });
    await recordAudit(tx, actor, {
      action: before ? 'calendar.day_changed' : 'calendar.day_added',
      targetType: 'calendar_day',
      targetId: input.date,
      detail: { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name: input.name } },
    });
    return (await repo.findDay(tx, input.date))!;
  });
  invalidateCalendar();
  return view(saved);
}

/** Removes a special day: the date falls back to the default (weekday working, weekend off). */
export async function removeDay(db: Db, actor: Actor, date: string) {
  calendarPolicy.require(actor, 'calendar.edit');
  parseDay(date, 'date');
  await db.transaction().execute(async (tx) => {
    const before = await repo.findDay(tx, date);
    if (!before) throw notFound('该特殊日期');
    await repo.deleteDay(tx, date);
    await recordAudit(tx, actor, { action: 'calendar.day_removed', targetType: 'calendar_day', targetId: date, detail: { before: { kind: before.kind, name: before.name } } });
  });
  invalidateCalendar();
}

/**
 * Imports a year's arrangement as published (节假日安排通知): replaces every special day of that year and marks the
 * year covered. All entries are checked first, so a bad line changes nothing.
 */
export async function importYear(db: Db, actor: Actor, year: number, input: { notice?: string | null; days: DayInput[] }) {
  calendarPolicy.require(actor, 'calendar.edit');
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    const n = checkDay(d, `days.${i}.`);
    if (yearOf(n) !== year) throw new AppError('INVALID_DATE', { detail: `${d.date} 不属于 ${year} 年`, field: `days.${i}.date` });
    if (seen.has(d.date)) throw new AppError('VALIDATION_FAILED', { detail: `${d.date} 重复出现`, field: `days.${i}.date` });
    seen.add(d.date);
  });
  await db.transaction().execute(async (tx) => {
    const previous = await repo.findDaysOfYear(tx, year);
    await repo.deleteDaysOfYear(tx, year);
    await repo.insertDays(tx, input.days.map((d) => ({ day: d.date, kind: d.kind, name: d.name, note: d.note ?? null, source: 'admin' as const, updated_by: actor.userId })));
    await repo.upsertYear(tx, year, input.notice ?? null, actor.userId);
    await recordAudit(tx, actor, {
      action: 'calendar.year_imported',
      targetType: 'calendar_year',
      targetId: String(year),
      detail: { notice: input.notice ?? null, previousDays: previous.length, days: input.days.length, holidays: input.days.filter((d) => d.kind === 'holiday').length },
    });
  });
  invalidateCalendar();
  return listDays(db, year);
}
