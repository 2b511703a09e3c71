import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { zodProblems } from '../../../platform/errors/problem.js';

/**
 * The process definition format (流程定义). A definition is a list of nodes run in order unless a node names its
 * `next`; each human node names who handles it and the `stage` that decides which business actions it offers.
 * Definitions are versioned; a case keeps the version it started with.
 */
export const STAGES = ['accept', 'review', 'decide', 'conclude', 'deliver'] as const;
export type Stage = (typeof STAGES)[number];

/** Who handles a task: a role pool of an agency (claimed by one of them), or a named person (by login). */
export const Handler = z.strictObject({
  /** 'item' = the item's agency; 'center' = the administrative service center (综窗); otherwise an agency id. */
  agency: z.string().min(1).default('item'),
  role: z.enum(['window_clerk', 'reviewer', 'approver', 'dept_admin']).optional(),
  user: z.string().min(1).optional(),
}).refine((h) => Boolean(h.role) !== Boolean(h.user), { message: '处理人须为角色池或指定人员之一' });
export type Handler = z.infer<typeof Handler>;

const base = { id: z.string().regex(/^[a-z][a-z0-9_]*$/), name: z.string().min(1), next: z.string().optional() };

export const ProcessNode = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('task'), stage: z.enum(STAGES), handler: Handler }),
  /** 会签: every assignee must sign. */
  z.strictObject({ ...base, kind: z.literal('countersign'), stage: z.enum(['review', 'decide']), assignees: z.array(Handler).min(2) }),
  /** 或签: the first assignee to act decides for the node. */
  z.strictObject({ ...base, kind: z.literal('anysign'), stage: z.enum(['review', 'decide']), assignees: z.array(Handler).min(2) }),
  /** 并联: one branch per agency ('co' = the item's co-agencies), all joined before the next node. */
  z.strictObject({ ...base, kind: z.literal('parallel'), stage: z.literal('review'), branches: z.strictObject({ agencies: z.union([z.literal('co'), z.array(z.string()).min(1)]), role: z.enum(['reviewer', 'approver']) }) }),
  /** Automatic step run by the system, e.g. 预审 (precheck of required materials). */
  z.strictObject({ ...base, kind: z.literal('auto'), auto: z.enum(['precheck']) }),
  z.strictObject({ ...base, kind: z.literal('end') }),
]);
export type ProcessNode = z.infer<typeof ProcessNode>;
export type HumanNode = Extract<ProcessNode, { stage: Stage }>;

export const ProcessDefinition = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  name: z.string().min(1),
  description: z.string().optional(),
  nodes: z.array(ProcessNode).min(2),
});
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

/** Parses and checks a definition: unique ids, known `next` targets, an end node, and the stages in a sensible order. */
export function parseDefinition(doc: unknown): ProcessDefinition {
  const parsed = ProcessDefinition.safeParse(doc);
  if (!parsed.success) throw new AppError('PROCESS_DEFINITION_INVALID', { errors: zodProblems(parsed.error.issues) });
  const def = parsed.data;
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const n of def.nodes) {
    if (ids.has(n.id)) problems.push(`节点 ${n.id} 重复`);
    ids.add(n.id);
  }
  for (const n of def.nodes) if (n.next && !ids.has(n.next)) problems.push(`节点 ${n.id} 的后续节点 ${n.next} 不存在`);
  if (def.nodes[def.nodes.length - 1].kind !== 'end') problems.push('最后一个节点必须是结束节点');
  const first = def.nodes[0];
  if (!('stage' in first) || first.stage !== 'accept') problems.push('第一个节点必须是受理环节');
  if (!def.nodes.some((n) => 'stage' in n && n.stage === 'conclude')) problems.push('流程必须包含办结环节');
  if (problems.length) throw new AppError('PROCESS_DEFINITION_INVALID', { detail: problems.join('；') });
  return def;
}

export function nodeById(def: ProcessDefinition, id: string): ProcessNode {
  const n = def.nodes.find((x) => x.id === id);
  if (!n) throw new AppError('PROCESS_DEFINITION_INVALID', { detail: `流程中没有节点 ${id}` });
  return n;
}

/** The node after `id`: its `next`, or the one that follows it in the list. */
export function nextNode(def: ProcessDefinition, id: string): ProcessNode | null {
  const i = def.nodes.findIndex((x) => x.id === id);
  const n = def.nodes[i];
  if (n.next) return nodeById(def, n.next);
  return def.nodes[i + 1] ?? null;
}

export const isHuman = (n: ProcessNode): n is HumanNode => 'stage' in n;
