import type { Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CaseRow, EngineCtx, StepRow } from './engine/engine.js';
import { loadDefinition } from './engine/loader.js';
import { publishSteps } from './events.js';
import { getItemVersion } from './ports.js';
import * as repo from './repository.js';
import { chooseTask } from './rules.js';
import type { CasesTable } from './tables.js';

export { canHandle, STAGE_ACTIONS, STATUS_LABELS } from './rules.js';

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

/** The open task the actor acts on (the rules in rules.ts decide; this reads the steps in the acting transaction). */
export async function pickTask(ctx: EngineCtx, action: string, taskId?: string): Promise<StepRow> {
  const steps = await repo.findStepsOfCase(ctx.tx, ctx.caseRow.id);
  return chooseTask(ctx.actor, { c: ctx.caseRow, def: ctx.def, steps }, action, taskId);
}
