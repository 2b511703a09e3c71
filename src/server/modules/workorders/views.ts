import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import type { WorkOrder, Rule } from './repository.js';
import { SOURCE_LABELS, STATUS_LABELS } from './labels.js';

export type DeadlineColour = 'red' | 'yellow' | 'green' | 'none';

/** 红 overdue, 黄 inside the warning window before the stage deadline, 绿 otherwise; none for closed or no deadline. */
export function deadlineColour(o: WorkOrder, warnHours: number, now = Date.now()): DeadlineColour {
  if (o.status === 'closed' || !o.stage_due_at) return 'none';
  const due = new Date(o.stage_due_at).getTime();
  if (due < now) return 'red';
  return due - warnHours * 3_600_000 <= now ? 'yellow' : 'green';
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** An order as shown to staff: contact data always masked here; the assigned handlers reveal it through an audited call. */
export function orderView(o: WorkOrder, rules: Map<string, Rule>) {
  const rule = rules.get(o.source);
  return {
    id: o.id, orderNo: o.order_no, source: o.source, sourceLabel: SOURCE_LABELS[o.source], status: o.status, statusLabel: STATUS_LABELS[o.status],
    agencyId: o.agency_id, title: o.title, content: o.content, category: o.category, ticketNo: o.ticket_no, calledAt: iso(o.called_at),
    ratingId: o.rating_id, ratingLevel: o.rating_level, caseId: o.case_id, caseNo: o.case_no, itemName: o.item_name, place: o.place,
    contact: { name: maskName(o.contact_name), phone: maskPhone(o.contact_phone), masked: true }, realName: o.real_name,
    indicatorKey: o.indicator_key, returnAllowed: rule?.return_allowed ?? false,
    stageStartedAt: iso(o.stage_started_at), stageDueAt: iso(o.stage_due_at), deadlineColour: deadlineColour(o, rule?.warn_hours ?? 0),
    warnedAt: iso(o.warned_at), escalatedAt: iso(o.escalated_at), contactDueAt: iso(o.contact_due_at), contactedAt: iso(o.contacted_at), dueAt: iso(o.due_at),
    finding: o.finding, resolution: o.resolution,
    callback: { outcome: o.callback_outcome, resolved: o.callback_resolved, at: iso(o.callback_at) }, reopenCount: o.reopen_count,
    appeal: { reason: o.appeal_reason, decision: o.appeal_decision, fromStatus: o.appeal_from_status },
    handlerUserId: o.handler_user_id, closedAt: iso(o.closed_at), closedOnTime: o.closed_on_time, closure: o.closure,
    createdAt: iso(o.created_at), updatedAt: iso(o.updated_at),
  };
}
