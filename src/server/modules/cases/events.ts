import type { Executor } from '../../platform/db/database.js';
import { publish } from '../../platform/jobs/events.js';
import type { CaseRow, StepRow } from './engine/engine.js';
import type { CaseMaterialsTable } from './tables.js';
import type { Selectable } from 'kysely';

/** Domain events of cases (docs/contracts.md). Published in the acting transaction: they exist iff the change commits. */
export const caseRef = (c: CaseRow) => ({
  caseId: c.id, caseNo: c.case_no, itemId: c.item_id, itemVersionId: c.item_version_id, agencyId: c.agency_id,
  applicantUserId: c.applicant_user_id, enterpriseId: c.enterprise_id, channel: c.channel, situationCode: c.situation_code,
});

export const stepPayload = (c: CaseRow, s: StepRow) => ({
  ...caseRef(c), stepId: s.id, seq: s.seq, nodeId: s.node_id, nodeName: s.node_name, action: s.action, actionLabel: s.action_label,
  opinion: s.opinion, actorUserId: s.actor_user_id, actorName: s.actor_name, startedAt: new Date(s.started_at).toISOString(),
  endedAt: s.ended_at ? new Date(s.ended_at).toISOString() : null, state: s.state,
});

export async function publishSteps(db: Executor, c: CaseRow, steps: StepRow[]) {
  for (const s of steps) await publish(db, 'case.step_completed', stepPayload(c, s));
}

export async function publishCaseEvent(db: Executor, event: 'case.submitted' | 'case.accepted' | 'case.corrections_requested' | 'case.completed' | 'case.delivered', c: CaseRow, extra: Record<string, unknown> = {}) {
  await publish(db, event, {
    ...caseRef(c),
    submittedAt: c.submitted_at ? new Date(c.submitted_at).toISOString() : null,
    acceptedAt: c.accepted_at ? new Date(c.accepted_at).toISOString() : null,
    completedAt: c.completed_at ? new Date(c.completed_at).toISOString() : null,
    deliveredAt: c.delivered_at ? new Date(c.delivered_at).toISOString() : null,
    ...extra,
  });
}

/** 特别程序 started (延长审批 or a pause of the clock): the exchange reports it as a special-procedure record. */
export async function publishSpecialProcedure(db: Executor, c: CaseRow, p: { procedureId: string; kind: 'extension' | 'other'; name: string; reason: string; days: number | null; startedAt: Date; endsAt: Date | null }) {
  await publish(db, 'case.special_procedure', { ...caseRef(c), ...p, startedAt: p.startedAt.toISOString(), endsAt: p.endsAt ? p.endsAt.toISOString() : null });
}

/**
 * The case's materials as the exchange reports them (材料数据): name, 收取方式 and, for an e-licence, the
 * 派生件编号 — the city counts an e-licence material without it as an error (indicator #19).
 */
export const materialsPayload = (rows: Pick<Selectable<CaseMaterialsTable>, 'material_id' | 'name' | 'method' | 'e_licence_no' | 'upload_ids'>[]) =>
  rows.map((m) => ({ materialId: m.material_id, name: m.name, method: m.method, eLicenceNo: m.e_licence_no, fileCount: m.upload_ids.length }));

/**
 * 受理文书编号 (number of the 受理通知书): `SL-` + the case number, e.g. `SL-310112-20261122-000042`
 * (docs/case-number.md). A case is accepted at most once, so the number is unique and needs no counter of its own.
 */
export const acceptanceDocNo = (caseNo: string) => `SL-${caseNo}`;
