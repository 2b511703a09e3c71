import type { Executor } from '../../platform/db/database.js';
import type { Actor, Role } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ACTION_LABELS, ACTION_PATHS, CENTER_AGENCY_ID } from './constants.js';
import type { StepRow } from './engine/engine.js';
import { getUserBrief, staffInRolePool, type ItemVersionView } from './ports.js';
import * as rules from './rules.js';
import { ActionBodies } from './schemas.js';

type ActionName = keyof typeof ACTION_PATHS;
type TaskRef = { taskId: string; nodeId: string; nodeName: string };
type Person = { id: string; name: string };

/** One action the viewer may take now, with what its form needs (同一套规则 as the action endpoints). */
export interface AllowedAction {
  action: ActionName;
  label: string;
  /** POST /api/v1/cases/:id/<path> */
  path: string;
  /** Body fields (besides version and taskId) the endpoint requires. */
  required: string[];
  /** The open tasks it may run on (pass one as taskId); empty for case-level actions (催办, 撤回, 特别程序). */
  tasks: (TaskRef & { sendBackTargets?: { nodeId: string; name: string }[] })[];
  [extra: string]: unknown;
}

/** 撤回 as the viewer sees it: whose the last step was, and whether they may take it back now (and why not). */
export interface WithdrawalInfo {
  lastStepId: string | null;
  lastNodeName: string | null;
  lastActionLabel: string | null;
  viewerWasLastActor: boolean;
  allowed: boolean;
  reason: string | null;
}

/** Runs one rule; an AppError means "not allowed", anything else is a real failure and propagates. */
function passes(rule: () => unknown): boolean {
  try {
    rule();
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/** Body fields a zod action schema requires, so the view's form hints come from the same schema the endpoint parses. */
function requiredFields(name: ActionName): string[] {
  const shape = (ActionBodies[name] as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
  return Object.entries(shape).filter(([k, v]) => k !== 'version' && k !== 'taskId' && !v.safeParse(undefined).success).map(([k]) => k);
}

const ref = (s: StepRow): TaskRef => ({ taskId: s.id, nodeId: s.node_id, nodeName: s.node_name });
const label = (name: ActionName) => (name === 'special' ? '特别程序' : ACTION_LABELS[name] ?? name);

async function people(db: Executor, ids: Iterable<string>, limit = 50): Promise<Person[]> {
  const out: Person[] = [];
  for (const id of [...new Set(ids)].slice(0, limit)) {
    const u = await getUserBrief(db, id);
    if (u?.active) out.push({ id: u.id, name: u.name });
  }
  return out;
}

/**
 * The actions the viewer may take on the case now. Every entry is decided by the rule the action's endpoint runs
 * (rules.ts), tried on each open task; form hints (退回 targets, 转办 colleagues, removable signers) come with it.
 */
export async function allowedActions(db: Executor, actor: Actor, state: rules.CaseState, item: ItemVersionView): Promise<{ actions: AllowedAction[]; withdrawal: WithdrawalInfo }> {
  const pending = rules.pendingOf(state);
  const actions: AllowedAction[] = [];
  const add = (action: ActionName, tasks: AllowedAction['tasks'], extra: Record<string, unknown> = {}) =>
    actions.push({ action, label: label(action), path: ACTION_PATHS[action], required: requiredFields(action), tasks, ...extra });

  const claimable = pending.filter((s) => !s.claimed_by_user_id && passes(() => rules.claimableTask(actor, pending, s.id)));
  if (claimable.length) add('claim', claimable.map(ref));

  const nodeActions: ActionName[] = ['accept', 'not_accept', 'request_correction', 'pass', 'send_back', 'approve', 'deny', 'complete'];
  for (const action of nodeActions) {
    const tasks = pending.filter((s) => passes(() => rules.chooseTask(actor, state, action, s.id)));
    if (action === 'send_back') {
      const withTargets = tasks.map((s) => ({ ...ref(s), sendBackTargets: rules.sendBackTargetsOf(state, s.node_id).map((n) => ({ nodeId: n.id, name: n.name })) })).filter((t) => t.sendBackTargets.length);
      if (withTargets.length) add(action, withTargets);
    } else if (tasks.length) {
      add(action, tasks.map(ref), action === 'complete' ? completionHints(state, item) : {});
    }
  }
  const deliverable = pending.filter((s) => passes(() => rules.chooseDeliveryTask(actor, state, s.id)));
  if (deliverable.length) add('deliver', deliverable.map(ref));

  const transferable = pending.filter((s) => passes(() => rules.heldOrAdminTask(actor, state.c, pending, s.id, true)));
  if (transferable.length) add('transfer', transferable.map(ref), await transferHints(db, actor, state, transferable, item));

  const signerTasks = pending.filter((s) => passes(() => rules.signerNodeTask(actor, state, s.id)));
  if (signerTasks.length) add('add_signer', signerTasks.map(ref), { candidates: await signerCandidates(db, state, signerTasks) });
  const removable = pending.filter((s) => passes(() => rules.removableSigner(actor, state, s.id)));
  if (removable.length) add('remove_signer', [], { signers: await signerList(db, removable) });

  const withdrawal = withdrawalInfo(actor, state);
  if (withdrawal.allowed) add('withdraw', [], { stepId: withdrawal.lastStepId, nodeName: withdrawal.lastNodeName });
  if (passes(() => rules.checkUrge(actor, state.c, pending))) add('urge', []);
  const kinds = (['extend', 'pause', 'resume'] as const).filter((k) => passes(() => rules.checkSpecial(actor, state, k)));
  if (kinds.length) add('special', [], { kinds });
  return { actions, withdrawal };
}

function completionHints(state: rules.CaseState, item: ItemVersionView) {
  const needs = rules.completionNeeds(state.c, item);
  return { outcome: needs.outcome, outcomeRequired: needs.outcomeRequired, licenceNameRequired: needs.licenceNameRequired };
}

function withdrawalInfo(actor: Actor, state: rules.CaseState): WithdrawalInfo {
  const last = rules.lastDoneTask(state.steps) ?? null;
  let reason: string | null = null;
  try {
    rules.withdrawableStep(actor, state);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    reason = e.message;
  }
  return {
    lastStepId: last?.id ?? null, lastNodeName: last?.node_name ?? null, lastActionLabel: last?.action_label ?? null,
    viewerWasLastActor: Boolean(last && actor.userId && last.actor_user_id === actor.userId), allowed: reason === null, reason,
  };
}

/** 转办 targets: colleagues of each task's role pool (not the viewer), and the pools a task may go back to. */
async function transferHints(db: Executor, actor: Actor, state: rules.CaseState, tasks: StepRow[], item: ItemVersionView) {
  const ids: string[] = [];
  for (const s of tasks) ids.push(...(await staffInRolePool(db, (s.role ?? 'reviewer') as Role, [s.agency_id ?? state.c.agency_id])));
  const handlingAgencies = [...new Set([state.c.agency_id, ...item.coAgencies])];
  const pools = [
    ...handlingAgencies.flatMap((agencyId) => (['reviewer', 'approver'] as const).map((role) => ({ agencyId, role }))),
    { agencyId: CENTER_AGENCY_ID, role: 'window_clerk' as const },
  ];
  return { users: await people(db, ids.filter((id) => id !== actor.userId)), pools };
}

/** 加签 candidates: reviewers and approvers of the case's agency who are not already signing the node. */
async function signerCandidates(db: Executor, state: rules.CaseState, tasks: StepRow[]): Promise<Person[]> {
  const signing = new Set(rules.pendingOf(state).filter((s) => tasks.some((t) => t.node_id === s.node_id)).map((s) => s.assignee_user_id ?? s.claimed_by_user_id));
  const ids = [...(await staffInRolePool(db, 'reviewer', [state.c.agency_id])), ...(await staffInRolePool(db, 'approver', [state.c.agency_id]))];
  return people(db, ids.filter((id) => !signing.has(id)));
}

/** 减签: each open signer task the viewer may remove, with who holds it. */
async function signerList(db: Executor, tasks: StepRow[]) {
  const named = new Map((await people(db, tasks.flatMap((s) => (s.assignee_user_id ? [s.assignee_user_id] : [])))).map((p) => [p.id, p.name]));
  return tasks.map((s) => ({
    taskId: s.id, nodeId: s.node_id, nodeName: s.node_name, userId: s.assignee_user_id,
    name: s.assignee_user_id ? named.get(s.assignee_user_id) ?? null : null, agencyId: s.agency_id, role: s.role,
  }));
}
