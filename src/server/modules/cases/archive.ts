import type { Db, Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { sm3Hex } from '../../platform/crypto/digest.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CaseRow } from './engine/engine.js';
import * as repo from './repository.js';
import { requireStaffView } from './view-staff.js';

/**
 * 电子档案: on completion the case, its steps and its materials' digests are written once, read-only (a trigger
 * refuses updates), with an SM3 digest over the canonical manifest so any later copy can be checked.
 */
export async function buildArchive(db: Executor, c: CaseRow): Promise<void> {
  const steps = await repo.findStepsOfCase(db, c.id);
  const materials = await repo.findMaterialsOfCase(db, c.id);
  const content = {
    case: {
      id: c.id, caseNo: c.case_no, itemId: c.item_id, itemVersionId: c.item_version_id, itemName: c.item_name, situationCode: c.situation_code, agencyId: c.agency_id,
      applicantName: c.applicant_name, applicantIdNo: c.applicant_id_no, channel: c.channel, submittedAt: c.submitted_at, acceptedAt: c.accepted_at, deadlineAt: c.deadline_at,
      completedAt: c.completed_at, outcome: c.outcome, result: c.result, process: `${c.process_key}@${c.process_version}`, formData: c.form_data,
    },
    steps: steps.filter((s) => s.state !== 'pending').map((s) => ({ seq: s.seq, node: s.node_name, action: s.action_label, state: s.state, actor: s.actor_name, opinion: s.opinion, startedAt: s.started_at, endedAt: s.ended_at })),
    materials: materials.map((m) => ({ materialId: m.material_id, name: m.name, method: m.method, eLicenceNo: m.e_licence_no, files: m.files })),
  };
  const plain = JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
  await repo.insertArchive(db, { case_id: c.id, case_no: c.case_no!, content: plain, manifest_sm3: sm3Hex(canonicalJson(plain)) });
}

/** JSON with object keys sorted at every level: jsonb does not keep key order, the digest must not depend on it. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

export async function getArchive(db: Db, actor: Actor, caseId: string) {
  const c = await repo.findCaseById(db, caseId);
  if (!c || c.status === 'draft') throw new AppError('NOT_FOUND', { detail: '办件不存在' });
  await requireStaffView(db, actor, c);
  const a = await repo.findArchive(db, caseId);
  if (!a) throw new AppError('ARCHIVE_NOT_READY');
  const intact = sm3Hex(canonicalJson(a.content)) === a.manifest_sm3;
  return { caseId: a.case_id, caseNo: a.case_no, archivedAt: a.archived_at, manifestSm3: a.manifest_sm3, intact, content: a.content };
}
