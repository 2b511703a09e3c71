/**
 * What the ratings module offers other modules (docs/contracts.md): the figures the indicators are computed from,
 * and the appeal outcome the work-order hub reports back. Event published: rating.submitted (see README).
 */
import type { Executor } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { markAppealUpheld } from './repository.js';

export { caseRatingCoverage, ratingLevels, ratingLevelsPerItem, type FigureRange } from './figures.js';

/** A supervisor upheld an appeal (申诉复核成立): the rating stays on record but no longer counts as 差评. */
export async function upholdRatingAppeal(db: Executor, actor: Actor, ratingId: string, reason: string): Promise<void> {
  const r = await markAppealUpheld(db, ratingId);
  if (!r) return;
  await recordAudit(db, actor, { action: 'rating.appeal_upheld', targetType: 'rating', targetId: ratingId, agencyId: r.agency_id, detail: { reason } });
}
