import type { JobContext } from '../../platform/jobs/worker.js';
import * as repo from './repository.js';
import { cityRatingClient } from './city-client.js';

export const PUSH_MAX_ATTEMPTS = 10;

/**
 * Job ratings.push: sends one rating to the city system. A failure is recorded on the rating and re-thrown so the
 * queue retries it with back-off; after the last attempt the rating stays 'failed' (it does not count for the city).
 */
export async function pushRating(payload: { ratingId: string }, job: JobContext): Promise<void> {
  const r = await repo.findRating(job.db, payload.ratingId);
  if (!r || r.push_status === 'pushed') return;
  try {
    const { cityRef } = await cityRatingClient().push({
      ratingId: r.id, kind: r.kind, caseNo: r.case_no, itemId: r.item_id, agencyId: r.agency_id, hallId: r.hall_id, windowId: r.window_id,
      level: r.level, comment: r.comment, channel: r.channel, realName: r.real_name, ratingSeq: r.rating_seq, regionCode: r.region_code,
      ratedAt: r.rated_at.toISOString(),
    });
    await repo.markPushed(job.db, r.id, cityRef);
  } catch (err) {
    await repo.markPushFailed(job.db, r.id, (err as Error).message, job.attempt >= PUSH_MAX_ATTEMPTS);
    throw err;
  }
}
