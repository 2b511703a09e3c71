import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as repo from './repository.js';
import { isCenterWide, isHandlerOf, visibleAgencies, workOrderPolicy } from './policy.js';
import { orderView } from './views.js';
import type { Source, Status } from './tables.js';

const rulesMap = async (db: Db) => new Map((await repo.findRules(db)).map((r) => [r.source, r]));
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

async function visibleOrder(db: Db, actor: Actor, id: string) {
  workOrderPolicy.require(actor, 'workorder.view');
  const o = await repo.findOrder(db, id);
  if (!o) throw notFound('工单');
  if (!isCenterWide(actor) && !isHandlerOf(actor, o.agency_id)) throw notFound('工单'); // do not reveal others' orders exist
  return o;
}

export interface ListParams {
  status?: string[]; source?: string[]; agencyId?: string; open?: 'true' | 'false'; overdue?: 'true' | 'false';
  q?: string; from?: string; to?: string; limit: number; offset: number;
}

/** Orders an actor may see, with stage, owner, deadline colour and source; the supervisor sees all. */
export async function listOrders(db: Db, actor: Actor, p: ListParams) {
  workOrderPolicy.require(actor, 'workorder.view');
  const rows = await repo.findOrders(db, {
    agencyIds: visibleAgencies(actor), agencyId: p.agencyId, status: p.status as Status[], source: p.source as Source[],
    open: p.open === 'true', overdue: p.overdue === 'true', q: p.q,
    from: p.from ? dayStart(p.from) : undefined, to: p.to ? new Date(dayStart(p.to).getTime() + 86_400_000) : undefined,
    limit: p.limit, offset: p.offset,
  });
  const rules = await rulesMap(db);
  return { items: rows.map((o) => orderView(o, rules)) };
}

export async function showOrder(db: Db, actor: Actor, id: string) {
  return orderDetail(db, await visibleOrder(db, actor, id));
}

/** An order with its history (the answer to a transition, which its actor may no longer see afterwards, e.g. 退单). */
export async function orderDetail(db: Db, o: repo.WorkOrder) {
  const steps = await repo.findSteps(db, o.id);
  return {
    ...orderView(o, await rulesMap(db)),
    steps: steps.map((s) => ({ action: s.action, from: s.from_status, to: s.to_status, actorName: s.actor_name, note: s.note, at: s.at.toISOString() })),
  };
}

/** The unmasked contact, for the assigned handlers only, and every look is audited (查看敏感信息留痕). */
export async function revealContact(db: Db, actor: Actor, id: string) {
  requireLogin(actor);
  const o = await visibleOrder(db, actor, id);
  if (!isHandlerOf(actor, o.agency_id)) throw new AppError('FORBIDDEN', { detail: '只有承办单位的工作人员可以查看联系方式' });
  await recordAudit(db, actor, { action: 'workorder.reveal_contact', targetType: 'work_order', targetId: o.id, agencyId: o.agency_id, detail: { orderNo: o.order_no } });
  return { name: o.contact_name, phone: o.contact_phone };
}

/** Per-agency table of the supervisor view. */
export async function agencyTable(db: Db, actor: Actor) {
  workOrderPolicy.require(actor, 'workorder.supervise');
  const rows = await repo.perAgencyTable(db);
  return {
    items: rows.map((r) => ({
      agencyId: r.agency_id, open: r.open, overdue: r.overdue, closed: r.closed, closedOnTime: r.closed_on_time,
      byStage: { pending_dispatch: r.pending_dispatch, pending_sign: r.pending_sign, verifying: r.verifying, rectifying: r.rectifying, explaining: r.explaining, callback: r.callback, appealing: r.appealing },
    })),
  };
}
