import type { Tx } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { ACTION_LABELS, CENTER_AGENCY_ID } from '../constants.js';
import { getUserByLogin, type ItemVersionView } from '../ports.js';
import * as repo from '../repository.js';
import type { CasesTable, CaseStepsTable } from '../tables.js';
import type { Selectable } from 'kysely';
import { sendBackTargetsOf } from '../rules.js';
import { nextNode, nodeById, type Handler, type ProcessDefinition, type ProcessNode } from './definition.js';
import { runAutoStep } from './auto.js';

export type CaseRow = Selectable<CasesTable>;
export type StepRow = Selectable<CaseStepsTable>;

/** Everything one engine operation needs; `done` collects the steps finished in this transaction (for events). */
export interface EngineCtx {
  tx: Tx;
  caseRow: CaseRow;
  def: ProcessDefinition;
  item: ItemVersionView;
  actor: Actor;
  now: Date;
  done: StepRow[];
  /** Set when the process reached its end node. */
  ended?: boolean;
  /**
   * Set for a case created in this transaction: it has no steps yet, so step numbers and node activations are
   * counted here instead of asked of the database (two round trips per opened task on every submission).
   */
  fresh?: { nextSeq: number; activations: Map<string, number> };
}

async function nextSeq(ctx: EngineCtx): Promise<number> {
  return ctx.fresh ? ctx.fresh.nextSeq++ : repo.nextStepSeq(ctx.tx, ctx.caseRow.id);
}

async function nextActivation(ctx: EngineCtx, nodeId: string): Promise<number> {
  if (!ctx.fresh) return (await repo.lastActivation(ctx.tx, ctx.caseRow.id, nodeId)) + 1;
  const n = (ctx.fresh.activations.get(nodeId) ?? 0) + 1;
  ctx.fresh.activations.set(nodeId, n);
  return n;
}

export function resolveAgency(agency: string, ctx: EngineCtx): string {
  if (agency === 'item') return ctx.caseRow.agency_id;
  if (agency === 'center') return CENTER_AGENCY_ID;
  return agency;
}

async function userIdOfLogin(ctx: EngineCtx, login: string): Promise<string> {
  const u = await getUserByLogin(ctx.tx, login);
  if (!u) throw new AppError('PROCESS_DEFINITION_INVALID', { detail: `流程指定的处理人 ${login} 不存在` });
  return u.id;
}

async function openTask(ctx: EngineCtx, node: ProcessNode, activation: number, h: { agencyId: string | null; role: string | null; assignee: string | null; branch?: string | null; claimedBy?: string | null }) {
  return repo.insertStep(ctx.tx, {
    case_id: ctx.caseRow.id, seq: await nextSeq(ctx), node_id: node.id, node_name: node.name, node_kind: node.kind,
    activation, branch: h.branch ?? null, agency_id: h.agencyId, role: h.role, assignee_user_id: h.assignee, claimed_by_user_id: h.claimedBy ?? null,
    state: 'pending', action: null, action_label: null, opinion: null, actor_user_id: null, actor_name: null, started_at: ctx.now, ended_at: null,
  });
}

async function handlerTask(ctx: EngineCtx, node: ProcessNode, activation: number, h: Handler, branch: string | null, claimedBy?: string | null) {
  const agencyId = resolveAgency(h.agency, ctx);
  const assignee = h.user ? await userIdOfLogin(ctx, h.user) : null;
  return openTask(ctx, node, activation, { agencyId, role: h.role ?? null, assignee, branch, claimedBy: assignee ? null : claimedBy });
}

/** Records a finished step of the system or a past act (催办, 转办 …) that is not a task of the flow. */
export async function logStep(ctx: EngineCtx, node: { id: string; name: string }, action: string, opinion: string | null, actor: Actor = ctx.actor) {
  const step = await repo.insertStep(ctx.tx, {
    case_id: ctx.caseRow.id, seq: await nextSeq(ctx), node_id: node.id, node_name: node.name, node_kind: 'log',
    activation: 0, branch: null, agency_id: null, role: null, assignee_user_id: null, claimed_by_user_id: null, state: 'done',
    action, action_label: ACTION_LABELS[action] ?? action, opinion, actor_user_id: actor.userId, actor_name: actor.displayName, started_at: ctx.now, ended_at: ctx.now,
  });
  ctx.done.push(step);
  return step;
}

/**
 * Enters a node: opens its tasks (one per handler, signer or branch), or runs it when it is automatic.
 * Every entry is a new activation, so tasks of an earlier pass (before a send-back) never mix with the new ones.
 */
export async function activate(ctx: EngineCtx, node: ProcessNode, opts: { claimedBy?: string | null } = {}): Promise<void> {
  const activation = await nextActivation(ctx, node.id);
  switch (node.kind) {
    case 'task':
      await handlerTask(ctx, node, activation, node.handler, null, opts.claimedBy);
      return;
    case 'countersign':
    case 'anysign': {
      for (const [i, h] of node.assignees.entries()) await handlerTask(ctx, node, activation, h, `signer:${i}`);
      for (const userId of ctx.caseRow.extra_signers[node.id] ?? []) {
        await openTask(ctx, node, activation, { agencyId: ctx.caseRow.agency_id, role: null, assignee: userId, branch: `user:${userId}` });
      }
      return;
    }
    case 'parallel': {
      const agencies = node.branches.agencies === 'co' ? ctx.item.coAgencies : node.branches.agencies;
      // An item without co-agencies has nothing to run in parallel: the node is passed through.
      if (agencies.length === 0) return advanceFrom(ctx, node);
      for (const a of agencies) await openTask(ctx, node, activation, { agencyId: resolveAgency(a, ctx), role: node.branches.role, assignee: null, branch: `agency:${a}` });
      return;
    }
    case 'auto': {
      const opinion = await runAutoStep(ctx, node.auto);
      await logStep(ctx, node, 'auto', opinion, { kind: 'system', userId: null, displayName: '系统', grants: [] });
      return advanceFrom(ctx, node);
    }
    case 'end':
      await logStep(ctx, node, 'end', null, { kind: 'system', userId: null, displayName: '系统', grants: [] });
      ctx.ended = true;
      return;
  }
}

async function advanceFrom(ctx: EngineCtx, node: ProcessNode) {
  const next = nextNode(ctx.def, node.id);
  if (!next) throw new AppError('PROCESS_DEFINITION_INVALID', { detail: `节点 ${node.id} 之后没有节点` });
  await activate(ctx, next);
}

/** Finishes a task with a business action; when its node is complete (all signers, all branches, or any-one), moves on. */
export async function completeTask(ctx: EngineCtx, step: StepRow, action: string, opinion: string | null, opts: { advance?: boolean } = {}): Promise<StepRow> {
  const finished = await repo.updateStep(ctx.tx, step.id, {
    state: 'done', action, action_label: ACTION_LABELS[action] ?? action, opinion, actor_user_id: ctx.actor.userId, actor_name: ctx.actor.displayName, ended_at: ctx.now,
  });
  ctx.done.push(finished);
  if (opts.advance === false) return finished;
  const node = nodeById(ctx.def, step.node_id);
  const siblings = await repo.findStepsOfActivation(ctx.tx, ctx.caseRow.id, step.node_id, step.activation);
  const stillOpen = siblings.filter((s) => s.state === 'pending');
  if (node.kind === 'anysign') {
    for (const s of stillOpen) await repo.updateStep(ctx.tx, s.id, { state: 'cancelled', ended_at: ctx.now, opinion: '或签：他人已签署' });
  } else if (stillOpen.length > 0) {
    return finished; // 会签 / 并联: wait for the others (the join)
  }
  await advanceFrom(ctx, node);
  return finished;
}

/** The nodes a case may be sent back to from `nodeId`: earlier human nodes it has actually passed through. */
export async function sendBackTargets(ctx: EngineCtx, nodeId: string): Promise<ProcessNode[]> {
  return sendBackTargetsOf({ c: ctx.caseRow, def: ctx.def, steps: await repo.findStepsOfCase(ctx.tx, ctx.caseRow.id) }, nodeId);
}

/**
 * 退回: closes the acting task, cancels every other open task of the case (all signers, all branches: none is
 * left behind) and enters the target node afresh. Case-level timers are untouched, so they still fire.
 */
export async function sendBack(ctx: EngineCtx, step: StepRow, targetNodeId: string, opinion: string): Promise<void> {
  const targets = await sendBackTargets(ctx, step.node_id);
  const target = targets.find((n) => n.id === targetNodeId);
  if (!target) {
    throw new AppError('CASE_STATE_CONFLICT', { field: 'toNode', detail: `只能退回到已办理过的前序环节：${targets.map((t) => `${t.id}（${t.name}）`).join('、') || '无'}` });
  }
  await completeTask(ctx, step, 'send_back', opinion, { advance: false });
  await repo.cancelPendingSteps(ctx.tx, ctx.caseRow.id, ctx.now);
  await activate(ctx, target);
}
