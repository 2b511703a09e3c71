import type { Db, Executor } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { STATUS_LABELS } from './act.js';
import { isOwner } from './applicant.js';
import { getItemVersion, type ItemVersionView } from './ports.js';
import * as repo from './repository.js';
import type { CaseRow } from './engine/engine.js';

/** Public wording of each step for the applicant's timeline: what happened, never who inside did it. */
const PUBLIC_WORDING: Record<string, string> = {
  submit: '申请已提交', accept: '申请已受理', not_accept: '申请不予受理', pass: '审查通过', send_back: '退回重新审查', request_correction: '请补正材料',
  resubmit: '已补正提交', correction_timeout: '补正超时，办件已终止', transfer: '已转交其他工作人员办理', add_signer: '增加会签人员', remove_signer: '调整会签人员',
  withdraw: '工作人员撤回重新办理', urge: '已催办', extend: '依法延长审批期限', pause: '特别程序（暂停计时）', resume: '特别程序结束，恢复计时',
  approve: '准予许可', deny: '不予许可', complete: '已办结', deliver: '已送达', auto: '系统预审完成', end: '办理结束', deadline_warning: '', overdue: '',
};

type Known = { c: CaseRow; materials: Awaited<ReturnType<typeof repo.findMaterialsOfCase>>; corrections: Awaited<ReturnType<typeof repo.findCorrectionsOfCase>>; item?: ItemVersionView };

/** The applicant's view; a caller that has just written the case passes what it holds instead of reading it back. */
export async function applicantView(db: Executor, caseId: string, known?: Known) {
  const c = known?.c ?? (await repo.findCaseById(db, caseId));
  if (!c) throw new AppError('NOT_FOUND', { detail: '办件不存在' });
  const [steps, corrections, materials, item] = await Promise.all([repo.findStepsOfCase(db, c.id), known?.corrections ?? repo.findCorrectionsOfCase(db, c.id), known?.materials ?? repo.findMaterialsOfCase(db, c.id), known?.item ?? getItemVersion(db, c.item_version_id)]);
  const open = corrections.find((k) => !k.resubmitted_at && !k.timed_out_at);
  const timeline = [{ at: c.submitted_at, label: '申请已提交', node: '申请', opinion: null as string | null }];
  for (const s of steps) {
    if (s.state !== 'done' || !s.action || !PUBLIC_WORDING[s.action]) continue;
    const showOpinion = ['not_accept', 'request_correction', 'deny', 'extend', 'pause', 'deliver'].includes(s.action);
    timeline.push({ at: s.ended_at, label: PUBLIC_WORDING[s.action], node: s.node_name, opinion: showOpinion ? s.opinion : null });
  }
  const current = steps.filter((s) => s.state === 'pending').map((s) => s.node_name);
  return {
    id: c.id, caseNo: c.case_no, version: c.version, status: c.status, statusLabel: STATUS_LABELS[c.status], outcome: c.outcome, itemId: c.item_id, itemName: c.item_name,
    channel: c.channel, submittedAt: c.submitted_at, acceptedAt: c.accepted_at, deadlineAt: c.deadline_at, completedAt: c.completed_at, deliveredAt: c.delivered_at,
    currentStep: [...new Set(current)].join('、') || null, timeline,
    correction: open ? { id: open.id, notice: open.notice, items: open.items, requestedAt: open.requested_at, dueAt: open.due_at } : null,
    materials: materials.map((m) => ({ materialId: m.material_id, name: m.name, method: m.method })),
    result: c.result, delivery: c.delivery, closedReason: c.closed_reason,
    // The applicant's own answers, unmasked (they are theirs), and the form they answered: the 补正 flow
    // shows the schema of this item version, not the current one, and resubmits corrected formData against it.
    formData: c.form_data,
    form: { itemId: c.item_id, itemVersionId: c.item_version_id, version: item.version, schemaUrl: `/api/v1/catalog/items/${c.item_id}/versions/${item.version}` },
  };
}

export async function myCaseView(db: Db, actor: Actor, caseId: string) {
  requireLogin(actor);
  const c = await repo.findCaseById(db, caseId);
  if (!c || c.status === 'draft' || !isOwner(actor, c)) throw new AppError('NOT_FOUND', { detail: '办件不存在' });
  return applicantView(db, caseId);
}

export async function myCases(db: Db, actor: Actor, q: { limit: number; offset: number; status?: string }) {
  requireLogin(actor);
  const rows = await repo.findCasesOfApplicant(db, actor.userId, actor.enterpriseId ?? null, q);
  return rows.map((r) => ({ id: r.id, caseNo: r.case_no, status: r.status, statusLabel: STATUS_LABELS[r.status], outcome: r.outcome, itemId: r.item_id, itemName: r.item_name, channel: r.channel, submittedAt: r.submitted_at, acceptedAt: r.accepted_at, deadlineAt: r.deadline_at, completedAt: r.completed_at, deliveredAt: r.delivered_at }));
}
