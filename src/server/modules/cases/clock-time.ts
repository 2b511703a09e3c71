/** Day arithmetic in Asia/Shanghai (UTC+8 all year, no daylight saving), where time limits are counted. */
const OFFSET_MS = 8 * 3600_000;

export { shanghaiDay } from '../../platform/time/shanghai.js';

/** The last millisecond of a Shanghai day: a limit "due on day D" may be met until the end of D. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - OFFSET_MS);
}

export function addNaturalDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function naturalDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

const isWeekday = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** N weekdays (Mon–Fri) after `day`: the estimate used while a year's holidays are not entered in the calendar. */
export function addWeekdays(day: string, days: number): string {
  let d = day;
  for (let left = days; left > 0;) {
    d = addNaturalDays(d, 1);
    if (isWeekday(d)) left--;
  }
  return d;
}

/** Weekdays after `from` up to and including `to` (0 when `to` is not after `from`). */
export function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addNaturalDays(from, 1); d <= to; d = addNaturalDays(d, 1)) if (isWeekday(d)) n++;
  return n;
}
