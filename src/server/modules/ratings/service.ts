import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { publish } from '../../platform/jobs/events.js';
import * as repo from './repository.js';
import type { RatingChannel } from './tables.js';
import { hashToken } from './invitations.js';
import { PUSH_MAX_ATTEMPTS } from './push.js';

export interface NewRating {
  level: number;
  comment?: string | null;
  channel: RatingChannel;
}

export const PUSH_QUEUE = 'ratings.push';

/**
 * Stores one rating of an invitation and, in the same transaction, its audit record, its push to the city system
 * and the rating.submitted event (the work-order hub opens an order for a counted bad rating).
 * 一事一评: the first rating of a case counts, later ones are kept with their 评价次数 and counted = false.
 */
async function storeRating(tx: Tx, inv: repo.Invitation, r: NewRating, rater: { userId: string | null; realName: boolean }, actor: Actor, ip?: string) {
  const cfg = await repo.findConfig(tx);
  const seq = (await repo.countRatingsOfInvitation(tx, inv.id)) + 1;
  const counted = inv.counted_rating_id === null;
  const comment = r.comment?.trim() || null;
  const rating = await repo.insertRating(tx, {
    invitation_id: inv.id, kind: inv.kind, case_id: inv.case_id, case_no: inv.case_no, visit_id: inv.visit_id, item_id: inv.item_id,
    item_name: inv.item_name, item_kind: inv.item_kind, case_completed_at: inv.kind === 'case' ? inv.occurred_at : null, agency_id: inv.agency_id, hall_id: inv.hall_id, window_id: inv.window_id, staff_user_id: inv.staff_user_id,
    level: r.level, is_bad: cfg.bad_levels.includes(r.level), comment, channel: r.channel, rater_user_id: rater.userId,
    real_name: rater.realName, region_code: cfg.region_code, rating_seq: seq, counted, excluded_reason: counted ? null : 'repeat',
  });
  if (counted) await repo.setCountedRating(tx, inv.id, rating.id);
  await recordAudit(tx, actor, {
    action: 'rating.submit', targetType: 'rating', targetId: rating.id, agencyId: inv.agency_id, ip,
    detail: { kind: inv.kind, caseNo: inv.case_no, visitId: inv.visit_id, level: r.level, counted, seq, channel: r.channel },
  });
  await enqueue(tx, { queue: PUSH_QUEUE, payload: { ratingId: rating.id }, dedupeKey: `push:${rating.id}`, maxAttempts: PUSH_MAX_ATTEMPTS });
  await publish(tx, 'rating.submitted', {
    ratingId: rating.id, kind: rating.kind, level: rating.level, isBad: rating.is_bad, counted, hasComment: comment !== null,
    comment, agencyId: rating.agency_id, caseId: rating.case_id, caseNo: rating.case_no, itemName: rating.item_name, visitId: rating.visit_id,
    hallId: rating.hall_id, windowId: rating.window_id, staffUserId: rating.staff_user_id, raterUserId: rating.rater_user_id,
    realName: rating.real_name, ratedAt: rating.rated_at.toISOString(),
  });
  return rating;
}

/** A logged-in applicant rates their completed case (any number of times; the first counts) or their window visit (once). */
export async function rateAsApplicant(db: Db, actor: Actor, target: { caseId?: string; visitId?: string }, r: NewRating, ip?: string) {
  requireLogin(actor);
  return db.transaction().execute(async (tx) => {
    const inv = target.caseId ? await repo.lockInvitationOfCase(tx, target.caseId) : await repo.lockInvitationOfVisit(tx, target.visitId!);
    if (!inv) throw new AppError('RATING_NOT_ALLOWED', { detail: target.caseId ? '该办件尚未办结，暂不能评价' : '没有这次窗口服务的记录' });
    if (inv.applicant_user_id !== actor.userId) throw new AppError('RATING_NOT_ALLOWED', { detail: '只有申请人本人可以评价' });
    if (inv.expires_at.getTime() < Date.now()) throw new AppError('RATING_NOT_ALLOWED', { detail: '已超过评价期限' });
    if (inv.kind === 'visit' && inv.counted_rating_id) throw new AppError('ALREADY_RATED', { detail: '这次窗口服务已评价（一次一评）' });
    return storeRating(tx, inv, r, { userId: actor.userId, realName: true }, actor, ip);
  });
}

/**
 * Rating on the hall terminal without login (/rate/<window>). With the token from the person's link the rating is
 * real-name; without it only the visit that just ended at this window may be rated, anonymously. One rating per visit.
 */
export async function rateAtWindow(db: Db, actor: Actor, windowId: string, input: NewRating & { visitId: string; visitToken?: string }, ip?: string) {
  return db.transaction().execute(async (tx) => {
    const inv = await repo.lockInvitationOfVisit(tx, input.visitId);
    if (!inv || inv.window_id !== windowId) throw new AppError('RATING_NOT_ALLOWED', { detail: '该窗口没有这次服务的记录' });
    if (inv.counted_rating_id) throw new AppError('ALREADY_RATED', { detail: '这次窗口服务已评价（一次一评）' });
    const now = Date.now();
    if (input.visitToken) {
      if (!inv.token_hash || hashToken(input.visitToken) !== inv.token_hash || inv.expires_at.getTime() < now) {
        throw new AppError('RATING_NOT_ALLOWED', { detail: '评价链接无效或已过期' });
      }
      return storeRating(tx, inv, input, { userId: inv.applicant_user_id, realName: inv.applicant_user_id !== null }, actor, ip);
    }
    const cfg = await repo.findConfig(tx);
    if (inv.occurred_at.getTime() < now - cfg.visit_rating_minutes * 60_000) {
      throw new AppError('RATING_NOT_ALLOWED', { detail: '服务结束已久，请使用短信中的评价链接评价' });
    }
    return storeRating(tx, inv, input, { userId: null, realName: false }, actor, ip);
  });
}
