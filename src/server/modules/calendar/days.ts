import { AppError } from '../../platform/errors/app-error.js';

/**
 * Plain-day helpers. A day is a 'YYYY-MM-DD' string in Asia/Shanghai; internally it is numbered as days since
 * 1970-01-01 so that arithmetic is integer arithmetic. Shanghai has no daylight saving time: UTC+8 all year.
 */
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a day strictly (a real calendar date) or throws 400 INVALID_DATE naming the field. */
export function parseDay(value: unknown, field: string): number {
  const m = typeof value === 'string' ? DAY_PATTERN.exec(value) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (y >= 1900 && back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / MS_PER_DAY;
  }
  throw new AppError('INVALID_DATE', { detail: `${field} 应为有效日期，格式 YYYY-MM-DD`, field });
}

export const dayString = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
export const yearOf = (n: number): number => new Date(n * MS_PER_DAY).getUTCFullYear();
export const firstDayOfYear = (year: number): number => Date.UTC(year, 0, 1) / MS_PER_DAY;
export const lastDayOfYear = (year: number): number => Date.UTC(year, 11, 31) / MS_PER_DAY;

/** Saturday or Sunday: off by default, unless declared a make-up working day (调休上班). */
export function isWeekend(n: number): boolean {
  const weekday = new Date(n * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The Shanghai calendar day an instant falls on. */
export const shanghaiDayOf = (instant: Date): number => Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY);

/** The last millisecond of a Shanghai day (23:59:59.999 +08:00): a deadline "on" a day means until its end. */
export const endOfShanghaiDay = (n: number): Date => new Date((n + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
