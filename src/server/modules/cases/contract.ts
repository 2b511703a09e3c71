import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import * as repo from './repository.js';

/** What other modules (ratings, work orders, exchange) may know of a case, per docs/contracts.md. */
export async function getCaseSummary(db: Executor, caseId: string) {
  const c = await repo.findCaseById(db, caseId);
  if (!c || c.status === 'draft') throw new AppError('NOT_FOUND', { detail: '办件不存在' });
  return {
    id: c.id, caseNo: c.case_no!, itemId: c.item_id, itemName: c.item_name, agencyId: c.agency_id, applicantUserId: c.applicant_user_id, enterpriseId: c.enterprise_id,
    status: c.status, channel: c.channel, completedAt: c.completed_at ? new Date(c.completed_at) : null, hallId: c.hall_id, windowId: c.window_id,
  };
}
