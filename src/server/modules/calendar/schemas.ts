import { z } from 'zod';
import { MAX_DAYS } from './service.js';

// Dates are taken as plain strings and checked by the service, so a bad one answers 400 INVALID_DATE with its field.
const Day = (what: string) => z.string().max(40).describe(`${what}，格式 YYYY-MM-DD（上海时间）`);
const Year = z.coerce.number().int().min(2000).max(2100).describe('年份');

export const AddWorkingDaysQuery = z.object({
  from: Day('起算日期（当日不计入）'),
  // A plain digit string: coercion would read an empty `days=` as 0 and answer a wrong date instead of an error.
  days: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(0).max(MAX_DAYS)).describe(`工作日数，0–${MAX_DAYS}`),
});
export const AddWorkingDaysResponse = z.object({ date: z.string().describe('满 N 个工作日之日') });

export const WorkingDaysQuery = z.object({
  from: Day('起算日期（当日不计入）'),
  to: Day('截止日期（当日计入）'),
});
export const WorkingDaysResponse = z.object({ days: z.number().int().describe('from 之后至 to（含）的工作日数；to 早于 from 时为负数') });

export const YearQuery = z.object({ year: Year });
export const YearParams = z.object({ year: Year });
export const DateParams = z.object({ date: Day('日期') });

const Kind = z.enum(['holiday', 'workday']).describe('holiday 节假日（休息）/ workday 调休上班');
const Name = z.string().trim().min(1).max(40).describe('名称，如 国庆节、国庆节调休上班');
const Note = z.string().max(200).nullish().describe('备注');

export const SetDayBody = z.strictObject({ kind: Kind, name: Name, note: Note });

export const ImportYearBody = z.strictObject({
  notice: z.string().trim().max(200).nullish().describe('通知文号或标题，如 国办发明电〔2025〕7号'),
  days: z.array(z.strictObject({ date: Day('日期'), kind: Kind, name: Name, note: Note })).min(1).max(200).describe('该年全部节假日与调休上班日'),
});

export const DayView = z.object({
  date: z.string(),
  kind: Kind,
  name: z.string(),
  note: z.string().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});
export const YearDaysResponse = z.object({ year: z.number(), covered: z.boolean(), notice: z.string().nullable(), days: z.array(DayView) });
export const YearsResponse = z.object({
  years: z.array(z.object({ year: z.number(), notice: z.string().nullable(), source: z.string(), updatedAt: z.string() })),
});
