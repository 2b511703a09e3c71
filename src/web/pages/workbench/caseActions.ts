import { STAGE_ACTIONS, type CaseAction, type CaseStep, type ProcessDefinition, type ProcessNode, type StaffCase } from '../../api/staff.ts';

/**
 * What this person may do on this case now, read from the case the API returned (its pending steps, each with
 * `mine`) and the process definition the API publishes (each node's stage → the stage's actions, the same table
 * the server enforces). Actions outside the node (转办, 加签, 特别程序, 催办, 撤回) follow the cases policy.
 * The server still checks every action; this only decides which buttons to show.
 */
export interface Allowed {
  step: CaseStep | null;
  node: ProcessNode | null;
  actions: CaseAction[];
  /** Earlier nodes the case passed through: the targets of 退回. */
  sendBackTargets: { id: string; name: string }[];
  /** Open signing tasks of a 会签/或签 node (for 减签). */
  signerTasks: CaseStep[];
  needsClaim: boolean;
}

const OPEN = ['submitted', 'in_progress'];

export function allowedActions(c: StaffCase, def: ProcessDefinition | undefined, me: { name: string; has: (...r: string[]) => boolean }): Allowed {
  const pending = c.steps.filter((s) => s.state === 'pending');
  const step = pending.find((s) => s.mine) ?? null;
  const node = step && def ? def.definition.nodes.find((n) => n.id === step.nodeId) ?? null : null;
  const actions = new Set<CaseAction>();
  const needsClaim = !!step && !!step.role && !step.assigneeUserId && !step.claimedByUserId;
  // 送达 happens after 办结: the case is already completed while its delivery task is still open.
  const delivering = c.status === 'completed' && node?.stage === 'deliver';
  if (step && (OPEN.includes(c.status) || delivering)) {
    if (needsClaim) actions.add('claim');
    for (const a of STAGE_ACTIONS[node?.stage ?? ''] ?? []) actions.add(a);
    if (!delivering) actions.add('transfer');
    if (node && (node.kind === 'countersign' || node.kind === 'anysign')) actions.add('add_signer');
  }
  const admin = me.has('dept_admin');
  if (!step && admin && pending.length && OPEN.includes(c.status)) actions.add('transfer');
  const signerTasks = pending.filter((s) => s.kind === 'countersign' || s.kind === 'anysign');
  if (signerTasks.length > 1 && (signerTasks.some((s) => s.mine) || admin)) actions.add('remove_signer');
  if (c.status === 'in_progress' && c.deadline && me.has('reviewer', 'approver', 'dept_admin')) actions.add('special');
  if (c.status === 'suspended' && me.has('reviewer', 'approver', 'dept_admin')) actions.add('special');
  if (pending.length && me.has('supervisor', 'center_admin', 'dept_admin')) actions.add('urge');
  const lastDone = [...c.steps].filter((s) => s.state === 'done' && s.action).sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))[0];
  if (c.status === 'in_progress' && lastDone && lastDone.actorName === me.name && ['pass', 'approve', 'deny', 'send_back'].includes(lastDone.action ?? '') && !pending.some((s) => s.claimedByUserId)) actions.add('withdraw');
  const seen = new Map<string, string>();
  for (const s of c.steps) if (s.state === 'done' && s.nodeId !== step?.nodeId && s.role !== null && !seen.has(s.nodeId)) seen.set(s.nodeId, s.nodeName);
  return { step, node, actions: [...actions], sendBackTargets: [...seen].map(([id, name]) => ({ id, name })), signerTasks, needsClaim };
}
