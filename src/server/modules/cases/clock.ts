import type { Executor } from '../../platform/db/database.js';
import { cancelJobs, enqueue } from '../../platform/jobs/queue.js';
import { addNaturalDays, addWeekdays, endOfShanghaiDay, naturalDaysBetween, shanghaiDay, weekdaysBetween } from './clock-time.js';
import { WARN_SHARE } from './constants.js';
import type { CaseRow } from './engine/engine.js';
import { addWorkingDays, dueDate, workingDaysBetween, type ItemVersionView } from './ports.js';
import * as repo from './repository.js';
import type { LimitUnit } from './tables.js';

export const DEADLINE_QUEUE = 'cases.deadline';
export const CORRECTION_QUEUE = 'cases.correction-timeout';

/**
 * Next year's holidays are published by the State Council late in the year and entered by the center admin; until
 * then the calendar refuses (DATE_OUT_OF_RANGE). A 受理 or 补正 must not be refused for that, so the arithmetic
 * falls back to Mon–Fri weekdays for such dates and says so in the log; the dates are re-planned on the next
 * pause/extension like any other.
 */
async function orWeekdays<T>(exact: () => Promise<T>, estimate: () => T): Promise<T> {
  try {
    return await exact();
  } catch (err) {
    if ((err as { code?: string }).code !== 'DATE_OUT_OF_RANGE') throw err;
    console.warn(`[tongban] cases: ${(err as Error & { detail?: string }).detail ?? (err as Error).message}; counting Mon–Fri weekdays instead`);
    return estimate();
  }
}

async function shiftDay(db: Executor, day: string, days: number, unit: LimitUnit): Promise<string> {
  if (days === 0) return day;
  return unit === 'working' ? orWeekdays(() => addWorkingDays(db, day, days), () => addWeekdays(day, days)) : addNaturalDays(day, days);
}

async function daysBetween(db: Executor, from: string, to: string, unit: LimitUnit): Promise<number> {
  if (from >= to) return 0;
  return unit === 'working' ? orWeekdays(() => workingDaysBetween(db, from, to), () => weekdaysBetween(from, to)) : naturalDaysBetween(from, to);
}

/**
 * The deadline at acceptance (M4): from the committed limit via the working-day calendar; a 即办件 is due the same
 * day. The yellow warning is due when the configured share of the limit has elapsed, counted in the limit's units.
 */
export async function deadlineAtAcceptance(db: Executor, item: ItemVersionView, acceptedAt: Date) {
  const limit = item.committedLimit;
  const today = shanghaiDay(acceptedAt);
  if (item.immediate || limit.days === 0) {
    const deadline = endOfShanghaiDay(today);
    return { deadline, warnAt: new Date(acceptedAt.getTime() + WARN_SHARE * (deadline.getTime() - acceptedAt.getTime())) };
  }
  const deadline = await orWeekdays(() => dueDate(db, acceptedAt, limit), () => endOfShanghaiDay(limit.unit === 'working' ? addWeekdays(today, limit.days) : addNaturalDays(today, limit.days)));
  const warnDays = Math.floor(WARN_SHARE * limit.days);
  const warnAt = warnDays === 0
    ? new Date(acceptedAt.getTime() + WARN_SHARE * (deadline.getTime() - acceptedAt.getTime()))
    : endOfShanghaiDay(await shiftDay(db, today, warnDays, limit.unit));
  return { deadline, warnAt };
}

/**
 * (Re)plans the case's two warning timers: cancels the pending ones and enqueues them at the current times.
 * Each carries the time it was planned for; the handler ignores a timer whose time is no longer the case's.
 */
export async function planTimers(db: Executor, c: CaseRow): Promise<void> {
  await cancelJobs(db, DEADLINE_QUEUE, `case:${c.id}:`);
  if (!c.deadline_at || c.paused_at || !['in_progress', 'submitted'].includes(c.status)) return;
  const jobs = [];
  if (c.warn_at && !c.warned_yellow_at) jobs.push({ queue: DEADLINE_QUEUE, runAt: new Date(c.warn_at), dedupeKey: `case:${c.id}:yellow`, payload: { caseId: c.id, kind: 'yellow', plannedFor: new Date(c.warn_at).toISOString() } });
  if (!c.warned_red_at) jobs.push({ queue: DEADLINE_QUEUE, runAt: new Date(new Date(c.deadline_at).getTime() + 1), dedupeKey: `case:${c.id}:red`, payload: { caseId: c.id, kind: 'red', plannedFor: new Date(c.deadline_at).toISOString() } });
  await enqueue(db, ...jobs);
}

export async function cancelTimers(db: Executor, caseId: string) {
  await cancelJobs(db, DEADLINE_QUEUE, `case:${caseId}:`);
}

/** Stops the clock (补正, 特别程序): records the pause; the timers are cancelled until it resumes. */
export async function pauseClock(db: Executor, c: CaseRow, kind: 'correction' | 'special_pause', reason: string, now: Date, by: string | null) {
  const pause = await repo.insertPause(db, { case_id: c.id, kind, reason, days: null, started_at: now, ended_at: null, shifted_days: null, created_by_user_id: by });
  await cancelTimers(db, c.id);
  return { patch: { paused_at: now }, pauseId: pause.id };
}

/**
 * Restarts the clock: the deadline (and a yellow warning not yet sent) move by the days the case was paused,
 * counted in the limit's units — so a pause across a holiday shifts only by the working days it really cost.
 */
export async function resumeClock(db: Executor, c: CaseRow, now: Date) {
  const pause = await repo.findOpenPause(db, c.id);
  if (!pause || !c.deadline_at) return { paused_at: null };
  const unit = c.committed_limit_unit ?? 'working';
  const shift = await daysBetween(db, shanghaiDay(new Date(pause.started_at)), shanghaiDay(now), unit);
  await repo.closePause(db, pause.id, now, shift);
  const deadline = endOfShanghaiDay(await shiftDay(db, shanghaiDay(new Date(c.deadline_at)), shift, unit));
  const warnAt = c.warn_at && !c.warned_yellow_at ? endOfShanghaiDay(await shiftDay(db, shanghaiDay(new Date(c.warn_at)), shift, unit)) : c.warn_at;
  return { paused_at: null, deadline_at: deadline, warn_at: warnAt };
}

/** 延长审批: the deadline moves by N days of the limit's unit; the extension is recorded with its reason. */
export async function extendClock(db: Executor, c: CaseRow, days: number, reason: string, now: Date, by: string | null) {
  const unit = c.committed_limit_unit ?? 'working';
  const pause = await repo.insertPause(db, { case_id: c.id, kind: 'extension', reason, days, started_at: now, ended_at: now, shifted_days: days, created_by_user_id: by });
  const deadline = endOfShanghaiDay(await shiftDay(db, shanghaiDay(new Date(c.deadline_at!)), days, unit));
  return { patch: { deadline_at: deadline, extended_days: c.extended_days + days }, pauseId: pause.id };
}

/** 补正 due date: N working days after the notice, at the end of that day. */
export async function correctionDueAt(db: Executor, item: ItemVersionView, now: Date): Promise<Date> {
  return endOfShanghaiDay(await shiftDay(db, shanghaiDay(now), Math.max(1, item.correctionTimeoutDays), 'working'));
}

/** Traffic-light colour of a case at `now`: red overdue, yellow past the warning share, green otherwise. */
export function colourOf(c: { deadline_at: Date | string | null; warn_at: Date | string | null; paused_at: Date | string | null }, now = new Date()): 'green' | 'yellow' | 'red' | null {
  if (!c.deadline_at) return null;
  const at = c.paused_at ? new Date(c.paused_at) : now;
  if (at > new Date(c.deadline_at)) return 'red';
  if (c.warn_at && at >= new Date(c.warn_at)) return 'yellow';
  return 'green';
}
