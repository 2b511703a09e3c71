import type { Db, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { enqueue } from '../../platform/jobs/queue.js';
import type { Insertable } from 'kysely';
import * as repo from './repository.js';
import { dueDate, findAgencies } from './deps.js';
import { stageDueAt, stageTimers } from './stages.js';
import { tellAgency } from './notices.js';
import type { Source, WorkOrdersTable } from './tables.js';
import { AppError } from '../../platform/errors/app-error.js';
import { LEVEL_LABELS } from '../ratings/levels.js';
import { findUserById } from '../identity/repository.js';

type NewOrder = Omit<Insertable<WorkOrdersTable>, 'order_no' | 'status' | 'stage_started_at' | 'source'> & { source: Source };

/**
 * Opens an order with its deadlines: dispatched straight to the agency when known (谁办理谁负责), otherwise waiting
 * for the supervisor to dispatch. Overall due date = the rule's rectify limit (the "5" of 1/5/15) unless given.
 */
export async function openOrder(tx: Tx, actor: Actor, o: NewOrder, note: string | null = null) {
  const rule = await repo.findRule(tx, o.source);
  const now = new Date();
  const status = o.agency_id ? 'pending_sign' : 'pending_dispatch';
  const [orderNo] = await repo.nextOrderNos(tx, 1);
  const order = await repo.insertOrder(tx, {
    ...o, order_no: orderNo, status, stage_started_at: now,
    stage_due_at: await stageDueAt(tx, rule, status, now),
    contact_due_at: o.contact_due_at ?? (o.contact_phone || o.rating_id ? await dueDate(tx, now, { days: rule.contact_days, unit: 'working' }) : null),
    due_at: o.due_at ?? (await dueDate(tx, now, { days: rule.rectify_days, unit: 'working' })),
  });
  await repo.insertStep(tx, { order_id: order.id, action: 'create', from_status: null, to_status: status, actor_id: actor.userId, actor_name: actor.displayName, note });
  await recordAudit(tx, actor, { action: 'workorder.create', targetType: 'work_order', targetId: order.id, agencyId: order.agency_id, detail: { orderNo, source: o.source, status } });
  await enqueue(tx, ...stageTimers(order, rule.warn_hours));
  await tellAgency(tx, order);
  return order;
}

export interface RatingSubmitted {
  ratingId: string; kind: 'case' | 'visit'; level: number; isBad: boolean; counted: boolean; hasComment: boolean; comment: string | null;
  agencyId: string | null; caseId: string | null; caseNo: string | null; itemName: string | null; visitId: string | null;
  hallId: string | null; windowId: string | null; raterUserId: string | null; realName: boolean;
}

/**
 * rating.submitted → a counted bad rating opens an order. With a comment it is a 差评 order dispatched as through
 * 12345 (no 退单, same-day contact); without one 12345 cannot dispatch it, so it is kept as 意见建议 with its own limits.
 */
export async function openOrderForRating(db: Db, e: RatingSubmitted): Promise<void> {
  if (!e.isBad || !e.counted) return;
  await db.transaction().execute(async (tx) => {
    if (await repo.findOrderOfRating(tx, e.ratingId)) return; // event redelivered
    const rater = e.raterUserId ? await findUserById(tx, e.raterUserId) : undefined;
    const what = e.itemName ?? (e.windowId ? `窗口 ${e.windowId} 服务` : '政务服务');
    await openOrder(tx, systemActor, {
      source: e.hasComment ? 'bad_rating' : 'suggestion',
      agency_id: e.agencyId, title: `${e.hasComment ? '差评' : '意见建议'}：${what}（${LEVEL_LABELS[e.level]}）`,
      content: e.comment ?? '（评价人未填写文字评价）', rating_id: e.ratingId, rating_level: e.level, case_id: e.caseId, case_no: e.caseNo,
      item_name: e.itemName, place: e.windowId ? [e.hallId, e.windowId].filter(Boolean).join(' / ') : null,
      contact_name: rater?.name ?? null, contact_phone: rater?.phone ?? null, real_name: e.realName,
    }, `由评价 ${e.ratingId} 自动生成`);
  });
}

/** A supervisor dispatches to an agency that must exist. */
export async function requireAgency(db: Db | Tx, agencyId: string) {
  const agencies = await findAgencies(db);
  if (!agencies.some((a) => a.id === agencyId)) throw new AppError('VALIDATION_FAILED', { detail: `机构 ${agencyId} 不存在`, field: 'agencyId' });
}
