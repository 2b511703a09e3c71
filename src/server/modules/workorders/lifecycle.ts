import type { Db, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import * as repo from './repository.js';
import { moveTo, recordStep } from './stages.js';
import { isHandlerOf, workOrderPolicy } from './policy.js';
import { requireAgency } from './create.js';
import { tellAgency } from './notices.js';
import { upholdRatingAppeal } from '../ratings/contract.js';
import type { CallbackOutcome, Status } from './tables.js';
import { STATUS_LABELS } from './labels.js';

type Step = (tx: Tx, o: repo.WorkOrder) => Promise<repo.WorkOrder>;

/** Runs one transition on the locked order, so two people acting at once cannot both move it. */
async function act(db: Db, actor: Actor, id: string, step: Step) {
  requireLogin(actor);
  return db.transaction().execute(async (tx) => {
    const o = await repo.lockOrder(tx, id);
    if (!o) throw notFound('工单');
    return step(tx, o);
  });
}

function expect(o: repo.WorkOrder, ...allowed: Status[]) {
  if (!allowed.includes(o.status)) {
    throw new AppError('WORK_ORDER_STATE_CONFLICT', { detail: `工单当前为「${STATUS_LABELS[o.status]}」，不能执行此操作` });
  }
}

/** Only staff of the assigned agency (dept_admin / reviewer / approver) work on an order: 谁办理谁负责. */
function requireHandler(actor: Actor, o: repo.WorkOrder) {
  if (!isHandlerOf(actor, o.agency_id)) throw new AppError('FORBIDDEN', { detail: '只有承办单位的工作人员可以办理该工单' });
}

export const dispatch = (db: Db, actor: Actor, id: string, b: { agencyId: string; note?: string }) =>
  act(db, actor, id, async (tx, o) => {
    workOrderPolicy.require(actor, 'workorder.supervise');
    expect(o, 'pending_dispatch', 'pending_sign');
    await requireAgency(tx, b.agencyId);
    const moved = await moveTo(tx, actor, o, 'pending_sign', 'dispatch', b.note ?? null, { agency_id: b.agencyId, handler_user_id: null });
    await tellAgency(tx, moved);
    return moved;
  });

export const sign = (db: Db, actor: Actor, id: string, b: { note?: string } = {}) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'pending_sign');
    return moveTo(tx, actor, o, 'verifying', 'sign', b.note ?? null, { handler_user_id: actor.userId });
  });

/** 退单: only where the source allows it; a bad rating with a comment may never be returned. */
export const returnOrder = (db: Db, actor: Actor, id: string, b: { reason: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'pending_sign', 'verifying');
    const rule = await repo.findRule(tx, o.source);
    if (!rule.return_allowed) throw new AppError('WORK_ORDER_RETURN_FORBIDDEN', { detail: `「${rule.label}」工单原则上一律不准退单` });
    return moveTo(tx, actor, o, 'pending_dispatch', 'return', b.reason, { agency_id: null, handler_user_id: null });
  });

/** 先行联系: the unit contacted the person (for 差评 the same day). Does not change the stage. */
export const contact = (db: Db, actor: Actor, id: string, b: { note: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'pending_sign', 'verifying', 'rectifying', 'explaining', 'callback');
    const at = new Date();
    const updated = await repo.updateOrder(tx, o.id, { contacted_at: o.contacted_at ?? at });
    await recordStep(tx, actor, o, 'contact', b.note, { onTime: !o.contact_due_at || at <= new Date(o.contact_due_at) });
    return updated;
  });

export const verify = (db: Db, actor: Actor, id: string, b: { outcome: 'rectify' | 'explain'; finding: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'verifying');
    return moveTo(tx, actor, o, b.outcome === 'rectify' ? 'rectifying' : 'explaining', 'verify', b.finding, { finding: b.finding });
  });

export const finish = (db: Db, actor: Actor, id: string, b: { resolution: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'rectifying', 'explaining');
    return moveTo(tx, actor, o, 'callback', 'finish', b.resolution, { resolution: b.resolution, callback_outcome: null, callback_resolved: null });
  });

/** 回访: records the person's verdict; an unhappy one reopens the order for rectification (重办). */
export const callback = (db: Db, actor: Actor, id: string, b: { outcome: CallbackOutcome; resolved: boolean; note?: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    expect(o, 'callback');
    const patch = { callback_outcome: b.outcome, callback_resolved: b.resolved, callback_at: new Date() };
    if (b.outcome === 'unsatisfied') {
      return moveTo(tx, actor, o, 'rectifying', 'reopen', b.note ?? '回访不满意，重新整改', { ...patch, reopen_count: o.reopen_count + 1 });
    }
    const updated = await repo.updateOrder(tx, o.id, patch);
    await recordStep(tx, actor, o, 'callback', b.note ?? null, { outcome: b.outcome, resolved: b.resolved });
    return updated;
  });

export const close = (db: Db, actor: Actor, id: string, b: { note?: string }) =>
  act(db, actor, id, async (tx, o) => {
    workOrderPolicy.require(actor, 'workorder.supervise');
    expect(o, 'callback');
    if (!o.callback_outcome) throw new AppError('WORK_ORDER_STATE_CONFLICT', { detail: '请先记录回访结果再办结' });
    const now = new Date();
    return moveTo(tx, actor, o, 'closed', 'close', b.note ?? null, { closed_at: now, closed_on_time: !o.due_at || now <= new Date(o.due_at), closure: 'resolved' });
  });

/** 申诉复核: the unit says a rating is malicious or false; a supervisor decides. */
export const appeal = (db: Db, actor: Actor, id: string, b: { reason: string }) =>
  act(db, actor, id, async (tx, o) => {
    requireHandler(actor, o);
    if (!o.rating_id) throw new AppError('WORK_ORDER_STATE_CONFLICT', { detail: '只有评价产生的工单可以申诉' });
    expect(o, 'pending_sign', 'verifying', 'rectifying', 'explaining', 'callback');
    return moveTo(tx, actor, o, 'appealing', 'appeal', b.reason, { appeal_reason: b.reason, appeal_from_status: o.status, appeal_decision: null });
  });

export const decideAppeal = (db: Db, actor: Actor, id: string, b: { decision: 'upheld' | 'rejected'; note: string }) =>
  act(db, actor, id, async (tx, o) => {
    workOrderPolicy.require(actor, 'workorder.supervise');
    expect(o, 'appealing');
    if (b.decision === 'rejected') {
      return moveTo(tx, actor, o, o.appeal_from_status ?? 'verifying', 'appeal_rejected', b.note, { appeal_decision: 'rejected' });
    }
    await upholdRatingAppeal(tx, actor, o.rating_id!, b.note);
    return moveTo(tx, actor, o, 'closed', 'appeal_upheld', b.note, { appeal_decision: 'upheld', closed_at: new Date(), closed_on_time: null, closure: 'appeal_upheld' });
  });
