import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { workOrderPolicy } from './policy.js';
import { openOrder, requireAgency } from './create.js';
import { findUserById } from '../identity/repository.js';
import { dueDate } from './deps.js';

export interface CannotGetDone {
  itemName: string; place: string; whatHappened: string; agencyId?: string; caseNo?: string;
  contactName?: string; contactPhone?: string;
}

/**
 * 办不成事 report from the public form. Logged-in people are contacted through their account's phone (real-name);
 * anonymous reports must leave a phone number, since the rule is a phone reply within 5 working days.
 */
export async function reportCannotGetDone(db: Db, actor: Actor, b: CannotGetDone, ip?: string) {
  const user = actor.userId ? await findUserById(db, actor.userId) : undefined;
  const phone = b.contactPhone ?? user?.phone ?? null;
  if (!phone) throw new AppError('VALIDATION_FAILED', { detail: '匿名反映请留下联系电话，以便回复', field: 'contactPhone' });
  if (b.agencyId) await requireAgency(db, b.agencyId);
  return db.transaction().execute((tx) =>
    openOrder(tx, actor, {
      source: 'cannot_get_done', agency_id: b.agencyId ?? null, title: `办不成事：${b.itemName}`, content: b.whatHappened,
      item_name: b.itemName, place: b.place, case_no: b.caseNo ?? null,
      contact_name: b.contactName ?? user?.name ?? null, contact_phone: phone, real_name: user !== undefined, created_by: actor.userId,
    }, ip ? '公众通过"办不成事"反映窗口提交' : null),
  );
}

export interface ManualOrder {
  agencyId: string; title: string; content: string; indicatorKey?: string; dueDays?: number;
}

/** A supervisor opens a task (督办任务), e.g. derived from an indicator that fell behind. */
export async function createManualOrder(db: Db, actor: Actor, b: ManualOrder) {
  workOrderPolicy.require(actor, 'workorder.supervise');
  await requireAgency(db, b.agencyId);
  return db.transaction().execute(async (tx) => {
    const dueAt = b.dueDays ? await dueDate(tx, new Date(), { days: b.dueDays, unit: 'working' }) : undefined;
    return openOrder(tx, actor, {
      source: 'manual', agency_id: b.agencyId, title: b.title, content: b.content, indicator_key: b.indicatorKey ?? null,
      created_by: actor.userId, ...(dueAt ? { due_at: dueAt } : {}),
    });
  });
}
