import { useEffect, useState } from 'react';
import { calendarApi } from '../api/services.ts';
import type { ItemGuide } from '../api/types.ts';

/**
 * The expected completion date if applied today: the catalog computes it with the guide; otherwise it is asked of
 * the working-day calendar. null while unknown.
 */
export function useExpectedDate(guide: ItemGuide) {
  const given = guide.expectedCompletion?.date ?? null;
  const [date, setDate] = useState<string | null>(given);
  const [failed, setFailed] = useState(false);
  const limit = guide.committedLimit;
  const immediate = guide.immediate;
  useEffect(() => {
    if (given) return setDate(given);
    let live = true;
    calendarApi.expectedDate(immediate ? { days: 0, unit: 'natural' } : limit).then(
      (d) => live && setDate(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [given, limit.days, limit.unit, immediate]);
  return { date, failed };
}
