/** Day arithmetic in Asia/Shanghai (UTC+8 all year, no daylight saving), where the district's days are counted. */
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar day of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** A half-open instant range [from, to) and an optional agency filter (null = the whole district). */
export interface FigureRange {
  from: Date;
  to: Date;
  agencyId: string | null;
}

/**
 * The range as Shanghai days [fromDay, toDay) when it starts and ends at Shanghai midnight — what daily summary
 * tables can answer exactly; null otherwise (figures are then computed from the rows themselves).
 */
export function shanghaiDays(r: FigureRange): { fromDay: string; toDay: string } | null {
  const aligned = (d: Date) => (d.getTime() + OFFSET_MS) % DAY_MS === 0;
  if (!aligned(r.from) || !aligned(r.to)) return null;
  return { fromDay: shanghaiDay(r.from), toDay: shanghaiDay(r.to) };
}
