import type { Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { hasRole, requireLogin, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ACTION_LABELS } from './constants.js';
import { isHuman, nodeById, type Stage } from './engine/definition.js';
import type { CaseRow, EngineCtx, StepRow } from './engine/engine.js';
import { loadDefinition } from './engine/loader.js';
import { publishSteps } from './events.js';
import { getItemVersion } from './ports.js';
import * as repo from './repository.js';
import type { CasesTable } from './tables.js';

/** Which business actions each stage offers (the definition names the stage of every human node). */
export const STAGE_ACTIONS: Record<Stage, string[]> = {
  accept: ['accept', 'not_accept', 'request_correction'],
  review: ['pass', 'send_back', 'request_correction'],
  decide: ['approve', 'deny', 'send_back'],
  conclude: ['complete', 'send_back'],
  deliver: ['deliver'],
};

export interface ActOptions {
  /** The case version the actor saw: acting on a stale view is refused (optimistic locking). */
  version: number;
  taskId?: string;
  now?: Date;
  ip?: string | null;
}

export interface ActOutcome {
  patch?: Updateable<CasesTable>;
  audit: { action: string; detail?: Record<string, unknown> };
  /** Runs after the case row is updated, with the updated row (events that need the new state). */
  after?: (c: CaseRow) => Promise<void>;
}

/**
 * Runs one action on a case: locks the row, checks the version the actor saw, loads the pinned process version
 * and the item version, lets `fn` do the work, then bumps the version and writes steps' events and the audit
 * record — all in one transaction, so either all of it happens or none.
 */
export async function actOnCase(db: Db, actor: Actor, caseId: string, opts: ActOptions, fn: (ctx: EngineCtx) => Promise<ActOutcome>) {
  requireLogin(actor);
  return db.transaction().execute(async (tx) => {
    const c = await repo.lockCaseById(tx, caseId);
    if (!c || c.status === 'draft') throw new AppError('NOT_FOUND', { detail: '办件不存在' });
    if (c.version !== opts.version) {
      throw new AppError('CASE_CONCURRENT_UPDATE', { detail: `该办件刚被他人处理（您看到的是第 ${opts.version} 版，当前为第 ${c.version} 版），请刷新后查看最新状态`, extra: { currentVersion: c.version } });
    }
    const { def } = await loadDefinition(tx, c.process_key!, c.process_version);
    const item = await getItemVersion(tx, c.item_version_id);
    const ctx: EngineCtx = { tx, caseRow: c, def, item, actor, now: opts.now ?? new Date(), done: [] };
    const outcome = await fn(ctx);
    const updated = await repo.updateCase(tx, c.id, outcome.patch ?? {});
    ctx.caseRow = updated;
    await outcome.after?.(updated);
    await publishSteps(tx, updated, ctx.done);
    await recordAudit(tx, actor, { action: outcome.audit.action, targetType: 'case', targetId: c.id, agencyId: c.agency_id, ip: opts.ip, detail: { caseNo: c.case_no, version: updated.version, ...outcome.audit.detail } });
    const pending = await repo.findPendingSteps(tx, c.id);
    return { id: updated.id, caseNo: updated.case_no, status: updated.status, version: updated.version, pendingTasks: pending.map((s) => ({ id: s.id, nodeId: s.node_id, nodeName: s.node_name, agencyId: s.agency_id, role: s.role, assigneeUserId: s.assignee_user_id, claimedByUserId: s.claimed_by_user_id })) };
  });
}

export function canHandle(actor: Actor, s: StepRow): boolean {
  if (s.assignee_user_id) return actor.userId === s.assignee_user_id;
  if (!s.role || !hasRole(actor, [s.role as never], s.agency_id)) return false;
  return !s.claimed_by_user_id || s.claimed_by_user_id === actor.userId;
}

/** The open task the actor acts on: the one named, or the actor's only one; with Chinese reasons when none fits. */
export async function pickTask(ctx: EngineCtx, action: string, taskId?: string): Promise<StepRow> {
  const c = ctx.caseRow;
  if (!['submitted', 'in_progress'].includes(c.status)) {
    throw new AppError('CASE_STATE_CONFLICT', { detail: `办件当前状态为「${STATUS_LABELS[c.status]}」，不能${ACTION_LABELS[action] ?? action}` });
  }
  const pending = await repo.findPendingSteps(ctx.tx, c.id);
  const candidates = taskId ? pending.filter((s) => s.id === taskId) : pending;
  if (candidates.length === 0) throw new AppError('CASE_STATE_CONFLICT', { field: 'taskId', detail: taskId ? '该任务已办理或不存在' : '办件当前没有待办任务' });
  let mine = candidates.filter((s) => canHandle(ctx.actor, s));
  if (mine.some((s) => s.node_kind === 'countersign')) {
    // 会签 needs different people: whoever signed one slot of this pass cannot take another.
    const signedBefore = new Set((await repo.findStepsOfCase(ctx.tx, c.id)).filter((s) => s.state === 'done' && s.node_kind === 'countersign' && s.actor_user_id === ctx.actor.userId).map((s) => `${s.node_id}:${s.activation}`));
    mine = mine.filter((s) => s.node_kind !== 'countersign' || !signedBefore.has(`${s.node_id}:${s.activation}`));
  }
  if (mine.length === 0) {
    const claimedByOther = candidates.find((s) => s.claimed_by_user_id && s.role && hasRole(ctx.actor, [s.role as never], s.agency_id));
    if (claimedByOther) throw new AppError('TASK_ALREADY_CLAIMED', { detail: '该任务已被他人签收，如需办理请联系签收人转办' });
    throw new AppError('FORBIDDEN', { detail: `您不是「${candidates[0].node_name}」环节的处理人（该环节由指定机构的相应岗位办理）` });
  }
  const step = mine[0];
  const node = nodeById(ctx.def, step.node_id);
  if (!isHuman(node) || !STAGE_ACTIONS[node.stage].includes(action)) {
    throw new AppError('ACTION_NOT_ALLOWED', { detail: `「${node.name}」环节不能执行「${ACTION_LABELS[action] ?? action}」` });
  }
  return step;
}

export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿', submitted: '待受理', in_progress: '办理中', correction: '补正中', suspended: '特别程序中', completed: '已办结',
  delivered: '已送达', not_accepted: '不予受理', correction_timeout: '补正超时',
};
