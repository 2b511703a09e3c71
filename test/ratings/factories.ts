import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '../harness.js';
import { publish } from '../../src/server/platform/jobs/events.js';
import { getCurrentItemVersion } from '../../src/server/modules/catalog/service-contract.js';
import { openVisit, closeVisit } from '../../src/server/modules/cases/service-visits.js';
import { actorForToken } from '../../src/server/modules/identity/sessions.js';

/** The user id of a demo account. */
export async function userId(t: TestPlatform, login: string): Promise<string> {
  return (await (await t.as(login)).get('/api/v1/me')).json().id;
}

/**
 * A case completed by the cases module, as its case.completed event (docs/contracts.md) reaches this module:
 * a real published item of the demo catalogue, the applicant's account, and a chosen completion time.
 */
export async function completedCase(t: TestPlatform, o: { applicant?: string; itemKey?: string; completedAt?: Date; caseId?: string } = {}) {
  const item = await getCurrentItemVersion(t.db, o.itemKey ?? 'food-business-licence');
  const caseId = o.caseId ?? randomUUID();
  const payload = {
    caseId, caseNo: `MH${Date.now()}${Math.floor(Math.random() * 1000)}`, itemId: item.itemId, itemVersionId: item.id, agencyId: item.agencyId,
    applicantUserId: await userId(t, o.applicant ?? 'zhangwei'), enterpriseId: null, channel: 'pc',
    completedAt: (o.completedAt ?? new Date()).toISOString(),
  };
  await t.db.transaction().execute((tx) => publish(tx, 'case.completed', payload));
  await t.drain();
  return payload;
}

/** A window visit opened and closed by a window clerk through the cases module (publishes visit.ended). */
export async function endedVisit(t: TestPlatform, o: { windowId?: string; clerk?: string } = {}) {
  const clerk = await t.as(o.clerk ?? 'clerk.zhou');
  const actor = (await actorForToken(t.db, clerk.token!))!;
  const v = await openVisit(t.db, actor, { applicantName: '访客', purpose: 'consult', hallId: 'mh-center', windowId: o.windowId ?? `W-${randomUUID().slice(0, 6)}` });
  await closeVisit(t.db, actor, v.id);
  await t.drain();
  return v;
}

export const rate = (level: number, extra: Record<string, unknown> = {}) => ({ level, channel: 'pc', ...extra });
