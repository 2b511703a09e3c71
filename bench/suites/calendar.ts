import { opsPerSecond, type BenchSuite } from '../lib.js';
import { addWorkingDays, dueDate, workingDaysBetween } from '../../src/server/modules/calendar/service.js';

/** Weekends only, with plain Date arithmetic: the floor any calendar lookup is compared with. */
function addWeekdaysPlain(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Weekdays after `from` up to and including `to`, counted day by day. */
function weekdaysBetweenPlain(from: string, to: string): number {
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  let n = 0;
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

const DAY_MS = 86_400_000;

/**
 * Calendar arithmetic (issue 3): the three operations the cases module runs for every deadline, against plain Date
 * loops that know weekends only. The calendar answers from an in-memory index of the holiday table (prefix sums),
 * so its figures should stay in the same order of magnitude as the plain loops.
 */
const suite: BenchSuite = {
  name: 'calendar',
  description: 'addWorkingDays, workingDaysBetween, dueDate (holidays and 调休 from the calendar table) ops/s vs plain Date weekday arithmetic',
  async run({ platform, emit }) {
    const { platform: p } = await platform();
    // Varying start days and lengths over 2024–2025, so no single answer is cached by accident.
    const starts = Array.from({ length: 97 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 7 * DAY_MS).toISOString().slice(0, 10));
    let i = 0;
    const next = () => {
      i = (i + 1) % starts.length;
      const days = 1 + (i % 20);
      return { from: starts[i], days, to: new Date(Date.parse(starts[i]) + days * 2 * DAY_MS).toISOString().slice(0, 10) };
    };

    const plainAdd = await opsPerSecond(() => {
      const a = next();
      return addWeekdaysPlain(a.from, a.days);
    });
    const add = await opsPerSecond(() => {
      const a = next();
      return addWorkingDays(p.db, a.from, a.days);
    });
    emit({ name: 'calendar.addWorkingDays', value: add, unit: 'ops/s', reference: { name: 'plain-date-weekdays', value: plainAdd } });

    const plainBetween = await opsPerSecond(() => {
      const a = next();
      return weekdaysBetweenPlain(a.from, a.to);
    });
    const between = await opsPerSecond(() => {
      const a = next();
      return workingDaysBetween(p.db, a.from, a.to);
    });
    emit({ name: 'calendar.workingDaysBetween', value: between, unit: 'ops/s', reference: { name: 'plain-date-weekdays-between', value: plainBetween } });

    // dueDate is what a case's deadline costs: an instant in, the end of the due day (Asia/Shanghai) out.
    const due = await opsPerSecond(() => {
      const a = next();
      return dueDate(p.db, new Date(`${a.from}T10:00:00+08:00`), { days: a.days, unit: 'working' });
    });
    emit({ name: 'calendar.dueDate', value: due, unit: 'ops/s', reference: { name: 'plain-date-weekdays', value: plainAdd } });
  },
};
export default suite;
