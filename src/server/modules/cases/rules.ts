import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ACTION_LABELS, CENTER_AGENCY_ID } from './constants.js';
import { isHuman, nodeById, type ProcessDefinition, type ProcessNode, type Stage } from './engine/definition.js';
import type { CaseRow, StepRow } from './engine/engine.js';
import { isOwner } from './applicant.js';
import { casesPolicy } from './policy.js';
import type { ItemVersionView } from './ports.js';

/**
 * The rules that decide who may take which action on a case now (办理权限). Pure functions over the case, its
 * steps and its process definition: the action services call them inside their transaction (and throw what they
 * throw), and the staff case view calls the same functions to list the actions a viewer may take — one source of
 * truth, so the buttons shown and the checks made cannot drift apart.
 */
export interface CaseState {
  c: CaseRow;
  def: ProcessDefinition;
  /** Every step of the case (done, pending, cancelled, log rows), in seq order. */
  steps: StepRow[];
}

export const pendingOf = (s: CaseState) => s.steps.filter((x) => x.state === 'pending');

/** Which business actions each stage offers (the definition names the stage of every human node). */
export const STAGE_ACTIONS: Record<Stage, string[]> = {
  accept: ['accept', 'not_accept', 'request_correction'],
  review: ['pass', 'send_back', 'request_correction'],
  decide: ['approve', 'deny', 'send_back'],
  conclude: ['complete', 'send_back'],
  deliver: ['deliver'],
};

export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿', submitted: '待受理', in_progress: '办理中', correction: '补正中', suspended: '特别程序中', completed: '已办结',
  delivered: '已送达', not_accepted: '不予受理', correction_timeout: '补正超时',
};

/** Whether the actor holds the task: the named person, or the role pool of its agency unless a colleague claimed it. */
export function canHandle(actor: Actor, s: StepRow): boolean {
  if (s.assignee_user_id) return actor.userId === s.assignee_user_id;
  if (!s.role || !hasRole(actor, [s.role as never], s.agency_id)) return false;
  return !s.claimed_by_user_id || s.claimed_by_user_id === actor.userId;
}

/** The open task a node action (受理, 通过, 准予 …) runs on: the one named, or the actor's first; Chinese reasons when none fits. */
export function chooseTask(actor: Actor, s: CaseState, action: string, taskId?: string): StepRow {
  const { c } = s;
  if (!['submitted', 'in_progress'].includes(c.status)) {
    throw new AppError('CASE_STATE_CONFLICT', { detail: `办件当前状态为「${STATUS_LABELS[c.status]}」，不能${ACTION_LABELS[action] ?? action}` });
  }
  const pending = pendingOf(s);
  const candidates = taskId ? pending.filter((x) => x.id === taskId) : pending;
  if (candidates.length === 0) throw new AppError('CASE_STATE_CONFLICT', { field: 'taskId', detail: taskId ? '该任务已办理或不存在' : '办件当前没有待办任务' });
  let mine = candidates.filter((x) => canHandle(actor, x));
  if (mine.some((x) => x.node_kind === 'countersign')) {
    // 会签 needs different people: whoever signed one slot of this pass cannot take another.
    const signedBefore = new Set(s.steps.filter((x) => x.state === 'done' && x.node_kind === 'countersign' && x.actor_user_id === actor.userId).map((x) => `${x.node_id}:${x.activation}`));
    mine = mine.filter((x) => x.node_kind !== 'countersign' || !signedBefore.has(`${x.node_id}:${x.activation}`));
  }
  if (mine.length === 0) {
    const claimedByOther = candidates.find((x) => x.claimed_by_user_id && x.role && hasRole(actor, [x.role as never], x.agency_id));
    if (claimedByOther) throw new AppError('TASK_ALREADY_CLAIMED', { detail: '该任务已被他人签收，如需办理请联系签收人转办' });
    throw new AppError('FORBIDDEN', { detail: `您不是「${candidates[0].node_name}」环节的处理人（该环节由指定机构的相应岗位办理）` });
  }
  const step = mine[0];
  const node = nodeById(s.def, step.node_id);
  if (!isHuman(node) || !STAGE_ACTIONS[node.stage].includes(action)) {
    throw new AppError('ACTION_NOT_ALLOWED', { detail: `「${node.name}」环节不能执行「${ACTION_LABELS[action] ?? action}」` });
  }
  return step;
}

/** 送达 runs after 办结, on the deliver node's task (the "in progress" states of chooseTask do not apply). */
export function chooseDeliveryTask(actor: Actor, s: CaseState, taskId?: string): StepRow {
  if (s.c.status !== 'completed') throw new AppError('CASE_STATE_CONFLICT', { detail: '办件办结后才能送达' });
  return chooseTask(actor, { ...s, c: { ...s.c, status: 'in_progress' } }, 'deliver', taskId ?? pendingOf(s)[0]?.id);
}

/** 签收: a pool task of a role the actor holds in the task's agency, not named to anyone. */
export function claimableTask(actor: Actor, pending: StepRow[], taskId?: string): StepRow {
  const step = pending.find((x) => (!taskId || x.id === taskId) && x.role && !x.assignee_user_id && hasRole(actor, [x.role as never], x.agency_id));
  if (!step) throw new AppError('FORBIDDEN', { detail: '没有您可以签收的任务' });
  if (step.claimed_by_user_id && step.claimed_by_user_id !== actor.userId) throw new AppError('TASK_ALREADY_CLAIMED');
  return step;
}

/** The open task the actor holds, or (转办, 加签, 特别程序) any open task when the actor is the department admin. */
export function heldOrAdminTask(actor: Actor, c: CaseRow, pending: StepRow[], taskId: string | undefined, allowAdmin: boolean): StepRow {
  const candidates = taskId ? pending.filter((x) => x.id === taskId) : pending;
  const mine = candidates.find((x) => canHandle(actor, x));
  if (mine) return mine;
  const admin = allowAdmin && candidates.find((x) => hasRole(actor, ['dept_admin'], x.agency_id ?? c.agency_id));
  if (admin) return admin;
  if (candidates.length === 0) throw new AppError('CASE_STATE_CONFLICT', { field: 'taskId', detail: '办件当前没有可操作的待办任务' });
  throw new AppError('FORBIDDEN', { detail: '只有当前环节的处理人或部门管理员可以执行此操作' });
}

const isSignNode = (n: ProcessNode) => n.kind === 'countersign' || n.kind === 'anysign';

/** 加签: on an open 会签/或签 node, by one of its signers or the department admin. */
export function signerNodeTask(actor: Actor, s: CaseState, taskId?: string): { step: StepRow; node: ProcessNode } {
  const step = heldOrAdminTask(actor, s.c, pendingOf(s), taskId, true);
  const node = nodeById(s.def, step.node_id);
  if (!isSignNode(node)) throw new AppError('ACTION_NOT_ALLOWED', { detail: '只有会签或或签环节可以加签' });
  return { step, node };
}

/** 减签: a signer who has not signed yet, removed by a signer of the node or the department admin; never the last open one. */
export function removableSigner(actor: Actor, s: CaseState, signerTaskId: string): { target: StepRow; node: ProcessNode } {
  const pending = pendingOf(s);
  const target = pending.find((x) => x.id === signerTaskId);
  if (!target) throw new AppError('CASE_STATE_CONFLICT', { field: 'signerTaskId', detail: '该签署任务已办理或不存在' });
  const node = nodeById(s.def, target.node_id);
  if (!isSignNode(node)) throw new AppError('ACTION_NOT_ALLOWED', { detail: '只有会签或或签环节可以减签' });
  const sameNode = pending.filter((x) => x.node_id === node.id && x.activation === target.activation);
  const isSigner = sameNode.some((x) => canHandle(actor, x));
  if (!isSigner && !hasRole(actor, ['dept_admin'], s.c.agency_id)) throw new AppError('FORBIDDEN', { detail: '只有本环节的签署人或部门管理员可以减签' });
  if (sameNode.length <= 1) throw new AppError('CASE_STATE_CONFLICT', { detail: '不能移除最后一位未签署的人员，请直接办理或转办' });
  return { target, node };
}

/** Steps that count for 撤回: tasks of the flow, not log rows, automatic steps or the end. */
const flowSteps = (steps: StepRow[]) => steps.filter((x) => x.node_kind !== 'log' && x.node_kind !== 'auto' && x.node_kind !== 'end');

/** The last task of the flow someone finished (the candidate for 撤回), if any. */
export const lastDoneTask = (steps: StepRow[]): StepRow | undefined => [...flowSteps(steps)].reverse().find((x) => x.state === 'done');

/** 撤回: the actor's own last step, a pass/approve/deny/send_back, while nobody has claimed what followed. */
export function withdrawableStep(actor: Actor, s: CaseState): StepRow {
  if (s.c.status !== 'in_progress') throw new AppError('CASE_STATE_CONFLICT', { detail: '办件当前状态不能撤回' });
  const last = lastDoneTask(s.steps);
  if (!last || last.actor_user_id !== actor.userId) throw new AppError('CASE_STATE_CONFLICT', { detail: '只能撤回自己最后办理的环节' });
  if (!['pass', 'approve', 'deny', 'send_back'].includes(last.action ?? '')) throw new AppError('CASE_STATE_CONFLICT', { detail: `「${last.action_label}」不能撤回` });
  const after = flowSteps(s.steps).filter((x) => x.seq > last.seq && x.state === 'pending');
  if (after.some((x) => x.claimed_by_user_id)) throw new AppError('CASE_STATE_CONFLICT', { detail: '下一环节已签收办理，不能撤回' });
  return last;
}

/** 催办: the applicant, supervisors and the center admin (center-wide), or the case agency's department admin; while a task is open. */
export function checkUrge(actor: Actor, c: CaseRow, pending: StepRow[]): void {
  const centerWide = hasRole(actor, ['supervisor', 'center_admin'], CENTER_AGENCY_ID);
  if (!isOwner(actor, c) && !centerWide && !casesPolicy.allows(actor, 'case.urge', c.agency_id)) throw new AppError('FORBIDDEN', { detail: '只有申请人、督查人员或管理员可以催办' });
  if (pending.length === 0) throw new AppError('CASE_STATE_CONFLICT', { detail: '办件当前没有待办环节' });
}

/** 特别程序: extend/pause by the task's handler or the department admin after acceptance; resume while suspended. */
export function checkSpecial(actor: Actor, s: CaseState, kind: 'extend' | 'pause' | 'resume', taskId?: string): void {
  const { c } = s;
  if (kind === 'resume') {
    if (c.status !== 'suspended') throw new AppError('CASE_STATE_CONFLICT', { detail: '办件未处于特别程序暂停中' });
    if (!casesPolicy.allows(actor, 'case.special', c.agency_id)) throw new AppError('FORBIDDEN');
    return;
  }
  if (c.status !== 'in_progress' || !c.deadline_at) throw new AppError('CASE_STATE_CONFLICT', { detail: '只有受理后办理中的办件可以启动特别程序' });
  heldOrAdminTask(actor, c, pendingOf(s), taskId, true);
}

/** The nodes a case may be sent back to from `nodeId`: earlier human nodes it has actually passed through (not 受理). */
export function sendBackTargetsOf(s: CaseState, nodeId: string): ProcessNode[] {
  const index = s.def.nodes.findIndex((n) => n.id === nodeId);
  const visited = new Set(s.steps.filter((x) => x.state === 'done' && x.node_kind !== 'log').map((x) => x.node_id));
  return s.def.nodes.slice(0, index).filter((n) => isHuman(n) && visited.has(n.id) && n.stage !== 'accept');
}

/**
 * What 办结 needs besides the action: the outcome when no decision was taken (准予/不予), and the licence or
 * document name when a 依申请 item is granted.
 */
export function completionNeeds(c: CaseRow, item: ItemVersionView, given?: 'approved' | 'denied') {
  const outcome = c.outcome ?? given ?? null;
  return { outcome, outcomeRequired: !c.outcome, licenceNameRequired: outcome === 'approved' && item.kind === 'application' };
}
