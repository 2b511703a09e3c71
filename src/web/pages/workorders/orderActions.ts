import type { OrderTransition, WorkOrder } from '../../api/oversight.ts';

/**
 * The transitions this person may make on this order now — the same rules the workorders module enforces
 * (lifecycle.ts): the handling unit's staff (谁办理谁负责) sign, verify, rectify and call back; the supervisor
 * dispatches, closes and decides appeals. The server checks again on every call.
 */
const WORKING = ['pending_sign', 'verifying', 'rectifying', 'explaining', 'callback'];

export function orderTransitions(o: WorkOrder, roles: { role: string; agencyId: string }[]): OrderTransition[] {
  const supervisor = roles.some((r) => r.role === 'supervisor');
  const handler = !!o.agencyId && roles.some((r) => ['dept_admin', 'reviewer', 'approver'].includes(r.role) && r.agencyId === o.agencyId);
  const out: OrderTransition[] = [];
  if (supervisor && ['pending_dispatch', 'pending_sign'].includes(o.status)) out.push('dispatch');
  if (handler && o.status === 'pending_sign') out.push('sign');
  if (handler && o.status === 'verifying') out.push('verify');
  if (handler && ['rectifying', 'explaining'].includes(o.status)) out.push('finish');
  if (handler && o.status === 'callback') out.push('callback');
  if (supervisor && o.status === 'callback' && o.callback.outcome) out.push('close');
  if (handler && WORKING.includes(o.status)) out.push('contact');
  if (handler && o.returnAllowed && ['pending_sign', 'verifying'].includes(o.status)) out.push('return');
  if (handler && o.ratingId && WORKING.includes(o.status)) out.push('appeal');
  if (supervisor && o.status === 'appealing') out.push('decide-appeal');
  return out;
}

/** Whether the person may see the unmasked contact (the API allows the handling unit only). */
export const canRevealContact = (o: WorkOrder, roles: { role: string; agencyId: string }[]) =>
  !!o.agencyId && roles.some((r) => ['dept_admin', 'reviewer', 'approver'].includes(r.role) && r.agencyId === o.agencyId);
