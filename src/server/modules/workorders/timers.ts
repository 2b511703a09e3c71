import type { JobContext } from '../../platform/jobs/worker.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/auth/actor.js';
import * as repo from './repository.js';
import { notify } from './deps.js';
import { HANDLER_ROLES } from './policy.js';
import { STATUS_LABELS } from './labels.js';

/**
 * Timer job of a stage: 'warn' tells the handling agency the stage is about to be due; 'overdue' escalates to the
 * supervisors. Each fires at most once per stage: the claim sets warned_at / escalated_at only if still empty and
 * only for the stage the timer was scheduled for, in the same transaction as the notices.
 */
export async function onStageTimer(p: { orderId: string; stageSeq: number; kind: 'warn' | 'overdue' }, job: JobContext): Promise<void> {
  await job.db.transaction().execute(async (tx) => {
    const o = await repo.claimTimer(tx, p.orderId, p.stageSeq, p.kind);
    if (!o) return; // stage already left, order closed, or already fired
    const vars = { orderNo: o.order_no, subject: o.title, stage: STATUS_LABELS[o.status], dueDate: o.stage_due_at ? new Date(o.stage_due_at) : null, agencyName: o.agency_id ?? '待派单' };
    const recipients = p.kind === 'warn'
      ? (o.handler_user_id ? [o.handler_user_id] : o.agency_id ? await repo.staffHolding(tx, HANDLER_ROLES, o.agency_id) : await repo.staffHolding(tx, ['supervisor'], null))
      : await repo.staffHolding(tx, ['supervisor'], null);
    const template = p.kind === 'warn' ? 'workorder.deadline_warning' : 'workorder.escalated';
    for (const userId of recipients) {
      await notify(tx, { template, userId, vars, channels: ['inbox'], essential: true, link: `/workbench/workorders/${o.id}`, dedupeKey: `${template}:${o.id}:${o.stage_seq}:${userId}` });
    }
    if (p.kind === 'overdue') {
      await repo.insertStep(tx, { order_id: o.id, action: 'escalate', from_status: o.status, to_status: o.status, actor_id: null, actor_name: systemActor.displayName, note: `「${STATUS_LABELS[o.status]}」阶段超期，已上报督查` });
    }
    await recordAudit(tx, systemActor, { action: `workorder.${p.kind === 'warn' ? 'deadline_warning' : 'escalate'}`, targetType: 'work_order', targetId: o.id, agencyId: o.agency_id, detail: { orderNo: o.order_no, stage: o.status, recipients: recipients.length } });
  });
}
