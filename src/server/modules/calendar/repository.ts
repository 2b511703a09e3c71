import type { Executor } from '../../platform/db/database.js';
import type { CalendarDayKind, CalendarSource } from './tables.js';
import './tables.js';

export interface DayRow {
  day: string;
  kind: CalendarDayKind;
  name: string;
  note?: string | null;
  source: CalendarSource;
  updated_by?: string | null;
}

/** Every special day and every covered year: the whole calendar, small enough to hold in memory. */
export const findAllDays = (db: Executor) => db.selectFrom('calendar_days').select(['day', 'kind', 'name']).orderBy('day').execute();
export const findCoveredYears = (db: Executor) => db.selectFrom('calendar_years').selectAll().orderBy('year').execute();

export const findYear = (db: Executor, year: number) => db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();

export const findDaysOfYear = (db: Executor, year: number) =>
  db.selectFrom('calendar_days').selectAll().where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).orderBy('day').execute();

export const findDay = (db: Executor, day: string) => db.selectFrom('calendar_days').selectAll().where('day', '=', day).executeTakeFirst();

/** Inserts the year as covered unless it is already there; answers whether this call inserted it. */
export async function claimYear(db: Executor, year: number, source: CalendarSource, notice: string | null, updatedBy: string | null): Promise<boolean> {
  const r = await db.insertInto('calendar_years').values({ year, source, notice, updated_by: updatedBy }).onConflict((oc) => oc.column('year').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const upsertYear = (db: Executor, year: number, notice: string | null, updatedBy: string | null) =>
  db
    .insertInto('calendar_years')
    .values({ year, source: 'admin', notice, updated_by: updatedBy })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: 'admin', notice, updated_by: updatedBy, updated_at: new Date() }))
    .execute();

export async function insertDays(db: Executor, rows: DayRow[]): Promise<void> {
  if (rows.length) await db.insertInto('calendar_days').values(rows).execute();
}

export const upsertDay = (db: Executor, row: DayRow) =>
  db
    .insertInto('calendar_days')
    .values(row)
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: row.kind, name: row.name, note: row.note ?? null, source: row.source, updated_by: row.updated_by ?? null, updated_at: new Date() }))
    .execute();

export const deleteDay = (db: Executor, day: string) => db.deleteFrom('calendar_days').where('day', '=', day).executeTakeFirst();

export const deleteDaysOfYear = (db: Executor, year: number) =>
  db.deleteFrom('calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).executeTakeFirst();
