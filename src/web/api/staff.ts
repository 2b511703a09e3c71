import { api, newIdempotencyKey } from './client.ts';
import { uploadFile } from './upload.ts';
import type { FormSchema } from '../../shared/form-schema.ts';

/**
 * The cases, visits and resident-lookup APIs as the workbench (工作台) uses them. Shapes mirror the server's
 * answers (src/server/modules/cases/view-*.ts); all workbench URLs live here.
 */
export type Colour = 'green' | 'yellow' | 'red';

export interface InboxRow {
  taskId: string; nodeId: string; nodeName: string; nodeKind: string; role: string | null; claimedByMe: boolean; assignedToMe: boolean;
  caseId: string; caseNo: string; version: number; status: string; statusLabel: string; itemId: string; itemName: string; agencyId: string;
  applicantName: string; channel: string; submittedAt: string | null; deadlineAt: string | null; deadlineDay: string | null; colour: Colour | null; immediate: boolean;
}
export interface InboxAnswer { counts: Record<string, number>; items: InboxRow[] }
export interface InboxFilter {
  status?: string; colour?: Colour; caseNo?: string; appliedFrom?: string; appliedTo?: string; sort?: 'deadline' | 'submitted'; limit?: number; offset?: number;
}

export interface CaseStep {
  id: string; seq: number; nodeId: string; nodeName: string; kind: string; agencyId: string | null; role: string | null; assigneeUserId: string | null;
  claimedByUserId: string | null; state: 'pending' | 'done' | 'cancelled' | string; action: string | null; actionLabel: string | null; opinion: string | null;
  actorName: string | null; startedAt: string; endedAt: string | null; mine: boolean;
}
export interface StaffMaterial { materialId: string; name: string; method: string; eLicenceNo: string | null; note: string | null; files: { uploadId: string; fileName: string; mime: string; size: number }[] }
export interface StaffCase {
  id: string; caseNo: string; version: number; status: string; statusLabel: string; outcome: string | null;
  item: { id: string; versionId: string; name: string; basicCode: string };
  agencyId: string;
  applicant: { name: string; idNo: string | null; phone: string | null; enterpriseId: string | null };
  channel: { kind: string; windowId: string | null; hallId: string | null };
  formData: Record<string, unknown>; piiMasked: boolean;
  limits: { legal: { days: number; unit: string } | null; committed: { days: number; unit: string } | null; extendedDays: number | null; immediate: boolean };
  times: Record<'submittedAt' | 'acceptedAt' | 'decidedAt' | 'completedAt' | 'deliveredAt' | 'pausedAt', string | null>;
  deadline: { at: string; warnAt: string | null; colour: Colour } | null;
  process: { key: string; version: number };
  steps: CaseStep[];
  materials: StaffMaterial[];
  corrections: { items?: { kind: string; ref?: string; problem: string }[]; notice?: string | null; requested_at?: string; requestedAt?: string }[];
  result: Record<string, string | null> | null; delivery: Record<string, string | null> | null; closedReason: string | null;
}

export interface ProcessNode { id: string; kind: string; name: string; stage?: string; next?: string; handler?: { role?: string; user?: string; agency?: string }; assignees?: { role?: string; user?: string; agency?: string }[]; branches?: { agencies: string | string[]; role: string }; auto?: string }
export interface ProcessDefinition { key: string; version: number; name: string; definition: { key: string; name: string; description?: string; nodes: ProcessNode[] } }

/** The business actions of the cases API: request name → URL segment. */
export const ACTION_PATHS = {
  claim: 'claim', accept: 'accept', not_accept: 'not-accept', pass: 'pass', send_back: 'send-back', request_correction: 'corrections',
  transfer: 'transfer', add_signer: 'signers', remove_signer: 'signers/remove', withdraw: 'withdraw', urge: 'urge', special: 'special-procedure',
  approve: 'approve', deny: 'deny', complete: 'complete', deliver: 'deliver',
} as const;
export type CaseAction = keyof typeof ACTION_PATHS;

/** Which actions each stage offers — the same table the server enforces (cases/act.ts STAGE_ACTIONS). */
export const STAGE_ACTIONS: Record<string, CaseAction[]> = {
  accept: ['accept', 'not_accept', 'request_correction'],
  review: ['pass', 'send_back', 'request_correction'],
  decide: ['approve', 'deny', 'send_back'],
  conclude: ['complete', 'send_back'],
  deliver: ['deliver'],
};

export interface Visit { id: string; startedAt?: string; endedAt?: string | null }
export interface ResidentMatch { id: string; name: string; idCard: string; phone: string | null; active: boolean; masked: boolean; enterprises: { id: string; uscc: string; name: string }[] }

export const workbenchApi = {
  inbox: (f: InboxFilter) => api.get<InboxAnswer>('/cases/inbox', { query: { ...f } }),
  overdue: (agencyId?: string) => api.get<{ caseId: string; caseNo: string; status: string; itemName: string; agencyId: string; applicantName: string; acceptedAt: string | null; deadlineAt: string; warnedAt: string | null }[]>('/cases/overdue', { query: { agencyId, limit: 500 } }),
  caseDetail: (id: string) => api.get<StaffCase>(`/cases/${encodeURIComponent(id)}`),
  processDefinitions: () => api.get<ProcessDefinition[]>('/process-definitions'),
  /** One business action with the version the clerk saw (optimistic lock: a stale view answers 409). */
  act: (id: string, action: CaseAction, body: Record<string, unknown>) => api.post<{ id: string; status: string; version: number }>(`/cases/${encodeURIComponent(id)}/${ACTION_PATHS[action]}`, body),
  validate: (type: 'idCard' | 'uscc', value: string) => api.post<{ valid: boolean; reason?: string }>('/validate', { type, value }),
  lookupResident: (idCard: string) => api.post<ResidentMatch | null>('/residents/lookup', { idCard }),
  registerResident: (b: { idCard: string; name: string; phone: string }) => api.post<ResidentMatch>('/residents', b),
  openVisit: (b: { caseId?: string; applicantName?: string; purpose: string; hallId: string; windowId: string }) => api.post<Visit>('/visits', b),
  endVisit: (id: string) => api.post<Visit>(`/visits/${encodeURIComponent(id)}/end`),
  createDraft: (b: { itemKey: string; channel: 'window'; hallId: string; windowId: string; onBehalf: { idCard: string; name: string; phone?: string; enterpriseUscc?: string }; formData: Record<string, unknown> }) =>
    api.post<{ id: string; version: number }>('/cases/drafts', b),
  saveDraft: (id: string, b: { version?: number; formData: Record<string, unknown>; materials: { materialId: string; method: string; uploadIds?: string[] }[] }) =>
    api.patch<{ id: string; version: number }>(`/cases/drafts/${encodeURIComponent(id)}`, b),
  submitDraft: (id: string, key = newIdempotencyKey()) => api.post<{ id: string; caseNo: string }>(`/cases/drafts/${encodeURIComponent(id)}/submit`, {}, { headers: { 'idempotency-key': key } }),
  /** 代扫: the clerk uploads a scan on the applicant's behalf; the file belongs to the applicant. */
  uploadOnBehalf: (file: File, meta: { materialId: string; itemVersionId: string; onBehalfOfUserId?: string }, onProgress: (p: number) => void) =>
    uploadFile<{ id: string; fileName: string; mime: string; size: number }>('/materials/uploads', file, Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as Record<string, string>, onProgress),
};

export const contentUrl = (uploadId: string) => `/api/v1/materials/uploads/${encodeURIComponent(uploadId)}/content`;

export type { FormSchema };
