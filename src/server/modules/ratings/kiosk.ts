import type { Db } from '../../platform/db/database.js';
import * as repo from './repository.js';
import { CHANNEL_LABELS, LEVEL_LABELS } from './levels.js';
import { staffLabel } from './views.js';

/**
 * What the hall terminal at a window (/rate/<window>) shows without login: the window and hall, the staff member on
 * duty (from the latest visit, name masked), and the visit that just ended there if it may still be rated.
 */
export async function windowRatingPage(db: Db, windowId: string) {
  const cfg = await repo.findConfig(db);
  const last = await repo.findLastVisitAtWindow(db, windowId);
  const recent = await repo.findRecentVisitAtWindow(db, windowId, new Date(Date.now() - cfg.visit_rating_minutes * 60_000));
  const staffName = last?.staff_user_id ? await repo.findStaffName(db, last.staff_user_id) : null;
  return {
    windowId,
    hallId: last?.hall_id ?? null,
    known: last !== undefined,
    staffOnDuty: last?.staff_user_id ? { userId: last.staff_user_id, name: staffLabel(staffName) } : null,
    visit: recent && !recent.counted_rating_id
      ? { visitId: recent.visit_id!, endedAt: recent.occurred_at.toISOString(), caseNo: recent.case_no, itemName: recent.item_name }
      : null,
    levels: Object.entries(LEVEL_LABELS).map(([level, label]) => ({ level: Number(level), label })),
    channels: { hall_tablet: CHANNEL_LABELS.hall_tablet, hall_terminal: CHANNEL_LABELS.hall_terminal, qr: CHANNEL_LABELS.qr },
  };
}
