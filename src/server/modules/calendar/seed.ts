import { createRequire } from 'node:module';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/auth/actor.js';
import * as repo from './repository.js';

/** The years first loaded from the `chinese-days` package; later years are entered by the center admin. */
export const SEED_YEARS = [2024, 2025, 2026] as const;

const require = createRequire(import.meta.url);

/** The package writes names as "English,中文,n"; the State Council notice says 清明节 where the package says 清明. */
function officialName(entry: string): string {
  const chinese = entry.split(',')[1]?.trim() || entry;
  return chinese === '元旦' || chinese.endsWith('节') ? chinese : `${chinese}节`;
}

/** The special days of one year as published in `chinese-days` (holidays incl. the weekends inside a span, make-up days). */
export function packageYear(year: number): { day: string; kind: 'holiday' | 'workday'; name: string }[] {
  const data = require(`chinese-days/dist/years/${year}.json`) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = Object.entries(data.holidays).map(([day, v]) => ({ day, kind: 'holiday' as const, name: officialName(v) }));
  const workdays = Object.entries(data.workdays).map(([day, v]) => ({ day, kind: 'workday' as const, name: `${officialName(v)}调休上班` }));
  return [...holidays, ...workdays].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Seeds each of {@link SEED_YEARS} that is not covered yet. A year once present (seeded or imported by the admin)
 * is never overwritten, so admin edits survive restarts; several server copies starting together seed once.
 */
export async function seedCalendar(db: Db): Promise<number[]> {
  const seeded: number[] = [];
  for (const year of SEED_YEARS) {
    await db.transaction().execute(async (tx) => {
      if (!(await repo.claimYear(tx, year, 'chinese-days', '国务院办公厅节假日安排（chinese-days 数据包）', null))) return;
      const days = packageYear(year);
      await repo.insertDays(tx, days.map((d) => ({ ...d, source: 'chinese-days' as const })));
      await recordAudit(tx, systemActor, { action: 'calendar.year_seeded', targetType: 'calendar_year', targetId: String(year), detail: { days: days.length } });
      seeded.push(year);
    });
  }
  return seeded;
}
