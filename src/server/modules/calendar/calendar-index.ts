import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { dayString, firstDayOfYear, isWeekend, lastDayOfYear, yearOf } from './days.js';
import * as repo from './repository.js';

/**
 * The calendar as prefix sums: `cumulative[i]` is the number of working days in [start, start + i]. Counting the
 * working days between two dates is then one subtraction and adding N working days one binary search, so the
 * deadline arithmetic of every case costs microseconds and no database round trip.
 */
export interface CalendarIndex {
  start: number;
  end: number;
  cumulative: Int32Array;
  coveredYears: Set<number>;
}

export function buildIndex(days: { day: string; kind: 'holiday' | 'workday' }[], years: number[]): CalendarIndex {
  const coveredYears = new Set(years);
  if (years.length === 0) return { start: 0, end: -1, cumulative: new Int32Array(0), coveredYears };
  const start = firstDayOfYear(Math.min(...years));
  const end = lastDayOfYear(Math.max(...years));
  const special = new Map(days.map((d) => [d.day, d.kind]));
  const cumulative = new Int32Array(end - start + 1);
  let count = 0;
  for (let n = start; n <= end; n++) {
    const kind = special.get(dayString(n));
    if (kind ? kind === 'workday' : !isWeekend(n)) count++;
    cumulative[n - start] = count;
  }
  return { start, end, cumulative, coveredYears };
}

/** Other server copies pick up an admin's edit when their copy expires: well within a minute. */
const MAX_AGE_MS = 30_000;
let cached: { index: CalendarIndex; loadedAt: number } | null = null;
let loading: Promise<CalendarIndex> | null = null;
let generation = 0;

export async function calendarIndex(db: Executor): Promise<CalendarIndex> {
  if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.index;
  if (!loading) {
    const startedAt = generation;
    loading = (async () => {
      const [days, years] = await Promise.all([repo.findAllDays(db), repo.findCoveredYears(db)]);
      const index = buildIndex(days, years.map((y) => y.year));
      // An edit committed while this load ran may not be in it: keep it for this caller only.
      if (startedAt === generation) cached = { index, loadedAt: Date.now() };
      return index;
    })().finally(() => (loading = null));
  }
  return loading;
}

/** Called after an edit commits, so this process answers with the new calendar at once. */
export function invalidateCalendar(): void {
  generation++;
  cached = null;
  loading = null;
}

function coverageText(index: CalendarIndex): string {
  const years = [...index.coveredYears].sort((a, b) => a - b);
  return years.length ? `${years[0]}–${years[years.length - 1]} 年` : '（尚无年份）';
}

/** Every year from `from` to `to` must have its holiday arrangement entered: never guess a year's holidays. */
export function requireCovered(index: CalendarIndex, from: number, to: number, field: string): void {
  for (let y = yearOf(Math.min(from, to)); y <= yearOf(Math.max(from, to)); y++) {
    if (!index.coveredYears.has(y)) {
      throw new AppError('DATE_OUT_OF_RANGE', {
        detail: `工作日历尚未录入 ${y} 年的节假日安排（已覆盖 ${coverageText(index)}），无法计算工作日`,
        field,
        extra: { coveredYears: [...index.coveredYears].sort((a, b) => a - b) },
      });
    }
  }
}

export const workingAt = (index: CalendarIndex, n: number): boolean =>
  index.cumulative[n - index.start] - (n > index.start ? index.cumulative[n - index.start - 1] : 0) === 1;

/** Working days in (from, to]; both inside the index. */
export const countAfter = (index: CalendarIndex, from: number, to: number): number => index.cumulative[to - index.start] - index.cumulative[from - index.start];

/** The first day after `from` on which `days` (> 0) working days have elapsed, or null past the index's end. */
export function dayAfterWorkingDays(index: CalendarIndex, from: number, days: number): number | null {
  const target = index.cumulative[from - index.start] + days;
  let lo = from + 1;
  let hi = index.end;
  if (lo > hi || index.cumulative[hi - index.start] < target) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.cumulative[mid - index.start] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
