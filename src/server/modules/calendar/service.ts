import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { dayString, endOfShanghaiDay, parseDay, shanghaiDayOf } from './days.js';
import { calendarIndex, countAfter, dayAfterWorkingDays, requireCovered, workingAt } from './calendar-index.js';

/**
 * The calendar's contract (docs/contracts.md): working-day arithmetic over the official holiday arrangement.
 * Working days (工作日) are Monday–Friday except holidays (节假日), plus make-up weekend days (调休上班).
 */

export const MAX_DAYS = 3650;

function checkDayCount(days: number, field = 'days'): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', { detail: `${field} 应为 0 到 ${MAX_DAYS} 之间的整数`, field });
  }
}

export async function isWorkingDay(db: Executor, date: string): Promise<boolean> {
  const n = parseDay(date, 'date');
  const index = await calendarIndex(db);
  requireCovered(index, n, n, 'date');
  return workingAt(index, n);
}

/**
 * The date on which `days` working days after `from` have elapsed; `from` itself does not count (期间开始之日不计算在内).
 * With days = 0 the answer is `from` itself, whatever kind of day it is.
 */
export async function addWorkingDays(db: Executor, from: string, days: number): Promise<string> {
  const start = parseDay(from, 'from');
  checkDayCount(days);
  const index = await calendarIndex(db);
  requireCovered(index, start, start, 'from');
  if (days === 0) return from;
  const due = dayAfterWorkingDays(index, start, days);
  if (due === null) requireCovered(index, start, index.end + 1, 'days');
  requireCovered(index, start, due!, 'days');
  return dayString(due!);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export async function workingDaysBetween(db: Executor, from: string, to: string): Promise<number> {
  const a = parseDay(from, 'from');
  const b = parseDay(to, 'to');
  const index = await calendarIndex(db);
  requireCovered(index, a, a, 'from');
  requireCovered(index, a, b, 'to');
  return b >= a ? countAfter(index, a, b) : -countAfter(index, b, a);
}

/** Working days elapsed from an instant's Shanghai day to another's (e.g. how much of a limit a case has used). */
export async function workingDaysElapsed(db: Executor, start: Date, now: Date = new Date()): Promise<number> {
  return workingDaysBetween(db, dayString(shanghaiDayOf(start)), dayString(shanghaiDayOf(now)));
}

/**
 * The deadline of a time limit started at `start`: the end (23:59:59.999 Asia/Shanghai) of the due day. Natural-day
 * limits add calendar days; working-day limits count working days after the start's Shanghai day.
 */
export async function dueDate(db: Executor, start: Date, limit: { days: number; unit: 'working' | 'natural' }): Promise<Date> {
  checkDayCount(limit.days, 'limit.days');
  const startDay = shanghaiDayOf(start);
  if (limit.unit === 'natural') return endOfShanghaiDay(startDay + limit.days);
  const due = await addWorkingDays(db, dayString(startDay), limit.days);
  return endOfShanghaiDay(parseDay(due, 'due'));
}
