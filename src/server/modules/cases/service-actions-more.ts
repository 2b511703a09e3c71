import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actOnCase, type ActOptions } from './act.js';
import { extendClock, pauseClock, planTimers, resumeClock } from './clock.js';
import { logStep, type EngineCtx, type StepRow } from './engine/engine.js';
import { nodeById } from './engine/definition.js';
import { publishSpecialProcedure } from './events.js';
import { getUserBrief, notify } from './ports.js';
import { handlersOf } from './handlers.js';
import * as repo from './repository.js';
import { shanghaiDay } from './clock-time.js';
import { checkSpecial, checkUrge, claimableTask, heldOrAdminTask, removableSigner, signerNodeTask, withdrawableStep, type CaseState } from './rules.js';

async function openStepOf(ctx: EngineCtx, taskId: string | undefined, allowAdmin: boolean): Promise<StepRow> {
  return heldOrAdminTask(ctx.actor, ctx.caseRow, await repo.findPendingSteps(ctx.tx, ctx.caseRow.id), taskId, allowAdmin);
}

/** The case as the rules see it, read in the acting transaction. */
const stateOf = async (ctx: EngineCtx): Promise<CaseState> => ({ c: ctx.caseRow, def: ctx.def, steps: await repo.findStepsOfCase(ctx.tx, ctx.caseRow.id) });

/** 签收: takes a pool task so that colleagues see it is being handled. */
export function claimTask(db: Db, actor: Actor, caseId: string, opts: ActOptions) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = claimableTask(actor, await repo.findPendingSteps(ctx.tx, ctx.caseRow.id), opts.taskId);
    await repo.updateStep(ctx.tx, step.id, { claimed_by_user_id: actor.userId });
    return { audit: { action: 'case.claim', detail: { taskId: step.id } } };
  });
}

/** 转办: hands the open task to a named colleague or back to a role pool of an agency. */
export function transferTask(db: Db, actor: Actor, caseId: string, opts: ActOptions & { toUserId?: string; toAgencyId?: string; toRole?: 'window_clerk' | 'reviewer' | 'approver'; reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await openStepOf(ctx, opts.taskId, true);
    if (!opts.toUserId && !(opts.toAgencyId && opts.toRole)) throw new AppError('VALIDATION_FAILED', { field: 'toUserId', detail: '请指定转办给的人员，或机构与岗位' });
    if (opts.toUserId) {
      const u = await getUserBrief(ctx.tx, opts.toUserId);
      if (!u || u.kind !== 'staff' || !u.active) throw new AppError('VALIDATION_FAILED', { field: 'toUserId', detail: '转办对象不是有效的工作人员' });
      await repo.updateStep(ctx.tx, step.id, { assignee_user_id: u.id, claimed_by_user_id: null });
    } else {
      await repo.updateStep(ctx.tx, step.id, { assignee_user_id: null, claimed_by_user_id: null, agency_id: opts.toAgencyId!, role: opts.toRole! });
    }
    await logStep(ctx, { id: step.node_id, name: step.node_name }, 'transfer', opts.reason);
    if (opts.toUserId) await notify(ctx.tx, { template: 'case.task_assigned', userId: opts.toUserId, vars: { caseNo: ctx.caseRow.case_no, nodeName: step.node_name } });
    return { audit: { action: 'case.transfer', detail: { taskId: step.id, toUserId: opts.toUserId ?? null, toAgencyId: opts.toAgencyId ?? null, toRole: opts.toRole ?? null } } };
  });
}

/** 加签: adds a signer to the open 会签/或签 node; the signer is kept if the node is entered again later. */
export function addSigner(db: Db, actor: Actor, caseId: string, opts: ActOptions & { userId: string; reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const { step, node } = signerNodeTask(actor, await stateOf(ctx), opts.taskId);
    const u = await getUserBrief(ctx.tx, opts.userId);
    if (!u || u.kind !== 'staff' || !u.active) throw new AppError('VALIDATION_FAILED', { field: 'userId', detail: '加签对象不是有效的工作人员' });
    const siblings = await repo.findStepsOfActivation(ctx.tx, ctx.caseRow.id, node.id, step.activation);
    if (siblings.some((s) => s.assignee_user_id === u.id && s.state !== 'cancelled')) throw new AppError('CASE_STATE_CONFLICT', { field: 'userId', detail: '该人员已在本环节签署名单中' });
    await repo.insertStep(ctx.tx, {
      case_id: ctx.caseRow.id, seq: await repo.nextStepSeq(ctx.tx, ctx.caseRow.id), node_id: node.id, node_name: node.name, node_kind: node.kind, activation: step.activation,
      branch: `user:${u.id}`, agency_id: ctx.caseRow.agency_id, role: null, assignee_user_id: u.id, claimed_by_user_id: null, state: 'pending',
      action: null, action_label: null, opinion: null, actor_user_id: null, actor_name: null, started_at: ctx.now, ended_at: null,
    });
    await logStep(ctx, node, 'add_signer', `${opts.reason}（加签：${u.name}）`);
    const extra = { ...ctx.caseRow.extra_signers, [node.id]: [...new Set([...(ctx.caseRow.extra_signers[node.id] ?? []), u.id])] };
    return { patch: { extra_signers: JSON.stringify(extra) }, audit: { action: 'case.add_signer', detail: { node: node.id, userId: u.id } } };
  });
}

/** 减签: removes a signer who has not signed yet; at least one signer must remain on the node. */
export function removeSigner(db: Db, actor: Actor, caseId: string, opts: ActOptions & { signerTaskId: string; reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const { target, node } = removableSigner(actor, await stateOf(ctx), opts.signerTaskId);
    await repo.updateStep(ctx.tx, target.id, { state: 'cancelled', ended_at: ctx.now, opinion: `减签：${opts.reason}` });
    await logStep(ctx, node, 'remove_signer', opts.reason);
    const extra = { ...ctx.caseRow.extra_signers, [node.id]: (ctx.caseRow.extra_signers[node.id] ?? []).filter((id) => id !== target.assignee_user_id) };
    return { patch: { extra_signers: JSON.stringify(extra) }, audit: { action: 'case.remove_signer', detail: { node: node.id, taskId: target.id } } };
  });
}

/**
 * 撤回: the last actor takes back their step while nobody has acted on what followed (no later step done, no
 * task claimed). The tasks it opened are cancelled and the actor's own task reopens; a decision it made is void.
 */
export function withdrawStep(db: Db, actor: Actor, caseId: string, opts: ActOptions & { reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const state = await stateOf(ctx);
    const last = withdrawableStep(actor, state);
    const steps = state.steps.filter((s) => s.node_kind !== 'log' && s.node_kind !== 'auto' && s.node_kind !== 'end');
    const node = nodeById(ctx.def, last.node_id);
    // Only the actor's own task reopens, in its original activation: the other signatures or branches of a
    // 会签/并联 node stay signed, and the node completes again when this task is done.
    const sameActivationOpen = steps.some((s) => s.node_id === last.node_id && s.activation === last.activation && s.state === 'pending');
    if (!sameActivationOpen) await repo.cancelPendingSteps(ctx.tx, ctx.caseRow.id, ctx.now);
    await repo.insertStep(ctx.tx, { ...reopen(last), seq: await repo.nextStepSeq(ctx.tx, ctx.caseRow.id), started_at: ctx.now, claimed_by_user_id: last.assignee_user_id ? null : actor.userId });
    await logStep(ctx, node, 'withdraw', opts.reason);
    const patch = ['approve', 'deny'].includes(last.action ?? '') ? { outcome: null, decided_at: null } : {};
    return { patch, audit: { action: 'case.withdraw', detail: { stepId: last.id, node: last.node_id } } };
  });
}

function reopen(s: StepRow) {
  return {
    case_id: s.case_id, node_id: s.node_id, node_name: s.node_name, node_kind: s.node_kind, activation: s.activation, branch: s.branch, agency_id: s.agency_id, role: s.role,
    assignee_user_id: s.assignee_user_id, claimed_by_user_id: null, state: 'pending' as const, action: null, action_label: null, opinion: null, actor_user_id: null, actor_name: null, ended_at: null,
  };
}

/** 催办: notifies whoever holds the open tasks (the claimant, the named person, or everyone of the pool); once a day per case. */
export function urgeCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { message?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const c = ctx.caseRow;
    const pending = await repo.findPendingSteps(ctx.tx, c.id);
    checkUrge(actor, c, pending);
    const users = await handlersOf(ctx.tx, pending);
    const day = shanghaiDay(ctx.now);
    for (const userId of users) await notify(ctx.tx, { template: 'case.urged', userId, vars: { caseNo: c.case_no, itemName: c.item_name, message: opts.message ?? null }, dedupeKey: `case.urged:${c.id}:${userId}:${day}` });
    await logStep(ctx, { id: pending[0].node_id, name: pending[0].node_name }, 'urge', opts.message ?? null);
    return { audit: { action: 'case.urge', detail: { notified: users.size } } };
  });
}

/** 特别程序: 延长审批 (extend by N days) or a pause of the clock with its reason, and the resumption. */
export function specialProcedure(db: Db, actor: Actor, caseId: string, opts: ActOptions & { kind: 'extend' | 'pause' | 'resume'; days?: number; reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const c = ctx.caseRow;
    if (opts.kind === 'resume') {
      checkSpecial(actor, { c, def: ctx.def, steps: [] }, 'resume');
      const patch = await resumeClock(ctx.tx, c, ctx.now);
      await logStep(ctx, { id: 'special', name: '特别程序' }, 'resume', opts.reason);
      return { patch: { ...patch, status: 'in_progress' }, audit: { action: 'case.special_resume' }, after: (u) => planTimers(ctx.tx, u) };
    }
    checkSpecial(actor, await stateOf(ctx), opts.kind, opts.taskId);
    if (opts.kind === 'extend') {
      if (!opts.days || opts.days < 1) throw new AppError('VALIDATION_FAILED', { field: 'days', detail: '延长天数须为正整数' });
      const { patch, pauseId } = await extendClock(ctx.tx, c, opts.days, opts.reason, ctx.now, actor.userId);
      await logStep(ctx, { id: 'special', name: '特别程序' }, 'extend', `${opts.reason}（延长 ${opts.days} 天）`);
      const special = { procedureId: pauseId, kind: 'extension' as const, name: '延长审批', reason: opts.reason, days: opts.days, startedAt: ctx.now, endsAt: patch.deadline_at };
      return { patch, audit: { action: 'case.special_extend', detail: { days: opts.days } }, after: async (u) => { await planTimers(ctx.tx, u); await publishSpecialProcedure(ctx.tx, u, special); } };
    }
    const { patch, pauseId } = await pauseClock(ctx.tx, c, 'special_pause', opts.reason, ctx.now, actor.userId);
    await logStep(ctx, { id: 'special', name: '特别程序' }, 'pause', opts.reason);
    const special = { procedureId: pauseId, kind: 'other' as const, name: '特别程序（暂停计时）', reason: opts.reason, days: null, startedAt: ctx.now, endsAt: null };
    return { patch: { ...patch, status: 'suspended' }, audit: { action: 'case.special_pause', detail: { reason: opts.reason } }, after: (u) => publishSpecialProcedure(ctx.tx, u, special) };
  });
}
