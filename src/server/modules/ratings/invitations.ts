import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/auth/actor.js';
import * as repo from './repository.js';
import { getCaseSummary, getItemVersion, notify } from './deps.js';

const DAY_MS = 86_400_000;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CaseCompleted {
  caseId: string; caseNo: string; itemId: string; itemVersionId: string; agencyId: string;
  applicantUserId: string | null; enterpriseId: string | null; channel: string; completedAt: string;
}
export interface VisitEnded {
  visitId: string; caseId: string | null; hallId: string; windowId: string; staffUserId: string | null;
  applicantUserId: string | null; endedAt: string;
}

/**
 * case.completed → one invitation per case (一事一评). Every completed case gets a row, 查询类 included, because the
 * invitation table is also the denominator of 办件评价率 (which then excludes 查询类 by item_kind).
 */
export async function inviteForCase(db: Db, e: CaseCompleted): Promise<void> {
  const item = await getItemVersion(db, e.itemVersionId);
  await db.transaction().execute(async (tx) => {
    const cfg = await repo.findConfig(tx);
    const occurredAt = new Date(e.completedAt);
    const inv = await repo.insertInvitationOnce(tx, {
      kind: 'case', case_id: e.caseId, case_no: e.caseNo, item_id: e.itemId, item_name: item.name, item_kind: item.kind,
      agency_id: e.agencyId, applicant_user_id: e.applicantUserId, occurred_at: occurredAt,
      expires_at: new Date(occurredAt.getTime() + cfg.invitation_valid_days * DAY_MS),
    });
    if (!inv) return; // redelivered event: already invited
    await recordAudit(tx, systemActor, { action: 'rating.invite', targetType: 'case', targetId: e.caseId, agencyId: e.agencyId, detail: { kind: 'case', caseNo: e.caseNo } });
    if (e.applicantUserId && item.kind !== 'query') {
      await notify(tx, {
        template: 'rating.invitation', userId: e.applicantUserId, channels: ['inbox'], dedupeKey: `rating-invite:case:${e.caseId}`,
        link: `/my/ratings?case=${encodeURIComponent(e.caseId)}`, vars: { caseNo: e.caseNo, itemName: item.name, url: `/my/ratings?case=${encodeURIComponent(e.caseId)}` },
      });
    }
  });
}

/** visit.ended → one invitation per window visit (一次一评), with a short-lived token for the link sent to the person. */
export async function inviteForVisit(db: Db, e: VisitEnded): Promise<void> {
  // A visit about a case is rated against the agency handling it; a visit without a case (consultation) has no agency.
  const summary = e.caseId ? await getCaseSummary(db, e.caseId) : null;
  await db.transaction().execute(async (tx) => {
    const cfg = await repo.findConfig(tx);
    const token = randomBytes(18).toString('base64url');
    const occurredAt = new Date(e.endedAt);
    const inv = await repo.insertInvitationOnce(tx, {
      kind: 'visit', visit_id: e.visitId, case_id: e.caseId, case_no: summary?.caseNo ?? null, item_id: summary?.itemId ?? null,
      item_name: summary?.itemName ?? null, agency_id: summary?.agencyId ?? null, hall_id: e.hallId, window_id: e.windowId, staff_user_id: e.staffUserId,
      applicant_user_id: e.applicantUserId, occurred_at: occurredAt, token_hash: hashToken(token),
      expires_at: new Date(occurredAt.getTime() + cfg.visit_token_minutes * 60_000),
    });
    if (!inv) return;
    await recordAudit(tx, systemActor, { action: 'rating.invite', targetType: 'visit', targetId: e.visitId, detail: { kind: 'visit', windowId: e.windowId } });
    if (e.applicantUserId) {
      const link = `/rate/${encodeURIComponent(e.windowId)}?visit=${encodeURIComponent(e.visitId)}&token=${token}`;
      await notify(tx, {
        template: 'rating.invitation', userId: e.applicantUserId, channels: ['inbox', 'sms'], dedupeKey: `rating-invite:visit:${e.visitId}`, link,
        vars: { itemName: summary?.itemName ?? '窗口服务', caseNo: summary?.caseNo ?? '—', url: link },
      });
    }
  });
}
