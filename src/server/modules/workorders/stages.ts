import type { Executor, Tx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { enqueue } from '../../platform/jobs/queue.js';
import type { Updateable } from 'kysely';
import * as repo from './repository.js';
import { dueDate } from './deps.js';
import type { Status, WorkOrdersTable } from './tables.js';

export const TIMER_QUEUE = 'workorders.deadline';

/** Working days allowed for a stage under a source's rule; null = the stage has no deadline (waits for the supervisor). */
export function stageDays(rule: repo.Rule, status: Status): number | null {
  switch (status) {
    case 'pending_sign': return rule.sign_days;
    case 'verifying': return rule.verify_days;
    case 'rectifying':
    case 'explaining': return rule.rectify_days;
    case 'callback': return rule.callback_days;
    default: return null;
  }
}

/** Warning and overdue timers of the order's current stage; the dedupe key makes scheduling twice harmless. */
export function stageTimers(o: Pick<repo.WorkOrder, 'id' | 'stage_seq' | 'stage_due_at'>, warnHours: number) {
  if (!o.stage_due_at) return [];
  const due = new Date(o.stage_due_at);
  const warnAt = new Date(Math.max(Date.now(), due.getTime() - warnHours * 3_600_000));
  return [
    { queue: TIMER_QUEUE, runAt: warnAt, dedupeKey: `${o.id}:${o.stage_seq}:warn`, payload: { orderId: o.id, stageSeq: o.stage_seq, kind: 'warn' } },
    { queue: TIMER_QUEUE, runAt: due, dedupeKey: `${o.id}:${o.stage_seq}:overdue`, payload: { orderId: o.id, stageSeq: o.stage_seq, kind: 'overdue' } },
  ];
}

export async function stageDueAt(db: Executor, rule: repo.Rule, status: Status, from: Date): Promise<Date | null> {
  const days = stageDays(rule, status);
  return days === null ? null : dueDate(db, from, { days, unit: 'working' });
}

/**
 * Moves an order to a new status in the caller's transaction: new stage number and deadline (timers of the old
 * stage become no-ops because they carry the old stage number), history step, audit record, new timers.
 */
export async function moveTo(tx: Tx, actor: Actor, o: repo.WorkOrder, to: Status, action: string, note: string | null, patch: Updateable<WorkOrdersTable> = {}) {
  const rule = await repo.findRule(tx, o.source);
  const now = new Date();
  const stageDue = to === 'closed' ? null : await stageDueAt(tx, rule, to, now);
  const updated = await repo.updateOrder(tx, o.id, {
    ...patch, status: to, stage_seq: o.stage_seq + 1, stage_started_at: now, stage_due_at: stageDue, warned_at: null, escalated_at: null,
  });
  await repo.insertStep(tx, { order_id: o.id, action, from_status: o.status, to_status: to, actor_id: actor.userId, actor_name: actor.displayName, note });
  await recordAudit(tx, actor, { action: `workorder.${action}`, targetType: 'work_order', targetId: o.id, agencyId: updated.agency_id, detail: { orderNo: o.order_no, from: o.status, to, note } });
  await enqueue(tx, ...stageTimers(updated, rule.warn_hours));
  return updated;
}

/** Records a step that does not change the status (e.g. 先行联系). */
export async function recordStep(tx: Tx, actor: Actor, o: repo.WorkOrder, action: string, note: string | null, detail: Record<string, unknown> = {}) {
  await repo.insertStep(tx, { order_id: o.id, action, from_status: o.status, to_status: o.status, actor_id: actor.userId, actor_name: actor.displayName, note });
  await recordAudit(tx, actor, { action: `workorder.${action}`, targetType: 'work_order', targetId: o.id, agencyId: o.agency_id, detail: { orderNo: o.order_no, note, ...detail } });
}
