import { maskName } from '../../platform/privacy/mask.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CHANNEL_LABELS, LEVEL_LABELS } from './levels.js';
import type { Invitation, Rating } from './repository.js';

/** A rating as shown in lists. Who rated is personal data: staff see only whether it was real-name, never the account. */
export function ratingView(r: Rating, actor: Actor) {
  const own = actor.userId !== null && r.rater_user_id === actor.userId;
  return {
    id: r.id, kind: r.kind, caseId: r.case_id, caseNo: r.case_no, visitId: r.visit_id, itemId: r.item_id, itemName: r.item_name,
    agencyId: r.agency_id, hallId: r.hall_id, windowId: r.window_id, staffUserId: r.staff_user_id,
    level: r.level, levelLabel: LEVEL_LABELS[r.level], isBad: r.is_bad, comment: r.comment,
    channel: r.channel, channelLabel: CHANNEL_LABELS[r.channel], realName: r.real_name, raterIsMe: own,
    ratingSeq: r.rating_seq, counted: r.counted, excludedReason: r.excluded_reason, appealUpheld: r.appeal_upheld,
    pushStatus: r.push_status, pushedAt: r.pushed_at?.toISOString() ?? null, cityRef: r.city_ref, regionCode: r.region_code,
    ratedAt: r.rated_at.toISOString(),
  };
}

export function invitationView(i: Invitation) {
  return {
    id: i.id, kind: i.kind, caseId: i.case_id, caseNo: i.case_no, visitId: i.visit_id, itemName: i.item_name, agencyId: i.agency_id,
    hallId: i.hall_id, windowId: i.window_id, occurredAt: i.occurred_at.toISOString(), expiresAt: i.expires_at.toISOString(),
    rated: i.counted_rating_id !== null,
  };
}

/** Names of staff shown on the hall terminal are masked like any other person's name (张*). */
export const staffLabel = (name: string | null) => (name ? maskName(name) : null);
