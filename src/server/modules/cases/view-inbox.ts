import type { Db } from '../../platform/db/database.js';
import { agenciesWith, hasRole, requireLogin, type Actor, type Role } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskName } from '../../platform/privacy/mask.js';
import { STATUS_LABELS } from './act.js';
import { CENTER_AGENCY_ID } from './constants.js';
import { casesPolicy } from './policy.js';
import * as repo from './repository.js';

const TASK_ROLES: Role[] = ['window_clerk', 'reviewer', 'approver', 'dept_admin'];

export interface InboxQuery {
  itemId?: string; status?: string; colour?: 'green' | 'yellow' | 'red'; appliedFrom?: string; appliedTo?: string; caseNo?: string;
  sort?: 'deadline' | 'submitted'; limit?: number; offset?: number;
}

/**
 * 我的待办: pool tasks of the roles I hold in my agencies (unclaimed) plus tasks named to me or claimed by me —
 * which includes completed cases waiting for 送达 at whoever delivers them.
 */
export async function inbox(db: Db, actor: Actor, q: InboxQuery) {
  requireLogin(actor);
  const pools = TASK_ROLES.map((role) => ({ role, agencyIds: agenciesWith(actor, [role]) })).filter((p) => p.agencyIds.length);
  const filter: repo.InboxFilter = {
    userId: actor.userId, pools, itemId: q.itemId, status: q.status, colour: q.colour, caseNo: q.caseNo,
    appliedFrom: q.appliedFrom ? new Date(`${q.appliedFrom}T00:00:00+08:00`) : undefined,
    appliedTo: q.appliedTo ? new Date(new Date(`${q.appliedTo}T00:00:00+08:00`).getTime() + 86400_000) : undefined,
    sort: q.sort ?? 'deadline', limit: q.limit ?? 50, offset: q.offset ?? 0,
  };
  const [rows, counts] = await Promise.all([repo.findInbox(db, filter), repo.countInboxByStatus(db, { ...filter, status: undefined })]);
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    items: rows.map((r) => ({
      taskId: r.task_id, nodeId: r.node_id, nodeName: r.node_name, nodeKind: r.node_kind, taskAgencyId: r.task_agency_id, role: r.role, claimedByMe: r.claimed_by_user_id === actor.userId,
      assignedToMe: r.assignee_user_id === actor.userId, taskStartedAt: r.task_started_at,
      caseId: r.id, caseNo: r.case_no, version: r.version, status: r.status, statusLabel: STATUS_LABELS[r.status], itemId: r.item_id, itemName: r.item_name, agencyId: r.agency_id,
      applicantName: maskName(r.applicant_name), channel: r.channel, submittedAt: r.submitted_at, deadlineAt: r.deadline_at, deadlineDay: r.deadline_at ? new Date(new Date(r.deadline_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null, colour: r.colour, immediate: r.immediate,
    })),
  };
}

/** 超期办件 per agency: supervisors and the center admin for any agency, a department admin for their own. */
export async function overdueCases(db: Db, actor: Actor, q: { agencyId?: string; limit?: number; offset?: number }) {
  requireLogin(actor);
  const centerWide = hasRole(actor, ['supervisor', 'center_admin'], CENTER_AGENCY_ID);
  if (!centerWide) {
    if (!q.agencyId) throw new AppError('VALIDATION_FAILED', { field: 'agencyId', detail: '请指定机构 agencyId' });
    casesPolicy.require(actor, 'case.overdue', q.agencyId);
  }
  const rows = await repo.findOverdue(db, q.agencyId ?? null, q.limit ?? 100, q.offset ?? 0);
  return rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, status: r.status, itemId: r.item_id, itemName: r.item_name, agencyId: r.agency_id, applicantName: maskName(r.applicant_name), acceptedAt: r.accepted_at, deadlineAt: r.deadline_at, warnedAt: r.warned_red_at }));
}
