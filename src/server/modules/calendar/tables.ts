import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 'holiday' 节假日 (a day off) or 'workday' 调休上班 (a weekend day worked to make up for a holiday). */
export type CalendarDayKind = 'holiday' | 'workday';
export type CalendarSource = 'chinese-days' | 'admin';

export interface CalendarYearsTable {
  year: number;
  notice: string | null;
  source: CalendarSource;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarDaysTable {
  /** 'YYYY-MM-DD' (DATE is parsed as a plain string, see platform/db/database.ts). */
  day: string;
  kind: CalendarDayKind;
  name: string;
  note: string | null;
  source: CalendarSource;
  updated_by: string | null;
  updated_at: Timestamp;
}

declare module '../../platform/db/types.js' {
  interface Database {
    calendar_years: CalendarYearsTable;
    calendar_days: CalendarDaysTable;
  }
}
