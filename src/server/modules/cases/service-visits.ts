import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/jobs/events.js';
import { AppError } from '../../platform/errors/app-error.js';
import { CENTER_AGENCY_ID } from './constants.js';
import { casesPolicy } from './policy.js';
import * as repo from './repository.js';
import type { VisitPurpose } from './tables.js';

/**
 * 到现场: a window clerk opens a visit when the applicant sits down and closes it when they leave; the start and
 * end are the applicant's on-site service time (seed 000), the count is the 跑动次数 of the case (#17, #34).
 */
export async function openVisit(db: Db, actor: Actor, input: { caseId?: string; applicantName?: string; purpose: VisitPurpose; hallId: string; windowId: string; now?: Date }) {
  requireLogin(actor);
  casesPolicy.require(actor, 'visit.record', CENTER_AGENCY_ID);
  return db.transaction().execute(async (tx) => {
    const c = input.caseId ? await repo.findCaseById(tx, input.caseId) : null;
    if (input.caseId && (!c || c.status === 'draft')) throw new AppError('NOT_FOUND', { field: 'caseId', detail: '办件不存在' });
    const v = await repo.insertVisit(tx, {
      case_id: c?.id ?? null, applicant_user_id: c?.applicant_user_id ?? null, applicant_name: c?.applicant_name ?? input.applicantName ?? null,
      purpose: input.purpose, hall_id: input.hallId, window_id: input.windowId, staff_user_id: actor.userId, started_at: input.now ?? new Date(), ended_at: null,
    });
    await recordAudit(tx, actor, { action: 'visit.open', targetType: 'visit', targetId: v.id, agencyId: c?.agency_id ?? CENTER_AGENCY_ID, detail: { caseId: v.case_id, purpose: v.purpose } });
    return visitView(v);
  });
}

export async function closeVisit(db: Db, actor: Actor, visitId: string, opts: { now?: Date } = {}) {
  requireLogin(actor);
  casesPolicy.require(actor, 'visit.record', CENTER_AGENCY_ID);
  return db.transaction().execute(async (tx) => {
    const v = await repo.lockVisit(tx, visitId);
    if (!v) throw new AppError('NOT_FOUND', { detail: '现场服务记录不存在' });
    if (v.ended_at) throw new AppError('VISIT_STATE_CONFLICT');
    const ended = await repo.endVisit(tx, v.id, opts.now ?? new Date());
    await recordAudit(tx, actor, { action: 'visit.end', targetType: 'visit', targetId: v.id, agencyId: CENTER_AGENCY_ID, detail: { caseId: v.case_id } });
    await publish(tx, 'visit.ended', {
      visitId: ended.id, caseId: ended.case_id, hallId: ended.hall_id, windowId: ended.window_id, staffUserId: ended.staff_user_id,
      applicantUserId: ended.applicant_user_id, purpose: ended.purpose, startedAt: new Date(ended.started_at).toISOString(), endedAt: new Date(ended.ended_at!).toISOString(),
    });
    return visitView(ended);
  });
}

const visitView = (v: Awaited<ReturnType<typeof repo.insertVisit>>) => ({
  id: v.id, caseId: v.case_id, applicantUserId: v.applicant_user_id, applicantName: v.applicant_name, purpose: v.purpose, hallId: v.hall_id, windowId: v.window_id,
  staffUserId: v.staff_user_id, startedAt: v.started_at, endedAt: v.ended_at,
});
