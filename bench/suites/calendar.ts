import { opsPerSecond, type BenchSuite } from '../lib.js';
import { addWorkingDays } from '../../src/server/modules/calendar/service.js';

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

const suite: BenchSuite = {
  name: 'calendar',
  description: 'addWorkingDays (holidays and 调休 from the calendar table) ops/s vs plain Date weekday arithmetic',
  async run({ platform, emit }) {
    const { platform: p } = await platform();
    // Varying start days and lengths over 2024–2026, so no single answer is cached by accident.
    const starts = Array.from({ length: 97 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 7 * 86400_000).toISOString().slice(0, 10));
    let i = 0;
    const next = () => {
      i = (i + 1) % starts.length;
      return { from: starts[i], days: 1 + (i % 20) };
    };
    const reference = await opsPerSecond(() => {
      const a = next();
      return addWeekdaysPlain(a.from, a.days);
    });
    const value = await opsPerSecond(() => {
      const a = next();
      return addWorkingDays(p.db, a.from, a.days);
    });
    emit({ name: 'calendar.addWorkingDays', value, unit: 'ops/s', reference: { name: 'plain-date-weekdays', value: reference } });
  },
};
export default suite;
