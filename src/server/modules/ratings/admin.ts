import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ratingAgencyScope, ratingPolicy } from './policy.js';
import * as repo from './repository.js';
import { ratingView } from './views.js';

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDayStart = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/** Ratings visible to a staff member: all for center roles, their agencies' for department staff. */
export async function listRatings(db: Db, actor: Actor, q: { caseId?: string; windowId?: string; bad?: boolean; from?: string; to?: string; limit: number; offset: number }) {
  ratingPolicy.require(actor, 'rating.view');
  const rows = await repo.findRatings(db, {
    agencyIds: ratingAgencyScope(actor), caseId: q.caseId, windowId: q.windowId, bad: q.bad,
    from: q.from ? dayStart(q.from) : undefined, to: q.to ? nextDayStart(q.to) : undefined, limit: q.limit, offset: q.offset,
  });
  return { items: rows.map((r) => ratingView(r, actor)) };
}

const configView = (c: Awaited<ReturnType<typeof repo.findConfig>>) => ({
  badLevels: c.bad_levels, regionCode: c.region_code, invitationValidDays: c.invitation_valid_days,
  visitRatingMinutes: c.visit_rating_minutes, visitTokenMinutes: c.visit_token_minutes, updatedAt: c.updated_at.toISOString(),
});

export async function showConfig(db: Db, actor: Actor) {
  requireLogin(actor);
  return configView(await repo.findConfig(db));
}

/** Center admins change the rating rules; a change applies to ratings given from then on (is_bad is stored per rating). */
export async function updateRatingConfig(db: Db, actor: Actor, b: { badLevels?: number[]; invitationValidDays?: number; visitRatingMinutes?: number; visitTokenMinutes?: number; regionCode?: string }) {
  ratingPolicy.require(actor, 'rating.configure');
  if (b.badLevels && b.badLevels.some((l) => l < 3)) throw new AppError('VALIDATION_FAILED', { detail: '满意、非常满意不能设为差评', field: 'badLevels' });
  return db.transaction().execute(async (tx) => {
    const c = await repo.updateConfig(tx, {
      ...(b.badLevels ? { bad_levels: [...new Set(b.badLevels)].sort() } : {}),
      ...(b.invitationValidDays ? { invitation_valid_days: b.invitationValidDays } : {}),
      ...(b.visitRatingMinutes ? { visit_rating_minutes: b.visitRatingMinutes } : {}),
      ...(b.visitTokenMinutes ? { visit_token_minutes: b.visitTokenMinutes } : {}),
      ...(b.regionCode ? { region_code: b.regionCode } : {}),
    }, actor.userId!);
    await recordAudit(tx, actor, { action: 'rating.config_update', targetType: 'rating_config', targetId: '1', detail: b });
    return configView(c);
  });
}
