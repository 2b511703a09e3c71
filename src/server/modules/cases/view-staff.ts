import type { Db, Executor } from '../../platform/db/database.js';
import { hasRole, requireLogin, STAFF_ROLES, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskFormData, maskIdCard, maskPhone } from '../../platform/privacy/mask.js';
import { canHandle, STATUS_LABELS } from './act.js';
import { loadDefinition } from './engine/loader.js';
import { allowedActions } from './view-actions.js';
import { colourOf } from './clock.js';
import { CENTER_AGENCY_ID } from './constants.js';
import type { CaseRow } from './engine/engine.js';
import { piiFields } from './form.js';
import { getItemVersion } from './ports.js';
import * as repo from './repository.js';

/**
 * Staff may see a case when they hold a staff role in its agency, a center role (the center serves every
 * department), or a task on it (co-agencies of 并联审批, named signers).
 */
export async function requireStaffView(db: Executor, actor: Actor, c: CaseRow): Promise<void> {
  requireLogin(actor);
  if (hasRole(actor, STAFF_ROLES, c.agency_id)) return;
  if (hasRole(actor, ['window_clerk', 'center_admin', 'supervisor'], CENTER_AGENCY_ID)) return;
  const steps = await repo.findStepsOfCase(db, c.id);
  if (steps.some((s) => s.assignee_user_id === actor.userId || s.actor_user_id === actor.userId || (s.role && s.agency_id && hasRole(actor, [s.role as never], s.agency_id)))) return;
  throw new AppError('FORBIDDEN', { detail: '您没有查看该办件的权限' });
}

/**
 * The full record for staff. Personal form fields (x-pii) are masked unless the viewer handles the current step;
 * when they are shown in full, who saw which fields is written to the audit trail.
 */
export async function staffCaseView(db: Db, actor: Actor, caseId: string) {
  const c = await repo.findCaseById(db, caseId);
  if (!c || c.status === 'draft') throw new AppError('NOT_FOUND', { detail: '办件不存在' });
  await requireStaffView(db, actor, c);
  const [steps, materials, pauses, corrections, visits, item] = await Promise.all([
    repo.findStepsOfCase(db, c.id), repo.findMaterialsOfCase(db, c.id), repo.findPausesOfCase(db, c.id), repo.findCorrectionsOfCase(db, c.id), repo.findVisitsOfCase(db, c.id), getItemVersion(db, c.item_version_id),
  ]);
  const { def } = await loadDefinition(db, c.process_key!, c.process_version);
  const { actions, withdrawal } = await allowedActions(db, actor, { c, def, steps }, item);
  const pending = steps.filter((s) => s.state === 'pending');
  const isHandler = pending.some((s) => canHandle(actor, s));
  const pii = piiFields(item.formSchema);
  if (isHandler && pii.length) {
    await recordAudit(db, actor, { action: 'case.pii_revealed', targetType: 'case', targetId: c.id, agencyId: c.agency_id, detail: { fields: pii } });
  }
  return {
    id: c.id, caseNo: c.case_no, version: c.version, status: c.status, statusLabel: STATUS_LABELS[c.status], outcome: c.outcome,
    item: { id: c.item_id, versionId: c.item_version_id, name: c.item_name, basicCode: c.item_basic_code, situationCode: c.situation_code },
    agencyId: c.agency_id,
    applicant: {
      userId: c.applicant_user_id, enterpriseId: c.enterprise_id, authorizationId: c.authorization_id, name: c.applicant_name,
      idNo: isHandler ? c.applicant_id_no : maskIdCard(c.applicant_id_no), phone: isHandler ? c.applicant_phone : maskPhone(c.applicant_phone),
    },
    enteredBy: c.created_by_user_id,
    channel: { kind: c.channel, terminalId: c.terminal_id, windowId: c.window_id, hallId: c.hall_id, onlineAccepted: c.online_accepted },
    formData: isHandler ? c.form_data : maskFormData(c.form_data, item.formSchema as never),
    piiMasked: !isHandler,
    limits: { legal: c.legal_limit_days === null ? null : { days: c.legal_limit_days, unit: c.legal_limit_unit }, committed: c.committed_limit_days === null ? null : { days: c.committed_limit_days, unit: c.committed_limit_unit }, extendedDays: c.extended_days, immediate: c.immediate },
    times: { submittedAt: c.submitted_at, acceptedAt: c.accepted_at, decidedAt: c.decided_at, completedAt: c.completed_at, deliveredAt: c.delivered_at, pausedAt: c.paused_at },
    deadline: c.deadline_at ? { at: c.deadline_at, warnAt: c.warn_at, colour: colourOf(c) } : null,
    process: { key: c.process_key, version: c.process_version },
    steps: steps.map((s) => ({ id: s.id, seq: s.seq, nodeId: s.node_id, nodeName: s.node_name, kind: s.node_kind, activation: s.activation, branch: s.branch, agencyId: s.agency_id, role: s.role, assigneeUserId: s.assignee_user_id, claimedByUserId: s.claimed_by_user_id, state: s.state, statusCode: s.state === 'pending' ? 1 : 2, action: s.action, actionLabel: s.action_label, opinion: s.opinion, actorUserId: s.actor_user_id, actorName: s.actor_name, startedAt: s.started_at, endedAt: s.ended_at, mine: s.state === 'pending' && canHandle(actor, s) })),
    materials: materials.map((m) => ({ materialId: m.material_id, name: m.name, method: m.method, eLicenceNo: m.e_licence_no, files: m.files, note: m.note })),
    pauses, corrections, visits,
    result: c.result, delivery: c.delivery, closedReason: c.closed_reason, appointmentId: c.appointment_id, parentCaseId: c.parent_case_id,
    // What the viewer may do now, decided by the same rules the action endpoints run (rules.ts).
    allowedActions: actions, withdrawal,
  };
}
